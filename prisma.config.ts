import { defineConfig } from 'prisma/config';
import { MigrationAdapterFactory } from './prisma/migration-adapter';

// `prisma generate` reads DATABASE_URL from the schema even though it never connects; an unset
// one makes the CLI try to download an engine, so give it a placeholder (../shared/PLATFORM.md).
process.env.DATABASE_URL ??= 'postgresql://placeholder@127.0.0.1:5432/placeholder';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new MigrationAdapterFactory(process.env.DATABASE_URL!),
});
