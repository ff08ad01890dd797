// The environment, parsed once at start-up; a bad value stops the server with the variable named.
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// or postgresql:// URL" })
      .optional(),
  ),
  BATON_DATA_DIR: optionalText.transform((value) => value ?? "./data"),
  SESSION_SECRET: optionalText.pipe(
    z.string().min(32, { error: "must be at least 32 characters when set" }).optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url({ error: "must be a URL" }).optional()),
  /** Where people reach this Baton (links in Slack messages); default http://localhost:PORT. */
  BATON_PUBLIC_URL: optionalText.pipe(z.url({ error: "must be a URL" }).optional()),
  BATON_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(15000),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join("; ")}`);
  }
  return result.data;
}
