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
  /** Domain of the fallback address for an actor without a contact row. */
  notifyFallbackDomain: string;
  apiPort: number;
  temporalPort: number;
  temporalUiPort: number;
  embeddedPostgresPort: number;
  mailCatcherPort: number;
  dataDir: string;
  logLevel: string;
}

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`${name} must be a port number, got "${value}"`);
  return parsed;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Kundval AMI <no-reply@kundval.nacka.example>',
    notifyFallbackDomain: env.NOTIFY_FALLBACK_DOMAIN || 'kundval.nacka.example',
    apiPort: port('PORT', 3000),
    temporalPort: port('TEMPORAL_PORT', 7233),
    temporalUiPort: port('TEMPORAL_UI_PORT', 8233),
    embeddedPostgresPort: port('EMBEDDED_POSTGRES_PORT', 5433),
    mailCatcherPort: port('MAIL_CATCHER_PORT', 1025),
    dataDir: env.DATA_DIR || join(process.cwd(), '.data'),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
