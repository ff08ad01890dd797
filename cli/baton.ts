// The admin CLI: `npm run baton -- <command>` (also the `baton` bin). JSON goes to stdout; logs,
// progress and errors to stderr; a bad argument exits 1 with one line saying what to fix.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { AccountError } from "../app/accounts/errors";
import {
  emailSchema,
  passwordSchema,
  timeZoneSchema,
  workspaceNameSchema,
} from "../app/accounts/schemas";
import { createWorkspaceWithAdmin, getWorkspaceBySlug } from "../app/accounts/workspaces.server";
import { createApiKey } from "../app/api-keys/api-keys.server";
import { AttributionInputError, attribute, attributionModels } from "../app/attribution/models";
import { PathsCsvError, parsePathsCsv } from "../app/attribution/paths-csv";
import { translate, translateMessage } from "../app/i18n/i18n";
import { type OpenDatabase, openDatabase } from "../db/client";
import { DataDirLockedError } from "../db/data-dir-lock";
import { seedDemo } from "../db/seed/demo";
import { readConfig } from "../server/config";

export const usage = `Usage: baton <command> [options]

Commands:
  workspace create --name NAME --admin-email EMAIL --password PASSWORD [--admin-name NAME] [--time-zone TZ]
      Creates a workspace and its admin. Prints {"workspace":{"id","slug"},"user":{"id"}}.
  apikey create --workspace SLUG [--name NAME]
      Creates an API key (shown once, stored hashed). Prints {"key":"..."}.
  demo
      Creates (or recreates) the demo workspace. Prints {"workspace":{…},"users":[{"email","password","role"}]}.
  attribution --paths FILE.csv --model MODEL [--half-life DAYS]
      Credits channels for the aggregated paths in FILE.csv (columns path, conversions,
      conversion_value, nulls; optionally days_before_conversion, lead_idx). MODEL is one of:
      ${attributionModels.join(", ")}.
      --half-life (time_decay only, default 7). Prints {"model","channels":[{"channel",
      "conversions","value"}]}, unrounded. Opens no database.

Environment: DATABASE_URL (PostgreSQL) or BATON_DATA_DIR (PGlite, default ./data).`;

export class UsageError extends Error {}

function fieldError(option: string, error: z.ZodError): never {
  const message = error.issues[0]?.message ?? "invalid value";
  throw new UsageError(`${option}: ${translateMessage("en", message)}`);
}

function parseOption<T>(option: string, schema: z.ZodType<T>, value: string | undefined): T {
  if (value === undefined) throw new UsageError(`${option} is required`);
  const result = schema.safeParse(value);
  if (!result.success) fieldError(option, result.error);
  return result.data;
}

function parse(args: string[], options: Record<string, { type: "string" }>) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | undefined
    >;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
}

async function withDatabase<T>(holder: string, work: (database: OpenDatabase) => Promise<T>) {
  const config = readConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: path.resolve(config.BATON_DATA_DIR),
    holder,
    maxConnections: 2,
  });
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

const attributionModelSchema = z.enum(attributionModels, {
  error: `choose one of ${attributionModels.join(", ")}`,
});

const halfLifeSchema = z
  .string()
  .trim()
  .regex(/^(\d+(\.\d*)?|\.\d+)$/, { error: "enter a number of days above 0, e.g. 7" })
  .transform(Number)
  .pipe(z.number().positive({ error: "enter a number of days above 0, e.g. 7" }));

/** `npm run` starts the CLI in the package root; a relative path means where the user typed it. */
function userPath(file: string) {
  const base =
    process.env.npm_lifecycle_event === "baton" && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd();
  return path.resolve(base, file);
}

function readPathsFile(file: string): string {
  const resolved = userPath(file);
  try {
    return readFileSync(resolved, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`--paths: no file at ${resolved}`);
    if (code === "EISDIR") throw new UsageError(`--paths: ${resolved} is a directory`);
    throw new UsageError(`--paths: cannot read ${resolved} (${code ?? (error as Error).message})`);
  }
}

