// The committed migrations match the schema, and the workaround of prisma/migration-adapter.ts
// lets the Wasm schema engine build a shadow database (what `prisma migrate dev` needs).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const prisma = (args: string[]) =>
  promisify(execFile)(process.execPath, [prismaCli, ...args], { env: { ...process.env, DATABASE_URL: inject('databaseUrl') } });

describe('prisma migrations', () => {
  it('leave no drift between prisma/migrations and schema.prisma, through a shadow database', async () => {
    const result = await prisma([
      'migrate', 'diff',
      '--from-migrations', 'prisma/migrations',
      '--to-schema-datamodel', 'prisma/schema.prisma',
      '--exit-code',
    ]);
    expect(result.stdout).toContain('No difference detected');
  });

  it('drops the shadow databases it created', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'");
    await client.end();
    expect(rows).toEqual([]);
  });

  it('reports the test database as up to date', async () => {
    const result = await prisma(['migrate', 'status']);
    expect(result.stdout).toContain('Database schema is up to date');
  });
});
