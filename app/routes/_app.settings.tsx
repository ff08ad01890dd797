// Settings: tabs for the workspace, members, API keys, Slack, the audit log and one's profile.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import { PageHeader } from "../components/ui/card";
import { SectionTabs } from "../components/ui/section-tabs";
import type { MessageKey } from "../i18n/i18n";
import { useT } from "../i18n/use-t";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  return { isAdmin: viewer.membership.role === "admin" };
}

const tabs: { to: string; label: MessageKey; adminOnly: boolean }[] = [
  { to: "/settings", label: "settings.tabs.workspace", adminOnly: true },
  { to: "/settings/members", label: "settings.tabs.members", adminOnly: false },
  { to: "/settings/api-keys", label: "settings.tabs.apiKeys", adminOnly: true },
  { to: "/settings/slack", label: "settings.tabs.slack", adminOnly: false },
  { to: "/settings/sources", label: "settings.tabs.sources", adminOnly: false },
  { to: "/settings/audit", label: "settings.tabs.audit", adminOnly: true },
  { to: "/settings/profile", label: "settings.tabs.profile", adminOnly: false },
];

export default function SettingsLayout() {
  const t = useT();
  const { isAdmin } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("settings.title")} />
      <SectionTabs
        label={t("settings.title")}
        tabs={tabs.filter((tab) => isAdmin || !tab.adminOnly)}
      />
      <Outlet />
    </>
  );
}
