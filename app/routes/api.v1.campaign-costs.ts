// POST /api/v1/campaign-costs — what a campaign cost over a stretch of days (one, or
// { "costs": [...] }, at most 1,000), for the scorecard's cost per MQL and per SQL. A cost sent
// again with the same external_id updates the stored one (a daily ad-spend export can be re-sent).
import type { ActionFunctionArgs } from "@remix-run/node";
import type { CampaignCost } from "../../db/schema";
import { parseSingleOrBatch } from "../api/batch.server";
import { methodNotAllowed, readJson, requireApiKey } from "../api/http.server";
import { campaignCostApiSchema } from "../scorecard/costs";
import { upsertCampaignCosts } from "../scorecard/costs.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

function toJson({ cost, created }: { cost: CampaignCost; created: boolean }) {
  return {
    id: cost.id,
    campaign: cost.campaign,
    source: cost.source,
    starts_on: cost.startsOn,
    ends_on: cost.endsOn,
    amount_cents: cost.amountCents,
    note: cost.note,
    external_id: cost.externalId,
    created,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const { workspace } = await requireApiKey(request, context);
  const { batch, items } = parseSingleOrBatch(
    await readJson(request),
    "costs",
    campaignCostApiSchema,
  );
  const results = await upsertCampaignCosts({
    db: context.db,
    workspaceId: workspace.id,
    costs: items,
  });
  const json = results.map(toJson);
  if (batch) return Response.json({ results: json });
  const [single] = json;
  return Response.json(single, { status: single?.created ? 201 : 200 });
}
