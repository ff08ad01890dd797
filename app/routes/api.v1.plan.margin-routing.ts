// POST /api/v1/plan/margin-routing — the business case for margin-weighted routing: gross profit
// per segment before and after the expected change in conversion, and the uplift, per segment and
// in total (DESIGN.md "Planning"). Pure calculation: nothing is stored.
import type { ActionFunctionArgs } from "@remix-run/node";
import { invalidInput, methodNotAllowed, readJson, requireApiKey } from "../api/http.server";
import { marginRoutingCaseToJson } from "../planning/json";
import { marginRoutingCase, marginRoutingInputSchema } from "../planning/planning";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  await requireApiKey(request, context);
  const parsed = marginRoutingInputSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalidInput(parsed.error);
  return Response.json(marginRoutingCaseToJson(marginRoutingCase(parsed.data)));
}
