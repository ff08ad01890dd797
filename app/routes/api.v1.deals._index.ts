// POST /api/v1/deals — a deal (opportunity) from the CRM, or { "deals": [...] } (at most 1,000,
// all or nothing). Sent again with the same external_id, it updates the stored deal. A deal moves
// its lead to `opportunity`, and to `won` or `lost` when it closes.
import type { ActionFunctionArgs } from "@remix-run/node";
import { parseSingleOrBatch } from "../api/batch.server";
import { dealToJson } from "../api/deals";
import { apiError, methodNotAllowed, readJson, requireApiKey } from "../api/http.server";
import { DealInputError, intakeDeals, UnknownLeadError } from "../deals/deals.server";
import { dealCreateSchema } from "../deals/schemas";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const { workspace } = await requireApiKey(request, context);
  const { batch, items } = parseSingleOrBatch(await readJson(request), "deals", dealCreateSchema);
  try {
    const results = await intakeDeals({ db: context.db, workspaceId: workspace.id, deals: items });
    const json = results.map(({ deal, created }) => ({ ...dealToJson(deal), created }));
    if (batch) return Response.json({ results: json });
    const [single] = json;
    return Response.json(single, { status: single?.created ? 201 : 200 });
  } catch (error) {
    if (error instanceof UnknownLeadError || error instanceof DealInputError) {
      const path = batch ? `deals.${error.index}.${error.field}` : error.field;
      return error instanceof UnknownLeadError
        ? apiError(404, "Lead not found in this workspace.", [
            { path, message: "no lead in this workspace matches" },
          ])
        : apiError(400, "Invalid input: see issues for each field.", [
            { path, message: error.message },
          ]);
    }
    throw error;
  }
}
