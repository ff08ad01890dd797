// POST /api/v1/leads — one lead, or { "leads": [...] } (at most 1,000). Idempotent on
// external_id: the same lead posted twice is stored once and answered with the same id.
import type { ActionFunctionArgs } from "@remix-run/node";
import { parseSingleOrBatch } from "../api/batch.server";
import { methodNotAllowed, readJson, requireApiKey } from "../api/http.server";
import { intakeLeads } from "../leads/intake.server";
import { leadInputSchema } from "../leads/schemas";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const { workspace } = await requireApiKey(request, context);
  const { batch, items } = parseSingleOrBatch(await readJson(request), "leads", leadInputSchema);
  const results = await intakeLeads({
    db: context.db,
    workspaceId: workspace.id,
    leads: items,
    actorLabel: "api",
  });
  // Speed to lead: tell the assigned reps now, without holding up the answer (never throws).
  for (const result of results) {
    if (result.assigned)
      void context.notifier.leadAssigned({ workspaceId: workspace.id, leadId: result.id });
  }
  const json = results.map((result) => ({
    id: result.id,
    status: result.status,
    created: result.created,
    routed_to_open_lead: result.routedToOpenLead,
  }));
  if (batch) return Response.json({ results: json });
  const [single] = json;
  return Response.json(single, {
    status: single?.created ? 201 : 200,
    headers: { Location: `/api/v1/leads/${single?.id}` },
  });
}
