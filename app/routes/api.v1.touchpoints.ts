// POST /api/v1/touchpoints — one touchpoint, or { "touchpoints": [...] } (at most 1,000),
// each naming its lead by lead_id, lead_external_id or email. Re-sending stores nothing twice.
import type { ActionFunctionArgs } from "@remix-run/node";
import { parseSingleOrBatch } from "../api/batch.server";
import { apiError, methodNotAllowed, readJson, requireApiKey } from "../api/http.server";
import { standaloneTouchpointSchema } from "../leads/schemas";
import { intakeTouchpoints, UnknownLeadError } from "../leads/touchpoint-intake.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const { workspace } = await requireApiKey(request, context);
  const { batch, items } = parseSingleOrBatch(
    await readJson(request),
    "touchpoints",
    standaloneTouchpointSchema,
  );
  try {
    const results = await intakeTouchpoints({
      db: context.db,
      workspaceId: workspace.id,
      touchpoints: items,
    });
    return batch
      ? Response.json({ results })
      : Response.json(results[0], { status: results[0]?.stored ? 201 : 200 });
  } catch (error) {
    if (error instanceof UnknownLeadError) {
      const path = batch ? `touchpoints.${error.index}.${error.field}` : error.field;
      return apiError(404, "Lead not found in this workspace.", [
        { path, message: "no lead in this workspace matches" },
      ]);
    }
    throw error;
  }
}
