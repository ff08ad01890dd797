// GET /api/v1/members — every member of the key's workspace.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listMembers } from "../accounts/members.server";
import { methodNotAllowed, requireApiKey } from "../api/http.server";
import { memberToJson } from "../api/members";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { workspace } = await requireApiKey(request, context);
  const members = await listMembers({ db: context.db, workspaceId: workspace.id });
  return Response.json({ members: members.map(memberToJson) });
}

export async function action(_: ActionFunctionArgs) {
  return methodNotAllowed(["GET"]);
}
