// Runs once before all test files: builds the web app if needed and, on PostgreSQL, migrates a
// template database that each test file copies (CREATE DATABASE … TEMPLATE is fast).

import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrationsFolder } from "../db/client";
import { ensureBuild } from "../server/build";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

export function databaseUrlFor(baseUrl: string, database: string) {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  ensureBuild((line) => process.stderr.write(`${line}\n`));
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    project.provide("pgTemplate", null);
    return;
  }
  const template = `baton_tpl_${process.pid}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${template}`);
  await admin.unsafe(`CREATE DATABASE ${template}`);
  const client = postgres(databaseUrlFor(baseUrl, template), { max: 1, onnotice: () => {} });
  await migrate(drizzle({ client }), { migrationsFolder });
  await client.end();
  project.provide("pgTemplate", template);
  return async () => {
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`baton_t_${process.pid}_%`} or datname = ${template}`;
    for (const { datname } of leftovers)
      await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
  };
}
