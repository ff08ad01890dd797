// Single-or-batch bodies: `{…}` or `{ "<items>": [{…}, …] }` with at most 1,000 items; every
// item is validated before anything is stored, and issues name the item (`leads.3.email`).
import { z } from "zod";
import { apiError, maxBatchItems, zodIssues } from "./http.server";

export function parseSingleOrBatch<S extends z.ZodType>(
  body: unknown,
  itemsKey: string,
  schema: S,
): { batch: boolean; items: z.output<S>[] } {
  const isBatch =
    typeof body === "object" && body !== null && !Array.isArray(body) && itemsKey in body;
  if (!isBatch) {
    const result = schema.safeParse(body);
    if (!result.success)
      throw apiError(400, "Invalid input: see issues for each field.", zodIssues(result.error));
    return { batch: false, items: [result.data] };
  }
  const raw = (body as Record<string, unknown>)[itemsKey];
  if (!Array.isArray(raw)) {
    throw apiError(400, "Invalid input: see issues for each field.", [
      { path: itemsKey, message: "must be an array" },
    ]);
  }
  if (raw.length > maxBatchItems) {
    throw apiError(
      413,
      `A batch holds at most ${maxBatchItems} ${itemsKey}; this one has ${raw.length}.`,
    );
  }
  if (raw.length === 0) {
    throw apiError(400, "Invalid input: see issues for each field.", [
      { path: itemsKey, message: "must not be empty" },
    ]);
  }
  const result = z.array(schema).safeParse(raw);
  if (!result.success) {
    const issues = zodIssues(result.error).map((issue) => ({
      ...issue,
      path: `${itemsKey}.${issue.path}`,
    }));
    throw apiError(400, "Invalid input: see issues for each field.", issues);
  }
  return { batch: true, items: result.data };
}
