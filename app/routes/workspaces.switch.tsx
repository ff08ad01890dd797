// Switches the session to another workspace the user belongs to.
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { notFound, requireUser } from "../auth/guards.server";
import { switchSessionWorkspace } from "../auth/sessions.server";

const switchSchema = z.object({ workspaceId: z.uuid() });

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireUser(request, context);
  const parsed = switchSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) notFound();
  const switched = await switchSessionWorkspace({
    db: context.db,
    sessionId: auth.session.id,
    userId: auth.user.id,
    workspaceId: parsed.data.workspaceId,
  });
  if (!switched) notFound();
  return redirect("/");
}
