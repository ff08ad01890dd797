// GET /api/v1/attribution?model=M&from=YYYY-MM-DD&to=YYYY-MM-DD[&half_life=7] — credit per
// source, campaign and content for the period's MQLs, SQLs, pipeline, won revenue and gross
// profit under one model (DESIGN.md "Closed-loop attribution").
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { attributionToJson } from "../api/attribution";
import { invalidInput, methodNotAllowed, requireApiKey } from "../api/http.server";
import { attributionQueryInput, attributionQuerySchema } from "../attribution/query";
import { attributionReport } from "../attribution/report.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { workspace } = await requireApiKey(request, context);
  const parsed = attributionQuerySchema.safeParse(
    attributionQueryInput(new URL(request.url).searchParams),
  );
  if (!parsed.success) return invalidInput(parsed.error);
  const { model, from, to, half_life } = parsed.data;
  const report = await attributionReport({
    db: context.db,
    workspaceId: workspace.id,
    model,
    from,
    to,
    halfLifeDays: half_life,
  });
  return Response.json(attributionToJson(report, half_life));
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(["GET"]);
}
