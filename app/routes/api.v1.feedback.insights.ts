// GET /api/v1/feedback/insights?from=YYYY-MM-DD&to=YYYY-MM-DD — feedback turned into sentences per
// source and campaign, the same figures as the Feedback page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { feedbackInsightsToJson } from "../api/feedback";
import { invalidInput, methodNotAllowed, requireApiKey } from "../api/http.server";
import { feedbackInsights } from "../feedback/insights.server";
import { feedbackPeriodSchema, todayIn } from "../feedback/period";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { workspace } = await requireApiKey(request, context);
  const params = new URL(request.url).searchParams;
  const parsed = feedbackPeriodSchema(todayIn(workspace.timeZone)).safeParse({
    from: params.get("from"),
    to: params.get("to"),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const report = await feedbackInsights({
    db: context.db,
    workspaceId: workspace.id,
    timeZone: workspace.timeZone,
    period: parsed.data,
  });
  return Response.json(feedbackInsightsToJson(report));
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(["GET"]);
}
