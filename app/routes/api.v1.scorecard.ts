// GET /api/v1/scorecard?from=YYYY-MM-DD&to=YYYY-MM-DD — the shared scorecard's figures for the
// period and the one before it, the same as `/baton scorecard` (DESIGN.md "Metrics").
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { invalidInput, methodNotAllowed, requireApiKey } from "../api/http.server";
import { scorecardToJson } from "../api/scorecard";
import { scorecardPeriodSchema } from "../scorecard/period";
import { scorecard } from "../scorecard/scorecard.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { workspace } = await requireApiKey(request, context);
  const params = new URL(request.url).searchParams;
  const parsed = scorecardPeriodSchema.safeParse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const card = await scorecard({ db: context.db, workspaceId: workspace.id, ...parsed.data });
  return Response.json(scorecardToJson(card));
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(["GET"]);
}
