// POST /api/v1/activities — one attempt by a rep (call, e-mail, meeting…), or
// { "activities": [...] } (at most 1,000), each naming its lead by lead_id, lead_external_id or
// email. Re-sending an attempt with the same external_id stores it once.
import type { ActionFunctionArgs } from "@remix-run/node";
import {
  type ActivityIntakeResult,
  intakeActivities,
  UnknownLeadError,
  UnknownMemberError,
} from "../activities/intake.server";
import { activityInputSchema } from "../activities/schemas";
import { parseSingleOrBatch } from "../api/batch.server";
import { apiError, methodNotAllowed, readJson, requireApiKey } from "../api/http.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

function toJson({ activity, stored }: ActivityIntakeResult) {
  return {
    id: activity.id,
    lead_id: activity.leadId,
    kind: activity.kind,
    occurred_at: activity.occurredAt.toISOString(),
    user_id: activity.userId,
    stored,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const { workspace } = await requireApiKey(request, context);
  const { batch, items } = parseSingleOrBatch(
    await readJson(request),
    "activities",
    activityInputSchema,
  );
  let results: ActivityIntakeResult[];
  try {
    results = await intakeActivities({
      db: context.db,
      workspaceId: workspace.id,
      activities: items,
    });
  } catch (error) {
    if (error instanceof UnknownLeadError || error instanceof UnknownMemberError) {
      const path = batch ? `activities.${error.index}.${error.field}` : error.field;
      return error instanceof UnknownLeadError
        ? apiError(404, "Lead not found in this workspace.", [
            { path, message: "no lead in this workspace matches" },
          ])
        : apiError(400, "Invalid input: see issues for each field.", [
            { path, message: "no member of this workspace has this e-mail address" },
          ]);
    }
    throw error;
  }
  // Update the lead's messages (Slack) without holding up the answer (never throws).
  const changedLeads = new Set(results.filter((r) => r.stored).map((r) => r.activity.leadId));
  for (const leadId of changedLeads) {
    void context.notifier.leadChanged({ workspaceId: workspace.id, leadId });
  }
  const json = results.map(toJson);
  if (batch) return Response.json({ results: json });
  const [single] = json;
  return Response.json(single, { status: single?.stored ? 201 : 200 });
}
