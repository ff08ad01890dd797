// POST /api/v1/plan/proactive — the reverse funnel: from a revenue target, the average order, the
// lead conversion rate and what existing customers and marketing bring, the leads a rep must
// generate proactively (DESIGN.md "Planning"). Pure calculation: nothing is stored.
import type { ActionFunctionArgs } from "@remix-run/node";
import { invalidInput, methodNotAllowed, readJson, requireApiKey } from "../api/http.server";
import { proactivePlanToJson } from "../planning/json";
import { planProactiveLeads, proactivePlanInputSchema } from "../planning/planning";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  await requireApiKey(request, context);
  const parsed = proactivePlanInputSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalidInput(parsed.error);
  return Response.json(proactivePlanToJson(planProactiveLeads(parsed.data)));
}
