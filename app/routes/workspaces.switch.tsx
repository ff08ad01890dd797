// Switches the session to another workspace the user belongs to.
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "../auth/guards.server";
import { switchSessionWorkspace } from "../auth/sessions.server";

const switchSchema = z.object({ workspaceId: z.uuid() });

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireUser(request, context);
  const parsed = switchSchema.safeParse(Object.fromEntries(await request.formData()));
  // A resource route: answer with a plain 404 rather than an error boundary.
  if (!parsed.success) return new Response("Workspace not found", { status: 404 });
  const switched = await switchSessionWorkspace({
    db: context.db,
    sessionId: auth.session.id,
    userId: auth.user.id,
    workspaceId: parsed.data.workspaceId,
  });
  if (!switched) return new Response("Workspace not found", { status: 404 });
  return redirect("/");
}
