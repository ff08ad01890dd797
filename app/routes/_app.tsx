// The pathless layout of every signed-in page: loads the member and draws the app shell.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import { AppShell } from "../components/app-shell";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  return {
    user: { name: viewer.user.name, email: viewer.user.email },
    workspace: {
      id: viewer.workspace.id,
      name: viewer.workspace.name,
      slug: viewer.workspace.slug,
      timeZone: viewer.workspace.timeZone,
      currency: viewer.workspace.currency,
    },
    role: viewer.membership.role,
    isTeamLead: viewer.membership.isTeamLead,
    workspaces: viewer.workspaces.map((w) => ({ workspaceId: w.workspaceId, name: w.name })),
  };
}

export default function AppLayout() {
  const { user, workspace, workspaces } = useLoaderData<typeof loader>();
  return (
    <AppShell user={user} workspace={workspace} workspaces={workspaces}>
      <Outlet />
    </AppShell>
  );
}