/** The analysts' attribution command: a pure calculation over a file, no database. */
function attributionCommand(args: string[]) {
  const values = parse(args, {
    paths: { type: "string" },
    model: { type: "string" },
    "half-life": { type: "string" },
  });
  const model = parseOption("--model", attributionModelSchema, values.model);
  const file = parseOption(
    "--paths",
    z.string().trim().min(1, { error: "name the paths CSV file" }),
    values.paths,
  );
  let halfLifeDays: number | undefined;
  if (values["half-life"] !== undefined) {
    if (model !== "time_decay")
      throw new UsageError("--half-life only applies to --model time_decay");
    halfLifeDays = parseOption("--half-life", halfLifeSchema, values["half-life"]);
  }
  try {
    const journeys = parsePathsCsv({ csv: readPathsFile(file), model });
    return { model, channels: attribute({ model, journeys, halfLifeDays }) };
  } catch (error) {
    if (error instanceof PathsCsvError || error instanceof AttributionInputError) {
      throw new UsageError(`--paths: ${error.message}`);
    }
    throw error;
  }
}

export async function run(argv: string[]): Promise<unknown> {
  const [command, subcommand, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    process.stderr.write(`${usage}\n`);
    if (!command) throw new UsageError("no command given; see the usage above");
    return undefined;
  }

  if (command === "workspace" && subcommand === "create") {
    const values = parse(rest, {
      name: { type: "string" },
      "admin-email": { type: "string" },
      password: { type: "string" },
      "admin-name": { type: "string" },
      "time-zone": { type: "string" },
    });
    const name = parseOption("--name", workspaceNameSchema, values.name);
    const email = parseOption("--admin-email", emailSchema, values["admin-email"]);
    const password = parseOption("--password", passwordSchema, values.password);
    const adminName = values["admin-name"]?.trim() || email.split("@")[0] || email;
    const timeZone = values["time-zone"]
      ? parseOption("--time-zone", timeZoneSchema, values["time-zone"])
      : undefined;
    return withDatabase("baton workspace create", async ({ db }) => {
      try {
        const { workspace, user } = await createWorkspaceWithAdmin({
          db,
          workspaceName: name,
          timeZone,
          admin: { name: adminName, email, password },
          via: "cli",
        });
        return { workspace: { id: workspace.id, slug: workspace.slug }, user: { id: user.id } };
      } catch (error) {
        if (error instanceof AccountError) {
          throw new UsageError(`--admin-email: ${translate("en", error.messageKey)}`);
        }
        throw error;
      }
    });
  }

  if (command === "apikey" && subcommand === "create") {
    const values = parse(rest, { workspace: { type: "string" }, name: { type: "string" } });
    const slug = parseOption(
      "--workspace",
      z.string().trim().min(1, { error: "enter a workspace slug" }),
      values.workspace,
    );
    const name = values.name?.trim() || "CLI key";
    return withDatabase("baton apikey create", async ({ db }) => {
      const workspace = await getWorkspaceBySlug({ db, slug });
      if (!workspace) throw new UsageError(`--workspace: no workspace with slug "${slug}"`);
      const { key } = await createApiKey({
        db,
        workspaceId: workspace.id,
        name,
        createdByUserId: null,
        actorLabel: "cli",
      });
      return { key };
    });
  }

  if (command === "demo") {
    parse(
      [subcommand, ...rest].filter((arg): arg is string => arg !== undefined),
      {},
    );
    return withDatabase("baton demo", ({ db }) =>
      seedDemo({ db, log: (line) => process.stderr.write(`${line}\n`) }),
    );
  }

  if (command === "attribution") {
    return attributionCommand(
      [subcommand, ...rest].filter((arg): arg is string => arg !== undefined),
    );
  }

  throw new UsageError(
    `unknown command "${[command, subcommand].filter(Boolean).join(" ")}"; run "baton help"`,
  );
}

async function main() {
  try {
    const output = await run(process.argv.slice(2));
    if (output !== undefined) process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } catch (error) {
    const message =
      error instanceof UsageError || error instanceof DataDirLockedError
        ? error.message
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`baton: ${message.split("\n")[0]}\n`);
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}

await main();
