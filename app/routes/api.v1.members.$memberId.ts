// GET /api/v1/members/{id} — one member; another workspace's member is "not found".
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { getMember } from "../accounts/members.server";
import { apiError, methodNotAllowed, requireApiKey } from "../api/http.server";
import { memberToJson } from "../api/members";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { workspace } = await requireApiKey(request, context);
  const id = z.uuid().safeParse(params.memberId);
  if (!id.success) return apiError(404, "Member not found.");
  try {
    const member = await getMember({
      db: context.db,
      workspaceId: workspace.id,
      membershipId: id.data,
    });
    return Response.json(memberToJson(member));
  } catch (error) {
    if (error instanceof NotFoundError) return apiError(404, "Member not found.");
    throw error;
  }
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(["GET"]);
}
