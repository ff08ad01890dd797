// Slack status: on (connected or not) or off, and how to connect it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import { Badge, Card } from "../components/ui/card";
import { useT } from "../i18n/use-t";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireMember(request, context);
  return {
    slack: context.slackStatus(),
    eventsUrl: new URL("/slack/events", request.url).toString(),
  };
}

export default function SlackSettings() {
  const t = useT();
  const { slack, eventsUrl } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <Card
        title={t("slack.status.title")}
        actions={
          !slack.enabled ? (
            <Badge tone="amber">{t("slack.status.off")}</Badge>
          ) : slack.connected ? (
            <Badge tone="green">{t("slack.status.connected")}</Badge>
          ) : (
            <Badge tone="red">{t("slack.status.unreachable")}</Badge>
          )
        }
      >
        {!slack.enabled ? (
          <p className="text-sm text-slate-700" data-testid="slack-off">
            {t("slack.status.offBody")}
          </p>
        ) : slack.connected ? (
          <p className="text-sm text-slate-700">
            {t("slack.status.connectedBody", {
              team: slack.team ?? "?",
              bot: slack.botUser ?? "?",
            })}
          </p>
        ) : (
          <p className="text-sm text-slate-700">
            {t("slack.status.unreachableBody", {
              error: slack.error ?? t("slack.status.notCheckedYet"),
            })}
          </p>
        )}
      </Card>
      <Card title={t("slack.connect.title")} description={t("slack.connect.description")}>
        <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
          <li>{t("slack.connect.step1")}</li>
          <li>{t("slack.connect.step2", { url: eventsUrl })}</li>
          <li>{t("slack.connect.step3")}</li>
          <li>{t("slack.connect.step4")}</li>
        </ol>
        <p className="mt-4 text-sm text-slate-600">
          {t("slack.connect.requestUrl")}{" "}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{eventsUrl}</code>
        </p>
      </Card>
    </div>
  );
}
