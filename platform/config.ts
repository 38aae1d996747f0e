// Every environment variable the service reads, in one place (docker-compose.yml sets them all).
import { join } from 'node:path';

export interface Config {
  /** PostgreSQL; unset means the embedded PGlite database under .data/. */
  databaseUrl: string | undefined;
  /** A Temporal frontend host:port; unset means `npm start` runs the Temporal dev server. */
  temporalAddress: string | undefined;
  temporalNamespace: string;
  /** smtp://user:pass@host:port; unset means the local mail catcher (messages in .data/mail). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /**
   * Domain of the fallback address (`role.actorId@domain`) of an actor without a contact row.
   * Set empty for none: a notification to an actor without a contact then fails, visibly.
   */
  notifyFallbackDomain: string | undefined;
  apiPort: number;
  /** Interface the API listens on: 127.0.0.1 on a laptop, 0.0.0.0 in a container. */
  apiHost: string;
  temporalPort: number;
  temporalUiPort: number;
  embeddedPostgresPort: number;
  mailCatcherPort: number;
  dataDir: string;
  logLevel: string;
  /** Requests a minute per API key. */
  rateLimitPerMinute: number;
  /** A JSON file of settings overrides (domain/settings.ts), e.g. the AMI month amounts. */
  settingsFile: string | undefined;
  /** Insatser a worker keeps in memory; an evicted one is rebuilt by replay on its next task. */
  workerMaxCachedWorkflows: number;
  /** Activities (database writes, e-mails) a worker runs at once; bounds a burst's load on PostgreSQL and SMTP. */
  workerMaxConcurrentActivities: number;
  /** Browser origins of the Temporal Web UI that may call the codec server (/codec); the dev server's UI by default. */
  codecUiOrigins: string[];
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`${name} must be a port number, got "${value}"`);
  return parsed;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Kundval AMI <no-reply@kundval.nacka.example>',
    notifyFallbackDomain: env.NOTIFY_FALLBACK_DOMAIN === undefined ? 'kundval.nacka.example' : env.NOTIFY_FALLBACK_DOMAIN || undefined,
    apiPort: port(env, 'PORT', 3000),
    apiHost: env.HOST || '127.0.0.1',
    temporalPort: port(env, 'TEMPORAL_PORT', 7233),
    temporalUiPort: port(env, 'TEMPORAL_UI_PORT', 8233),
    embeddedPostgresPort: port(env, 'EMBEDDED_POSTGRES_PORT', 5433),
    mailCatcherPort: port(env, 'MAIL_CATCHER_PORT', 1025),
    dataDir: env.DATA_DIR || join(process.cwd(), '.data'),
    logLevel: env.LOG_LEVEL || 'info',
    rateLimitPerMinute: positive(env, 'RATE_LIMIT_PER_MINUTE', 600),
    settingsFile: env.SETTINGS_FILE || undefined,
    workerMaxCachedWorkflows: positive(env, 'WORKER_MAX_CACHED_WORKFLOWS', 2000),
    workerMaxConcurrentActivities: positive(env, 'WORKER_MAX_CONCURRENT_ACTIVITIES', 100),
    codecUiOrigins: (env.CODEC_UI_ORIGINS || `http://127.0.0.1:${port(env, 'TEMPORAL_UI_PORT', 8233)},http://localhost:${port(env, 'TEMPORAL_UI_PORT', 8233)}`)
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}
