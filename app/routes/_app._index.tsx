// Home: where a signed-in member lands. Until the workspace is set up it says what to do first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { memberRoles } from "../../db/enums";
import { getWorkspaceOverview } from "../accounts/overview.server";
import { requireMember } from "../auth/guards.server";
import { MySlaClocks } from "../components/sla-my-clocks";
import { Badge, Card, PageHeader } from "../components/ui/card";
import type { MessageKey } from "../i18n/i18n";
import { usePlural, useT } from "../i18n/use-t";
import { myClocks } from "../sla/clock-lists.server";

export const meta: MetaFunction = () => [{ title: "Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const [overview, clocks] = await Promise.all([
    getWorkspaceOverview({ db: context.db, workspaceId: viewer.workspace.id }),
    myClocks({ db: context.db, workspaceId: viewer.workspace.id, userId: viewer.user.id }),
  ]);
  const slack = context.slackStatus();
  return {
    firstName: viewer.user.name.split(" ")[0] ?? viewer.user.name,
    workspaceName: viewer.workspace.name,
    isAdmin: viewer.membership.role === "admin",
    canImport: viewer.membership.role === "marketing",
    overview,
    slackConnected: slack.enabled && slack.connected,
    // A rep's own clocks: shown to sales, and to anyone else who owns a running one.
    slaClocks:
      viewer.membership.role === "sales" ||
      clocks.hasRunning ||
      clocks.overdue.length + clocks.dueSoon.length > 0
        ? { ...clocks, now: new Date().toISOString(), timeZone: viewer.workspace.timeZone }
        : null,
  };
}

interface Step {
  done: boolean;
  title: MessageKey;
  body: MessageKey;
  to?: string;
  action: MessageKey;
  adminOnly: boolean;
}

export default function Home() {
  const t = useT();
  const tp = usePlural();
  const { firstName, workspaceName, isAdmin, canImport, overview, slackConnected, slaClocks } =
    useLoaderData<typeof loader>();
  const steps: Step[] = [
    {
      done: overview.memberCount > 1 || overview.pendingInvitations > 0,
      title: "home.steps.invite.title",
      body: "home.steps.invite.body",
      to: "/settings/members",
      action: "home.steps.invite.action",
      adminOnly: true,
    },
    {
      done: overview.activeApiKeys > 0,
      title: "home.steps.apiKey.title",
      body: "home.steps.apiKey.body",
      to: "/settings/api-keys",
      action: "home.steps.apiKey.action",
      adminOnly: true,
    },
    {
      done: slackConnected,
      title: "home.steps.slack.title",
      body: "home.steps.slack.body",
      to: "/settings/slack",
      action: "home.steps.slack.action",
      adminOnly: false,
    },
    {
      done: overview.hasActiveMqlDefinition,
      title: "home.steps.definitions.title",
      body: "home.steps.definitions.body",
      to: "/definitions",
      action: "home.steps.definitions.action",
      adminOnly: false,
    },
    {
      done: overview.leads > 0,
      title: "home.steps.leads.title",
      body: "home.steps.leads.body",
      to: isAdmin || canImport ? "/leads/import" : "/leads",
      action: "home.steps.leads.action",
      adminOnly: false,
    },
  ];
  const remaining = steps.filter((step) => !step.done).length;
  return (
    <>
      <PageHeader
        title={t("home.welcome", { name: firstName })}
        description={t("home.subtitle", { workspace: workspaceName })}
      />
      {slaClocks ? <MySlaClocks {...slaClocks} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card
            title={t("home.getStarted")}
            description={remaining === 0 ? t("home.allDone") : tp("home.remaining", remaining)}
          >
            <ol className="divide-y divide-slate-100">
              {steps.map((step, index) => (
                <li key={step.title} className="flex items-start gap-4 py-4 first:pt-1 last:pb-1">
                  <span
                    aria-hidden="true"
                    className={`mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${
                      step.done ? "bg-green-100 text-green-700" : "bg-slate-100 text-slate-600"
                    }`}
                  >
                    {step.done ? "✓" : index + 1}
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="font-medium text-slate-900">
                      {t(step.title)}
                      {step.done ? <span className="sr-only"> ({t("home.done")})</span> : null}
                    </p>
                    <p className="mt-1 text-sm text-slate-600">{t(step.body)}</p>
                  </div>
                  {step.to && !step.done && (isAdmin || !step.adminOnly) ? (
                    <Link
                      to={step.to}
                      className="shrink-0 text-sm font-semibold text-brand-600 hover:underline"
                    >
                      {t(step.action)}
                    </Link>
                  ) : step.to && !step.done ? (
                    <span className="shrink-0 text-xs text-slate-500">{t("home.askAdmin")}</span>
                  ) : !step.to ? (
                    <Badge>{t("nav.soon")}</Badge>
                  ) : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <Card title={t("home.team")}>
          <dl className="space-y-2 text-sm">
            {memberRoles.map((role) => (
              <div key={role} className="flex justify-between">
                <dt className="text-slate-600">{t(`roles.${role}`)}</dt>
                <dd className="font-medium tabular-nums">{overview.membersByRole[role]}</dd>
              </div>
            ))}
            {overview.pendingInvitations > 0 ? (
              <div className="flex justify-between border-t border-slate-100 pt-2">
                <dt className="text-slate-600">{t("home.pendingInvitations")}</dt>
                <dd className="font-medium tabular-nums">{overview.pendingInvitations}</dd>
              </div>
            ) : null}
          </dl>
        </Card>
      </div>
    </>
  );
}
