// A clean database for one test file: PGlite in memory, or (DATABASE_URL set) a new PostgreSQL
// database copied from the migrated template, dropped again afterwards.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { type OpenDatabase, openDatabase } from "../../db/client";
import { databaseUrlFor } from "../global-setup";

export interface TestDatabase extends OpenDatabase {
  /** The PostgreSQL URL of this database (null on PGlite), for child processes such as the CLI. */
  url: string | null;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  const template = inject("pgTemplate");
  if (!baseUrl || !template) {
    const database = await openDatabase({ dataDir: "memory://" });
    await database.migrate();
    return { ...database, url: null };
  }
  const name = `baton_t_${process.ppid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = databaseUrlFor(baseUrl, name);
  const database = await openDatabase({ databaseUrl: url, maxConnections: 5 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
