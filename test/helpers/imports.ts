// Driving a CSV import in tests: the mapping the page suggests, and waiting for the background
// job to finish.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { imports } from "../../db/schema";

/** The mapping the page suggests: column position → selected field ("" = ignored). */
export function selectedMapping(html: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const match of html.matchAll(/<select[^>]*name="(map\.\d+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option[^>]*value="([^"]*)"[^>]*selected=""/.exec(match[2] ?? "");
    mapping[match[1] ?? ""] = selected?.[1] ?? "";
  }
  return mapping;
}

/** The import's row once its job is done or has failed (it runs in the background). */
export async function waitUntilFinished(db: Database, importId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.select().from(imports).where(eq(imports.id, importId));
    if (row && (row.status === "done" || row.status === "failed")) return row;
    if (Date.now() > deadline) throw new Error(`Import still ${row?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
