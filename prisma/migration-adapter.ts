// Workarounds for two bugs of @prisma/adapter-pg 6.19 under Prisma's Wasm schema engine
// (../shared/PLATFORM.md). Used only by prisma.config.ts for migrate/diff; delete this file
// when Prisma fixes them.
//  1. Introspection reads catalog columns of type "char" (oid 18), name (19) and name[] (1003),
//     which the adapter cannot decode ("Column type 'name' could not be deserialized",
//     prisma/orm#27403). We report them as text / text[].
//  2. connectToShadowDb() keeps the main database when the config is a connection string
//     (P3006 "relation already exists") and drops the shadow database before closing its
//     pool. We create a uniquely named shadow database, close its pool, then drop it WITH (FORCE).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const UNDECODABLE_CATALOG_TYPES: Record<number, number> = { 18: TEXT_OID, 19: TEXT_OID, 1003: TEXT_ARRAY_OID };

type QueryResult = { fields?: { dataTypeID: number }[] };
// A script of several statements gives one result per statement.
type Queryable = { performIO: (query: unknown) => Promise<QueryResult | QueryResult[]> };

function reportCatalogTypesAsText<T extends object>(queryable: T): T {
  const target = queryable as unknown as Queryable;
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const statement of Array.isArray(result) ? result : [result]) {
      for (const field of statement.fields ?? []) {
        field.dataTypeID = UNDECODABLE_CATALOG_TYPES[field.dataTypeID] ?? field.dataTypeID;
      }
    }
    return result;
  };
  const withTransactions = queryable as unknown as { startTransaction?: (...args: unknown[]) => Promise<object> };
  const startTransaction = withTransactions.startTransaction?.bind(queryable);
  if (startTransaction) {
    withTransactions.startTransaction = async (...args) => reportCatalogTypesAsText(await startTransaction(...args));
  }
  return queryable;
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

export class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super({ connectionString, max: 1 });
  }

  override async connect() {
    return reportCatalogTypesAsText(await super.connect());
  }

  override async connectToShadowDb() {
    const database = `prisma_shadow_${Date.now()}_${Math.floor(Math.random() * 1e9)}`;
    const admin = new pg.Client({ connectionString: this.connectionString });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadow = reportCatalogTypesAsText(
      await new PrismaPg({ connectionString: withDatabase(this.connectionString, database), max: 1 }).connect(),
    );
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
    return shadow;
  }
}
