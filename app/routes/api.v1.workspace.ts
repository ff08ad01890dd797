// GET /api/v1/workspace — the workspace the API key belongs to.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, requireApiKey } from "../api/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { workspace } = await requireApiKey(request, context);
  return Response.json({
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    time_zone: workspace.timeZone,
    currency: workspace.currency,
  });
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(["GET"]);
}
