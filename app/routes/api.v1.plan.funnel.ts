// POST /api/v1/plan/funnel — from a number of wins and the funnel's stages with their conversion
// rates, how many are needed at each stage and each stage's chance of ending in a win
// (DESIGN.md "Planning"). Pure calculation: nothing is stored.
import type { ActionFunctionArgs } from "@remix-run/node";
import { invalidInput, methodNotAllowed, readJson, requireApiKey } from "../api/http.server";
import { funnelPlanToJson } from "../planning/json";
import { funnelPlanInputSchema, planFunnel } from "../planning/planning";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  await requireApiKey(request, context);
  const parsed = funnelPlanInputSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalidInput(parsed.error);
  return Response.json(funnelPlanToJson(planFunnel(parsed.data)));
}
