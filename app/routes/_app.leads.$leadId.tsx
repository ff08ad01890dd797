// One lead: contact and company, data completeness, "why this is (not) an MQL" criterion by
// criterion, and a timeline of touchpoints, lifecycle events and notes.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { activityKinds, alwaysRequiredLeadFields, requirableLeadFields } from "../../db/enums";
import { listMembers } from "../accounts/members.server";
import { logActivity } from "../activities/activities.server";
import { notFound, requireMember } from "../auth/guards.server";
import { generateToken } from "../auth/tokens.server";
import { FeedbackCreateDialog, type FeedbackFormState } from "../components/feedback-create-dialog";
import { leadStatusTone as statusTone } from "../components/lead-status";
import { LeadSlaClocks } from "../components/sla-lead-clocks";
import { Button } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { inputClass } from "../components/ui/field";
import { describeCriterion } from "../definitions/criteria";
import { submitFeedback } from "../feedback/feedback.server";
import { feedbackFromForm, feedbackSchema } from "../feedback/schema";
import { formatDateTime, formatNumber } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { getActiveDefinition, leadForEvaluation } from "../leads/intake.server";
import { getLeadWork } from "../leads/lead-work.server";
import { getLead, getLeadTimeline } from "../leads/queries.server";
import { acceptLead, TransitionError } from "../leads/transition.server";
import { issuesToFieldErrors } from "../lib/forms";
import { reassignLead } from "../routing/route-lead.server";
import { leadClocks } from "../sla/clock-lists.server";

