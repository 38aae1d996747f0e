// Embedded PostgreSQL for a machine with nothing installed: PGlite (PostgreSQL 17 in Wasm) behind
// a local wire-protocol socket, data under .data/pglite. PGlite serves one session, so clients
// must use a pool of one connection (../shared/PLATFORM.md: with five, writes were lost).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const folder = join(dataDir, 'pglite');
  await mkdir(folder, { recursive: true });
  const db = await PGlite.create(folder);
  // The service keeps one connection; a few more let `npm run apikey` work while it runs. pglite-socket
  // queues queries and keeps a transaction's queries together.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 4 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
