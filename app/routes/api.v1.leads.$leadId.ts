// GET /api/v1/leads/{id} — the lead with its status, owner and qualification result.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiError, methodNotAllowed, requireApiKey } from "../api/http.server";
import { leadToJson } from "../api/leads";
import { getLead } from "../leads/queries.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { workspace } = await requireApiKey(request, context);
  const id = z.uuid().safeParse(params.leadId);
  if (!id.success) return apiError(404, "Lead not found.");
  const found = await getLead({ db: context.db, workspaceId: workspace.id, leadId: id.data });
  if (!found) return apiError(404, "Lead not found.");
  return Response.json(leadToJson(found.lead, found.owner));
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
