// Slack: whether it is on and reachable, which Slack team this workspace is connected to (only
// requests from that team act on it), and which Slack user each member is.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { isUniqueViolation } from "../../db/errors";
import { requireMember } from "../auth/guards.server";
import { Button } from "../components/ui/button";
import { Badge, Card } from "../components/ui/card";
import { inputClass } from "../components/ui/field";
import type { MessageKey } from "../i18n/i18n";
import { usePlural, useT } from "../i18n/use-t";
import {
  connectSlackTeam,
  linkSlackUser,
  listSlackLinks,
  unlinkSlackUser,
  workspaceForSlackTeam,
} from "../slack-links/links.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const isAdmin = viewer.membership.role === "admin";
  return {
    slack: context.slackStatus(),
    eventsUrl: new URL("/slack/events", request.url).toString(),
    connectedTeamId: viewer.workspace.slackTeamId,
    isAdmin,
    links: isAdmin
      ? await listSlackLinks({ db: context.db, workspaceId: viewer.workspace.id })
      : [],
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("connect") }),
  z.object({ intent: z.literal("disconnect") }),
  z.object({ intent: z.literal("linkAll") }),
  z.object({
    intent: z.literal("link"),
    userId: z.uuid(),
    slackUserId: z
      .string()
      .trim()
      .regex(/^[UW][A-Z0-9]{2,}$/, { error: "slack.links.invalidId" }),
  }),
  z.object({ intent: z.literal("unlink"), userId: z.uuid() }),
]);

type ActionResult =
  | { ok: true; linked?: number }
  | { ok: false; error: MessageKey; userId?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: ["admin"] });
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data<ActionResult>(
      {
        ok: false,
        error: (parsed.error.issues[0]?.message ?? "validation.intent.invalid") as MessageKey,
      },
      { status: 400 },
    );
  }
  const db = context.db;
  const workspaceId = viewer.workspace.id;
  const input = parsed.data;
  if (input.intent === "connect") {
    const status = context.slackStatus();
    if (!status.enabled || !status.connected || !status.teamId) {
      return data<ActionResult>(
        { ok: false, error: "slack.workspace.needsSlack" },
        { status: 409 },
      );
    }
    const holder = await workspaceForSlackTeam({ db, teamId: status.teamId });
    if (holder && holder.id !== workspaceId) {
      return data<ActionResult>(
        { ok: false, error: "slack.workspace.otherWorkspace" },
        { status: 409 },
      );
    }
    await connectSlackTeam({ db, workspaceId, teamId: status.teamId });
    return data<ActionResult>({ ok: true });
  }
  if (input.intent === "disconnect") {
    await connectSlackTeam({ db, workspaceId, teamId: null });
    return data<ActionResult>({ ok: true });
  }
  if (input.intent === "linkAll") {
    let count = 0;
    for (const member of await listSlackLinks({ db, workspaceId })) {
      if (member.slackUserId) continue;
      const slackUserId = await context.lookupSlackUser(member.email);
      if (!slackUserId) continue;
      try {
        await linkSlackUser({
          db,
          workspaceId,
          userId: member.userId,
          slackUserId,
          linkedBy: "email",
        });
        count++;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return data<ActionResult>({ ok: true, linked: count });
  }
  const members = await listSlackLinks({ db, workspaceId });
  if (!members.some((member) => member.userId === input.userId))
    throw data({ message: "notFound" }, { status: 404 });
  if (input.intent === "unlink") {
    await unlinkSlackUser({ db, workspaceId, userId: input.userId });
    return data<ActionResult>({ ok: true });
  }
  if (
    members.some(
      (member) => member.slackUserId === input.slackUserId && member.userId !== input.userId,
    )
  ) {
    return data<ActionResult>(
      { ok: false, error: "slack.links.taken", userId: input.userId },
      { status: 409 },
    );
  }
  await linkSlackUser({
    db,
    workspaceId,
    userId: input.userId,
    slackUserId: input.slackUserId,
    linkedBy: "manual",
  });
  return data<ActionResult>({ ok: true });
}

export default function SlackSettings() {
  const t = useT();
  const tp = usePlural();
  const { slack, eventsUrl, connectedTeamId, isAdmin, links } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state !== "idle";
  const teamName = slack.enabled ? (slack.team ?? slack.teamId ?? "Slack") : "Slack";
  return (
    <div className="space-y-6">
      {result ? (
        <div
          role={result.ok ? "status" : "alert"}
          className={`rounded-md p-3 text-sm ring-1 ${result.ok ? "bg-green-50 text-green-900 ring-green-200" : "bg-red-50 text-red-800 ring-red-200"}`}
        >
          {result.ok
            ? result.linked !== undefined
              ? tp("slack.links.found", result.linked)
              : t("common.saved")
            : t(result.error)}
        </div>
      ) : null}
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
      {slack.enabled ? (
        <Card title={t("slack.workspace.title")}>
          <p className="text-sm text-slate-700">
            {connectedTeamId
              ? t("slack.workspace.connected", { team: teamName })
              : t("slack.workspace.notConnected")}
          </p>
          {isAdmin ? (
            <Form method="post" className="mt-3">
              <input
                type="hidden"
                name="intent"
                value={connectedTeamId ? "disconnect" : "connect"}
              />
              <Button variant={connectedTeamId ? "secondary" : "primary"} disabled={busy}>
                {connectedTeamId
                  ? t("slack.workspace.disconnect")
                  : t("slack.workspace.connect", { team: teamName })}
              </Button>
            </Form>
          ) : null}
        </Card>
      ) : null}
      {isAdmin && slack.enabled ? (
        <Card
          title={t("slack.links.title")}
          description={t("slack.links.description")}
          actions={
            <Form method="post">
              <input type="hidden" name="intent" value="linkAll" />
              <Button variant="secondary" disabled={busy}>
                {t("slack.links.linkAll")}
              </Button>
            </Form>
          }
        >
          <ul className="divide-y divide-slate-100">
            {links.map((member) => (
              <li
                key={member.userId}
                className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
              >
                <div>
                  <p className="font-medium text-slate-900">{member.name}</p>
                  <p className="text-slate-600">
                    {member.email} ·{" "}
                    {member.slackUserId
                      ? `${member.slackUserId} (${member.linkedBy === "manual" ? t("slack.links.manual") : t("slack.links.byEmail")})`
                      : t("slack.links.notLinked")}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <Form method="post" className="flex items-center gap-2">
                    <input type="hidden" name="intent" value="link" />
                    <input type="hidden" name="userId" value={member.userId} />
                    <input
                      name="slackUserId"
                      aria-label={t("slack.links.slackId", { name: member.name })}
                      placeholder="U0123ABCD"
                      defaultValue={member.slackUserId ?? ""}
                      className={`${inputClass} w-36 font-mono`}
                    />
                    <Button variant="secondary" disabled={busy}>
                      {t("slack.links.save")}
                    </Button>
                  </Form>
                  {member.slackUserId ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="unlink" />
                      <input type="hidden" name="userId" value={member.userId} />
                      <Button variant="ghost" disabled={busy}>
                        {t("slack.links.unlink")}
                      </Button>
                    </Form>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
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
