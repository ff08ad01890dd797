// Opens the database: PostgreSQL through postgres.js when a URL is given, otherwise the
// embedded PGlite in a data directory (guarded so that only one process opens it).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { rootDir } from "../server/build.js";
import { acquireDataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database or a transaction: every service function takes one of these. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface OpenDatabase {
  db: Database;
  kind: DatabaseKind;
  /** Applies the committed drizzle-kit migrations that have not run yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(rootDir, "db/migrations");

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  /** Who opens it, named in the message another process sees while this one holds it. */
  holder?: string;
  /** Connection pool size for PostgreSQL. */
  maxConnections?: number;
}

/**
 * drizzle runs every query as an unnamed statement, which PostgreSQL parses and plans anew each
 * time. This makes postgres.js prepare them instead (once per connection and query text, then
 * reused), in transactions too: a new lead's dozen queries cost a third less database CPU
 * (docs/performance.md).
 */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: object) =>
          target.unsafe(query, parameters as never, { ...options, prepare: true });
      }
      if (property === "begin") {
        return (...args: unknown[]) => {
          const run = args.pop() as (sql: postgres.Sql) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args, (sql: postgres.Sql) =>
            run(preparing(sql)),
          );
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * PGlite's buffer pool. Its data directory says 128 MB (initdb's default), which PGlite sets up
 * in WebAssembly memory at every start: about 0.35 s of `npm start` on a small VM. The files
 * stay in the operating system's cache beside it, and a team the embedded default serves well
 * (docs/performance.md, "PGlite or PostgreSQL") has a database of a few tens of megabytes.
 */
const pgliteSharedBuffers = "32MB";

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // PostgreSQL's default 4 MB sends the scorecard's grouping of a quarter's leads (tens of
      // thousands of rows) to disk; with more it sorts or hashes in memory (docs/performance.md).
      // JIT compiling is for long CPU-bound scans; the attribution report's plans, whose
      // lookups per lead the planner overestimates fivefold, paid 0.24 s (the journeys) and
      // 1.6 s (Markov's year) to compile before a row was read (docs/performance.md).
      connection: { work_mem: "32MB", jit: "off" },
    });
    const db = drizzlePostgres({ client: preparing(client), schema }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      migrate: async () => {
        await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  const dataDir = options.dataDir ?? "./data";
  const inMemory = dataDir.startsWith("memory://");
  let releaseLock = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(dataDir, options.holder ?? "baton");
  }
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : path.resolve(dataDir), {
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${pgliteSharedBuffers}`],
    });
  } catch (error) {
    releaseLock();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    migrate: async () => {
      await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}