export const meta: MetaFunction = () => [{ title: "Lead · Baton" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const id = z.uuid().safeParse(params.leadId);
  if (!id.success) notFound();
  const scope = { db: context.db, workspaceId: viewer.workspace.id, leadId: id.data };
  const found = await getLead(scope);
  if (!found) notFound();
  const [timeline, active, work, members, clocks] = await Promise.all([
    getLeadTimeline(scope),
    getActiveDefinition({ db: context.db, workspaceId: viewer.workspace.id }),
    getLeadWork(scope),
    listMembers({ db: context.db, workspaceId: viewer.workspace.id }),
    leadClocks(scope),
  ]);
  const { lead } = found;
  const required = new Set<string>([
    ...alwaysRequiredLeadFields,
    ...(active?.requiredFields ?? []),
  ]);
  const values = leadForEvaluation(lead);
  const completeness = requirableLeadFields
    .filter((field) => required.has(field))
    .map((field) => ({
      field,
      present: values[field] !== null && values[field] !== undefined && values[field] !== "",
    }));
  const items = [
    ...timeline.touches.map((touch) => ({
      type: "touch" as const,
      at: touch.occurredAt,
      id: touch.id,
      touch,
    })),
    ...timeline.events.map((row) => ({
      type: "event" as const,
      at: row.event.occurredAt,
      id: row.event.id,
      row,
    })),
    ...timeline.notes.map((note) => ({
      type: "note" as const,
      at: note.createdAt,
      id: note.id,
      note,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return {
    lead,
    owner: found.owner,
    completeness,
    items,
    timeZone: viewer.workspace.timeZone,
    hasActiveDefinition: Boolean(active),
    work,
    permissions: workPermissions(viewer, lead.ownerUserId),
    members: members.map((m) => ({ id: m.userId, name: m.name, role: m.role })),
    sla: { clocks, now: new Date().toISOString() },
    // A fresh token per page view: a double-clicked or resent form stores its feedback once.
    formToken: generateToken(),
  };
}

function workPermissions(
  viewer: Awaited<ReturnType<typeof requireMember>>,
  ownerUserId: string | null,
) {
  const { role, isTeamLead } = viewer.membership;
  const isOwner = ownerUserId === viewer.user.id;
  return {
    work: isOwner || role === "sales" || role === "admin",
    reassign: role === "admin" || (role === "sales" && isTeamLead),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("feedback"), formToken: z.string().min(1).max(100) }),
  z.object({
    intent: z.literal("logAttempt"),
    kind: z.enum(activityKinds, { error: "validation.intent.invalid" }),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({
    intent: z.literal("reassign"),
    toUserId: z.uuid({ error: "leads.work.notMember" }),
    note: z.string().trim().max(500).optional(),
  }),
]);

type ActionResult =
  | { ok: true; message: MessageKey }
  | { ok: false; intent: "feedback"; failed: FeedbackFormState }
  | { ok: false; intent: string; error: string; params?: Record<string, string> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  const id = z.uuid().safeParse(params.leadId);
  if (!id.success) notFound();
  const scope = { db: context.db, workspaceId: viewer.workspace.id, leadId: id.data };
  const found = await getLead(scope);
  if (!found) notFound();
  const formData = await request.formData();
  const parsed = actionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return data<ActionResult>(
      {
        ok: false,
        intent: "unknown",
        error: parsed.error.issues[0]?.message ?? "validation.intent.invalid",
      },
      { status: 400 },
    );
  }
  const allowed = workPermissions(viewer, found.lead.ownerUserId);
  const input = parsed.data;
  if (input.intent === "reassign" ? !allowed.reassign : !allowed.work) {
    throw data({ message: "forbidden" }, { status: 403 });
  }
  const notify = () =>
    context.notifier.leadChanged({ workspaceId: viewer.workspace.id, leadId: found.lead.id });
  switch (input.intent) {
    case "accept":
      try {
        await acceptLead({
          db: context.db,
          workspaceId: viewer.workspace.id,
          leadId: found.lead.id,
          actorUserId: viewer.user.id,
          via: "web",
        });
      } catch (error) {
        if (error instanceof TransitionError) {
          return data<ActionResult>(
            {
              ok: false,
              intent: "accept",
              error: "leads.work.cannotMove",
              params: { status: error.from },
            },
            { status: 409 },
          );
        }
        throw error;
      }
      await notify();
      return data<ActionResult>({ ok: true, message: "leads.work.accepted" });
    case "feedback": {
      const feedback = feedbackSchema.safeParse(feedbackFromForm(formData));
      if (!feedback.success) {
        const values = Object.fromEntries(
          [...formData].filter(([, v]) => typeof v === "string"),
        ) as Record<string, string>;
        return data<ActionResult>(
          {
            ok: false,
            intent: "feedback",
            failed: { fieldErrors: issuesToFieldErrors(feedback.error.issues), values },
          },
          { status: 400 },
        );
      }
      await submitFeedback({
        ...scope,
        authorUserId: viewer.user.id,
        input: feedback.data,
        channel: "web",
        idempotencyKey: `web:${input.formToken}`,
      });
      await notify();
      return data<ActionResult>({ ok: true, message: "leads.work.feedbackSaved" });
    }
    case "logAttempt":
      await logActivity({
        ...scope,
        userId: viewer.user.id,
        kind: input.kind,
        note: input.note || null,
        channel: "web",
      });
      await notify();
      return data<ActionResult>({ ok: true, message: "leads.work.attemptLogged" });
    case "reassign": {
      const moved = await reassignLead({
        ...scope,
        toUserId: input.toUserId,
        actorUserId: viewer.user.id,
        note: input.note || undefined,
      });
      if (!moved)
        return data<ActionResult>(
          { ok: false, intent: "reassign", error: "leads.work.notMember" },
          { status: 400 },
        );
      await notify();
      return data<ActionResult>({ ok: true, message: "leads.work.reassigned" });
    }
  }
}

export default function LeadPage() {
  const t = useT();
  const locale = useLocale();
  const {
    lead,
    owner,
    completeness,
    items,
    timeZone,
    hasActiveDefinition,
    work,
    permissions,
    members,
    formToken,
    sla,
  } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const name =
    [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || t("leads.unnamed");
  const q = lead.qualification;
  const complete = completeness.every((c) => c.present);
  const at = (value: Date | string) => formatDateTime(value, { locale, timeZone });
  const detail = (label: MessageKey, value: string | number | null) => (
    <div className="flex justify-between gap-4 py-1.5">
      <dt className="text-slate-600">{t(label)}</dt>
      <dd className="text-right font-medium text-slate-900">
        {value === null || value === "" ? "—" : value}
      </dd>
    </div>
  );
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link to="/leads" className="text-brand-600 hover:underline">
          ← {t("leads.title")}
        </Link>
      </nav>
      <PageHeader
        title={name}
        description={[lead.jobTitle, lead.company].filter(Boolean).join(" · ")}
        actions={<Badge tone={statusTone[lead.status]}>{t(`leads.status.${lead.status}`)}</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6">
          <Card title={t("leads.detail.contact")}>
            <dl className="divide-y divide-slate-100 text-sm">
              {detail("definitions.fields.email", lead.email)}
              {detail("definitions.fields.company", lead.company)}
              {detail(
                "definitions.fields.company_size",
                lead.companySize === null ? null : formatNumber(lead.companySize, locale),
              )}
              {detail("definitions.fields.industry", lead.industry)}
              {detail("definitions.fields.job_title", lead.jobTitle)}
              {detail("definitions.fields.country", lead.country)}
              {detail("definitions.fields.region", lead.region)}
              {detail(
                "leads.detail.source",
                [lead.source, lead.campaign, lead.content].filter(Boolean).join(" / "),
              )}
              {detail("leads.detail.partner", lead.partner)}
              {detail("leads.columns.owner", owner?.name ?? null)}
              {detail("leads.columns.created", at(lead.createdAt))}
              {detail("leads.detail.externalId", lead.externalId)}
            </dl>
          </Card>
          <Card
            title={t("leads.detail.completeness")}
            actions={
              <Badge tone={complete ? "green" : "amber"}>
                {complete ? t("leads.detail.complete") : t("leads.detail.incomplete")}
              </Badge>
            }
          >
            <ul className="space-y-1 text-sm">
              {completeness.map(({ field, present }) => (
                <li
                  key={field}
                  className={present ? "text-slate-700" : "font-medium text-amber-800"}
                >
                  {present ? "✓" : "✗"} {t(`definitions.fields.${field}` as MessageKey)}
                </li>
              ))}
            </ul>
          </Card>
        </div>
        <div className="space-y-6 lg:col-span-2">
          {result ? (
            <div
              role={result.ok ? "status" : "alert"}
              className={`rounded-md p-3 text-sm ring-1 ${result.ok ? "bg-green-50 text-green-900 ring-green-200" : "bg-red-50 text-red-800 ring-red-200"}`}
            >
              {result.ok
                ? t(result.message)
                : "error" in result
                  ? t(result.error as MessageKey, result.params)
                  : t("common.checkFields")}
            </div>
          ) : null}
          {permissions.work || permissions.reassign ? (
            <Card>
              <div className="flex flex-wrap items-end gap-3">
                {permissions.work && lead.status === "mql" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="accept" />
                    <Button disabled={busy}>{t("leads.work.accept")}</Button>
                  </Form>
                ) : null}
                {permissions.work ? (
                  <FeedbackCreateDialog
                    leadName={name}
                    formToken={formToken}
                    failed={result && !result.ok && "failed" in result ? result.failed : undefined}
                  />
                ) : null}
                {permissions.work ? (
                  <Form method="post" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="logAttempt" />
                    <label className="text-xs font-medium text-slate-600">
                      {t("leads.work.attemptKind")}
                      <select name="kind" className={`${inputClass} mt-1 w-32`} defaultValue="call">
                        {activityKinds.map((kind) => (
                          <option key={kind} value={kind}>
                            {t(`leads.activity.${kind}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="text-xs font-medium text-slate-600">
                      {t("leads.work.attemptNote")}
                      <input name="note" className={`${inputClass} mt-1 w-48`} />
                    </label>
                    <Button variant="secondary" disabled={busy}>
                      {t("leads.work.logAttempt")}
                    </Button>
                  </Form>
                ) : null}
                {permissions.reassign ? (
                  <Form method="post" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="reassign" />
                    <label className="text-xs font-medium text-slate-600">
                      {t("leads.work.reassignTo")}
                      <select
                        name="toUserId"
                        className={`${inputClass} mt-1 w-44`}
                        defaultValue={lead.ownerUserId ?? ""}
                      >
                        <option value="" disabled>
                          {t("leads.feedbackForm.choose")}
                        </option>
                        {members.map((member) => (
                          <option key={member.id} value={member.id}>
                            {member.name}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="text-xs font-medium text-slate-600">
                      {t("leads.work.reassignNote")}
                      <input name="note" className={`${inputClass} mt-1 w-40`} />
                    </label>
                    <Button variant="secondary" disabled={busy}>
                      {t("leads.work.reassign")}
                    </Button>
                  </Form>
                ) : null}
              </div>
            </Card>
          ) : null}
          <Card
            title={
              q?.qualifies || lead.mqlAt ? t("leads.detail.whyMql") : t("leads.detail.whyNotMql")
            }
            description={
              q
                ? t("leads.detail.judgedBy", { version: q.version, date: at(q.evaluatedAt) })
                : hasActiveDefinition
                  ? undefined
                  : t("leads.detail.noDefinition")
            }
            actions={
              q ? (
                <Link
                  to={`/definitions/${q.versionId}`}
                  className="text-sm font-semibold text-brand-600 hover:underline"
                >
                  {t("definitions.open")}
                </Link>
              ) : null
            }
          >
            {q ? (
              <>
                <ul className="space-y-2 text-sm" data-testid="criteria-results">
                  {q.results.map((result) => (
                    <li key={result.path} className="flex gap-3">
                      <span
                        aria-hidden="true"
                        className={result.passed ? "text-green-600" : "text-red-600"}
                      >
                        {result.passed ? "✓" : "✗"}
                      </span>
                      <span>
                        <span className="font-medium text-slate-900">
                          {describeCriterion(result.criterion)}
                        </span>
                        <span className="sr-only">
                          {result.passed ? t("leads.detail.passed") : t("leads.detail.failed")}
                        </span>
                        <span className="block text-slate-600">{result.reason}</span>
                      </span>
                    </li>
                  ))}
                </ul>
                {q.missingFields.length ? (
                  <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
                    {t("leads.detail.missing", {
                      fields: q.missingFields
                        .map((f) => t(`definitions.fields.${f}` as MessageKey))
                        .join(", "),
                    })}
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-sm text-slate-600">{t("leads.detail.notJudged")}</p>
            )}
          </Card>
          <LeadSlaClocks clocks={sla.clocks} now={sla.now} timeZone={timeZone} />
          <Card title={t("leads.work.routing")}>
            {work.decisions.length === 0 ? (
              <p className="text-sm text-slate-600">{t("leads.work.noRouting")}</p>
            ) : (
              <ul className="space-y-2 text-sm" data-testid="routing-decisions">
                {work.decisions.map((decision) => (
                  <li key={decision.id}>
                    <span className="font-medium text-slate-900">
                      {decision.assignedName ??
                        (decision.queue ? t("leads.work.queue", { queue: decision.queue }) : "—")}
                    </span>
                    <span className="text-slate-600"> — {decision.reason}</span>
                    <span className="block text-xs text-slate-500">
                      {at(decision.createdAt)}
                      {decision.manual && decision.actorName
                        ? ` · ${t("leads.work.byHand", { name: decision.actorName })}`
                        : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("leads.work.feedback")}>
            {work.feedback.length === 0 ? (
              <p className="text-sm text-slate-600">{t("leads.work.noFeedback")}</p>
            ) : (
              <ul className="space-y-3 text-sm" data-testid="lead-feedback">
                {work.feedback.map(({ feedback, authorName }) => (
                  <li key={feedback.id}>
                    <p className="font-medium text-slate-900">
                      {t(`leads.outcome.${feedback.outcome}`)} ·{" "}
                      {t(`leads.reason.${feedback.reason}` as MessageKey)}
                      {feedback.reasonText ? (
                        <span className="font-normal text-slate-700"> — {feedback.reasonText}</span>
                      ) : null}
                    </p>
                    {feedback.missingInformation.length || feedback.missingInformationText ? (
                      <p className="text-slate-600">
                        {t("leads.feedbackForm.missing")}:{" "}
                        {[
                          ...feedback.missingInformation.map((m) =>
                            t(`leads.missing.${m}` as MessageKey),
                          ),
                          feedback.missingInformationText,
                        ]
                          .filter(Boolean)
                          .join(", ")}
                      </p>
                    ) : null}
                    {feedback.objections.length || feedback.objectionsText ? (
                      <p className="text-slate-600">
                        {t("leads.feedbackForm.objections")}:{" "}
                        {[
                          ...feedback.objections.map((o) =>
                            t(`leads.objection.${o}` as MessageKey),
                          ),
                          feedback.objectionsText,
                        ]
                          .filter(Boolean)
                          .join(", ")}
                      </p>
                    ) : null}
                    {feedback.nextStep ? (
                      <p className="text-slate-600">
                        {t("leads.feedbackForm.nextStep")}: {feedback.nextStep}
                      </p>
                    ) : null}
                    <p className="text-xs text-slate-500">
                      {authorName ?? "—"} · {feedback.channel} · {at(feedback.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("leads.work.attempts")}>
            {work.attempts.length === 0 ? (
              <p className="text-sm text-slate-600">{t("leads.work.noAttempts")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {work.attempts.map(({ activity, userName }) => (
                  <li key={activity.id}>
                    <span className="font-medium">{t(`leads.activity.${activity.kind}`)}</span>
                    {activity.note ? (
                      <span className="text-slate-600"> — {activity.note}</span>
                    ) : null}
                    <span className="text-xs text-slate-500">
                      {" "}
                      · {userName ?? "—"} · {at(activity.occurredAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("leads.detail.timeline")}>
            {items.length === 0 ? (
              <p className="text-sm text-slate-600">{t("leads.detail.noTimeline")}</p>
            ) : (
              <ol className="relative space-y-4 border-l border-slate-200 pl-5 text-sm">
                {items.map((item) => (
                  <li key={`${item.type}-${item.id}`}>
                    <span
                      className={`absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full ${item.type === "event" ? "bg-brand-600" : item.type === "note" ? "bg-amber-500" : "bg-slate-300"}`}
                      aria-hidden="true"
                    />
                    <time
                      className="block text-xs text-slate-500"
                      dateTime={new Date(item.at).toISOString()}
                    >
                      {at(item.at)}
                    </time>
                    {item.type === "touch" ? (
                      <p>
                        <span className="font-medium">{t(`leads.touch.${item.touch.kind}`)}</span>
                        {[
                          item.touch.content,
                          item.touch.term && `“${item.touch.term}”`,
                          item.touch.url,
                        ].filter(Boolean).length
                          ? ": "
                          : ""}
                        {[
                          item.touch.content,
                          item.touch.term && `“${item.touch.term}”`,
                          item.touch.url,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                        {item.touch.source ? (
                          <span className="text-slate-500">
                            {" "}
                            — {[item.touch.source, item.touch.campaign].filter(Boolean).join(" / ")}
                          </span>
                        ) : null}
                      </p>
                    ) : item.type === "event" ? (
                      <p>
                        <span className="font-medium">
                          {item.row.event.fromStatus
                            ? `${t(`leads.status.${item.row.event.fromStatus}`)} → `
                            : ""}
                          {t(`leads.status.${item.row.event.toStatus}`)}
                        </span>
                        {item.row.event.reason ? (
                          <span className="text-slate-600"> — {item.row.event.reason}</span>
                        ) : null}
                        <span className="text-slate-500">
                          {" "}
                          ({item.row.actorName ?? item.row.event.actorLabel ?? t("audit.system")})
                        </span>
                      </p>
                    ) : (
                      <p className="rounded-md bg-amber-50 p-2 text-amber-900">{item.note.body}</p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
