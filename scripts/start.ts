// `npm start`: the whole service on one machine. Uses TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL
// when set; otherwise starts the Temporal dev server (with the Web UI), embedded PostgreSQL and
// a local mail catcher, all keeping their data in .data/. Ctrl-C stops everything.
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createApp } from '../api/app';
import { ensureDeliveryWorkflow } from '../client/delivery-client';
import { createPaymentClient } from '../client/payment-client';
import { createInsatsClient } from '../client/insats-client';
import { readConfig } from '../platform/config';
import { loadSettings } from '../platform/settings-file';
import { createDatabase, migrateDatabase } from '../platform/database';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';
import { logger } from '../platform/logger';
import { startMailCatcher } from '../platform/mail-catcher';
import { createMailer } from '../platform/mailer';
import { registerSearchAttributes } from '../platform/register-search-attributes';
import { startTemporalDevServer } from '../platform/temporal-dev-server';
import { createWorker } from '../worker';
import { installTemporalRuntime } from '../platform/temporal-runtime';
import { dataConverterFor } from '../platform/data-converter';
import { EncryptionCodec } from '../platform/payload-codec';
import { developmentKeyFile, readPayloadKeyring, writeNewKeyFile } from '../platform/payload-keys';

const config = readConfig();
const cleanups: (() => Promise<unknown> | unknown)[] = [];
let stopping: Promise<void> | undefined;

function stop(exitCode: number): Promise<void> {
  stopping ??= (async () => {
    logger.info('stopping');
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        logger.warn({ err: error }, 'cleanup failed');
      }
    }
    process.exit(exitCode);
  })();
  return stopping;
}

async function main(): Promise<void> {
  // We stop the worker ourselves, in order with everything else.
  installTemporalRuntime('WARN', { handleSignals: false });
  const settings = await loadSettings(config.settingsFile);
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  let keyring = readPayloadKeyring(process.env, config.dataDir);
  if (!keyring) {
    const file = developmentKeyFile(config.dataDir);
    keyring = await writeNewKeyFile(file);
    logger.warn({ file }, 'generated a development payload key; set PAYLOAD_KEYS or PAYLOAD_KEY_FILE in production (README, Encrypted payloads)');
  }
  const dataConverter = dataConverterFor(keyring);
  const codecEndpoint = `http://${config.apiHost === '0.0.0.0' ? '127.0.0.1' : config.apiHost}:${config.apiPort}/codec`;

  let temporalAddress = config.temporalAddress;
  let uiUrl = 'the Web UI of your Temporal server';
  if (!temporalAddress) {
    const devServer = await startTemporalDevServer({
      dataDir: config.dataDir,
      port: config.temporalPort,
      uiPort: config.temporalUiPort,
      namespace: config.temporalNamespace,
      uiCodecEndpoint: codecEndpoint,
    });
    cleanups.push(() => devServer.stop());
    temporalAddress = devServer.address;
    uiUrl = devServer.uiUrl;
  }
  const connection = await Connection.connect({ address: temporalAddress });
  cleanups.push(() => connection.close());
  await registerSearchAttributes(connection, config.temporalNamespace);

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
    cleanups.push(() => embedded.close());
    databaseUrl = embedded.url;
  }
  await migrateDatabase(databaseUrl);
  const database = createDatabase(databaseUrl, config.databaseUrl ? 10 : 1);
  cleanups.push(() => database.$disconnect());

  let smtpUrl = config.smtpUrl;
  let mailNote = `SMTP ${smtpUrl}`;
  if (!smtpUrl) {
    const mailFolder = join(config.dataDir, 'mail');
    const catcher = await startMailCatcher(mailFolder, config.mailCatcherPort);
    cleanups.push(() => catcher.close());
    smtpUrl = catcher.url;
    mailNote = `caught in ${mailFolder} (one .eml file per message)`;
  }
  const mailer = createMailer(smtpUrl, config.mailFrom);
  cleanups.push(() => mailer.close());

  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await createWorker({
    connection: nativeConnection,
    namespace: config.temporalNamespace,
    activities: createActivities({ database, mailer, notifyFallbackDomain: config.notifyFallbackDomain }),
    tuning: config,
    dataConverter,
  });
  const workerRun = worker.run();
  workerRun.catch((error) => {
    logger.error({ err: error }, 'the worker failed');
    void stop(1);
  });
  cleanups.push(async () => {
    worker.shutdown();
    await workerRun.catch(() => undefined);
    await nativeConnection.close();
  });

  const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter });
  const payments = createPaymentClient(client);
  await payments.ensurePaymentSchedule();
  await ensureDeliveryWorkflow(client, { settings: settings.digest });
  const app = createApp({ insatser: createInsatsClient(client), payments, database, settings, rateLimitPerMinute: config.rateLimitPerMinute,
    codecServer: { codec: new EncryptionCodec(keyring), uiOrigins: config.codecUiOrigins },
  });
  const server = app.listen(config.apiPort, config.apiHost);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));

  console.log(
    [
      '',
      'Kundval insatser is running.',
      `  API:          http://${config.apiHost}:${config.apiPort}/api  (docs: /docs, keys: npm run apikey -- create …)`,
      `  Temporal:     ${temporalAddress}, namespace ${config.temporalNamespace}`,
      `  Temporal UI:  ${uiUrl}  (payloads encrypted, key ${keyring.current.id}; decoded for operator keys at ${codecEndpoint})`,
      `  PostgreSQL:   ${config.databaseUrl ? 'DATABASE_URL' : `embedded (${join(config.dataDir, 'pglite')})`}`,
      `  E-mail:       ${mailNote}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  logger.error({ err: error }, 'start failed');
  void stop(1);
});
