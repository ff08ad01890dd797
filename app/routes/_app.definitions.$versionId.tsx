// One definition version: its text and criteria, the workflow (propose, approve, withdraw),
// the what-if on the last 90 days, the discussion, and the diff with any other version.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
} from "@remix-run/react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { notFound, requireMember } from "../auth/guards.server";
import { DefinitionSummary } from "../components/definition-summary";
import { Button, buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { inputClass } from "../components/ui/field";
import { diffVersions } from "../definitions/diff";
import {
  addComment,
  approveVersion,
  DefinitionError,
  getVersion,
  getVersionActivity,
  listVersions,
  proposeVersion,
  withdrawVersion,
} from "../definitions/versions.server";
import { computeWhatIf, type Outcomes } from "../definitions/what-if.server";
import { formatDate, formatDateTime } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, usePlural, useT } from "../i18n/use-t";
import { getActiveDefinition } from "../leads/intake.server";

const params = z.object({ versionId: z.uuid() });

async function load(
  request: Request,
  context: Parameters<typeof requireMember>[1],
  versionId: string | undefined,
) {
  const viewer = await requireMember(request, context);
  const parsed = params.safeParse({ versionId });
  if (!parsed.success) notFound();
  try {
    const version = await getVersion({
      db: context.db,
      workspaceId: viewer.workspace.id,
      versionId: parsed.data.versionId,
    });
    return { viewer, version };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function loader({ request, params: routeParams, context }: LoaderFunctionArgs) {
  const { viewer, version } = await load(request, context, routeParams.versionId);
  const db = context.db;
  const workspaceId = viewer.workspace.id;
  const [activity, all, active] = await Promise.all([
    getVersionActivity({ db, workspaceId, versionId: version.id }),
    listVersions({ db, workspaceId }),
    getActiveDefinition({ db, workspaceId, kind: version.kind }),
  ]);
  const siblings = all
    .map(({ version: v }) => v)
    .filter((v) => v.kind === version.kind && v.id !== version.id);
  const compareId =
    new URL(request.url).searchParams.get("compare") ??
    (active && active.id !== version.id ? active.id : siblings[0]?.id);
  const compareWith = siblings.find((v) => v.id === compareId) ?? null;
  const showWhatIf =
    version.kind === "mql" && (version.status === "draft" || version.status === "proposed");
  const whatIf = showWhatIf
    ? await computeWhatIf({
        db,
        workspaceId,
        proposal: version,
        active: active && active.id !== version.id ? active : null,
      })
    : null;
  const { role, isTeamLead } = viewer.membership;
  return {
    version,
    activity,
    whatIf,
    activeVersion: active && active.id !== version.id ? active.version : null,
    siblings: siblings.map((v) => ({ id: v.id, version: v.version, status: v.status })),
    diff: compareWith
      ? { from: compareWith.version, to: version.version, ...diffVersions(compareWith, version) }
      : null,
    compareId: compareWith?.id ?? null,
    viewer: {
      role,
      team: (role === "marketing" || role === "sales") && isTeamLead ? role : null,
      canEdit: role !== "leadership",
    },
    timeZone: viewer.workspace.timeZone,
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("propose") }),
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("withdraw") }),
  z.object({
    intent: z.literal("comment"),
    body: z.string().trim().min(1, { error: "validation.comment.required" }).max(5000),
  }),
]);

type ActionResult =
  | { ok: true; message?: MessageKey; params?: Record<string, number> }
  | { ok: false; error: string };

export async function action({ request, params: routeParams, context }: ActionFunctionArgs) {
  const { viewer, version } = await load(request, context, routeParams.versionId);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data<ActionResult>(
      { ok: false, error: parsed.error.issues[0]?.message ?? "validation.intent.invalid" },
      { status: 400 },
    );
  const base = { db: context.db, workspaceId: viewer.workspace.id, versionId: version.id };
  const writers = ["admin", "marketing", "sales"];
  try {
    switch (parsed.data.intent) {
      case "propose":
        if (!writers.includes(viewer.membership.role))
          throw data({ message: "forbidden" }, { status: 403 });
        await proposeVersion({ ...base, actorUserId: viewer.user.id });
        return data<ActionResult>({ ok: true });
      case "withdraw":
        if (!writers.includes(viewer.membership.role))
          throw data({ message: "forbidden" }, { status: 403 });
        await withdrawVersion({ ...base, actorUserId: viewer.user.id });
        return data<ActionResult>({ ok: true });
      case "approve": {
        const result = await approveVersion({
          ...base,
          approver: { userId: viewer.user.id, membership: viewer.membership },
        });
        // Leads the new version made MQLs go to their reps now, as at intake.
        for (const leadId of result.requalified?.assignedLeadIds ?? []) {
          void context.notifier.leadAssigned({ workspaceId: viewer.workspace.id, leadId });
        }
        if (!result.activated)
          return data<ActionResult>({ ok: true, message: "definitions.detail.approved" });
        return data<ActionResult>({
          ok: true,
          message: result.requalified
            ? "definitions.detail.requalified"
            : "definitions.detail.activated",
          params: result.requalified
            ? { evaluated: result.requalified.evaluated, qualified: result.requalified.qualified }
            : undefined,
        });
      }
      case "comment":
        await addComment({ ...base, userId: viewer.user.id, body: parsed.data.body });
        return data<ActionResult>({ ok: true });
    }
  } catch (error) {
    if (error instanceof DefinitionError) {
      return data<ActionResult>(
        { ok: false, error: error.messageKey },
        { status: error.messageKey === "definitions.errors.notTeamLead" ? 403 : 409 },
      );
    }
    throw error;
  }
}

const statusTone = {
  draft: "slate",
  proposed: "amber",
  active: "green",
  retired: "slate",
  withdrawn: "slate",
} as const;

function OutcomeRow({ label, outcomes }: { label: string; outcomes: Outcomes }) {
  return (
    <tr>
      <th scope="row" className="py-2 pr-4 text-left font-medium">
        {label}
      </th>
      {(["qualified", "accepted", "rejected", "sql", "won"] as const).map((key) => (
        <td key={key} className="py-2 pr-4 text-right tabular-nums">
          {outcomes[key]}
        </td>
      ))}
    </tr>
  );
}

export default function DefinitionVersionPage() {
  const t = useT();
  const tp = usePlural();
  const locale = useLocale();
  const submit = useSubmit();
  const navigation = useNavigation();
  const { version, activity, whatIf, activeVersion, siblings, diff, compareId, viewer, timeZone } =
    useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const approvedTeams = new Set(activity.approvals.map((a) => a.team));
  const busy = navigation.state !== "idle";
  return (
    <>
      <PageHeader
        title={`${t(`definitions.kind.${version.kind}`)} ${t("definitions.version", { version: version.version })} · ${version.title}`}
        actions={
          <Badge tone={statusTone[version.status]}>
            {t(`definitions.status.${version.status}`)}
          </Badge>
        }
      />
      {result ? (
        <div
          role={result.ok ? "status" : "alert"}
          className={`mb-6 rounded-md p-4 text-sm ring-1 ${result.ok ? "bg-green-50 text-green-900 ring-green-200" : "bg-red-50 text-red-800 ring-red-200"}`}
        >
          {result.ok
            ? result.message
              ? t(result.message, result.params)
              : t("common.saved")
            : t(result.error as MessageKey)}
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <DefinitionSummary
              prose={version.prose}
              rules={version.rules}
              requiredFields={version.requiredFields}
            />
          </Card>
          {whatIf ? (
            <Card
              title={t("definitions.whatIf.title", { days: whatIf.windowDays })}
              description={tp("definitions.whatIf.description", whatIf.leadsConsidered, {
                date: formatDate(whatIf.from, { locale, timeZone }),
              })}
            >
              <table className="w-full text-sm" data-testid="what-if">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-2 pr-4 text-left font-medium">
                      {t("definitions.whatIf.rule")}
                    </th>
                    {(["qualified", "accepted", "rejected", "sql", "won"] as const).map((key) => (
                      <th key={key} className="py-2 pr-4 text-right font-medium">
                        {t(`definitions.whatIf.${key}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  <OutcomeRow label={t("definitions.whatIf.proposal")} outcomes={whatIf.proposal} />
                  {whatIf.active && activeVersion !== null ? (
                    <OutcomeRow
                      label={t("definitions.whatIf.active", { version: activeVersion })}
                      outcomes={whatIf.active}
                    />
                  ) : null}
                </tbody>
              </table>
              {whatIf.active ? (
                <p className="mt-3 text-sm text-slate-600">
                  {t("definitions.whatIf.onlyProposal", {
                    count: whatIf.onlyProposal,
                    other: whatIf.onlyActive,
                  })}
                </p>
              ) : null}
            </Card>
          ) : null}
          <Card title={t("definitions.detail.compare")}>
            {siblings.length === 0 ? (
              <p className="text-sm text-slate-600">{t("definitions.detail.compareNothing")}</p>
            ) : (
              <>
                <Form method="get" className="mb-4 flex items-center gap-2">
                  <label htmlFor="compare" className="text-sm text-slate-700">
                    {t("definitions.detail.compare")}
                  </label>
                  <select
                    id="compare"
                    name="compare"
                    defaultValue={compareId ?? undefined}
                    onChange={(event) => submit(event.currentTarget.form)}
                    className={`${inputClass} w-auto`}
                  >
                    {siblings.map((sibling) => (
                      <option key={sibling.id} value={sibling.id}>
                        {t("definitions.version", { version: sibling.version })} (
                        {t(`definitions.status.${sibling.status}`)})
                      </option>
                    ))}
                  </select>
                  <noscript>
                    <Button variant="secondary">{t("definitions.open")}</Button>
                  </noscript>
                </Form>
                {diff ? (
                  <div className="space-y-3 text-sm" data-testid="diff">
                    <p className="font-medium">
                      {t("definitions.detail.diffTitle", { from: diff.from, to: diff.to })}
                    </p>
                    {[...diff.prose, ...diff.criteria].every(
                      (part) => !part.added && !part.removed,
                    ) &&
                    diff.requiredFieldsAdded.length + diff.requiredFieldsRemoved.length === 0 ? (
                      <p className="text-slate-600">{t("definitions.detail.noChanges")}</p>
                    ) : null}
                    {[diff.prose, diff.criteria].map((parts, index) => (
                      <pre
                        key={index === 0 ? "prose" : "criteria"}
                        className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-sans"
                      >
                        {parts.map((part) => (
                          <span
                            key={part.id}
                            className={
                              part.added
                                ? "bg-green-100 text-green-900"
                                : part.removed
                                  ? "bg-red-100 text-red-900 line-through"
                                  : "text-slate-600"
                            }
                          >
                            {part.added ? "+ " : part.removed ? "− " : ""}
                            {part.value}
                            {part.value.endsWith("\n") ? "" : "\n"}
                          </span>
                        ))}
                      </pre>
                    ))}
                    {diff.requiredFieldsAdded.length ? (
                      <p className="text-green-800">
                        {t("definitions.detail.fieldsAdded", {
                          fields: diff.requiredFieldsAdded.join(", "),
                        })}
                      </p>
                    ) : null}
                    {diff.requiredFieldsRemoved.length ? (
                      <p className="text-red-800">
                        {t("definitions.detail.fieldsRemoved", {
                          fields: diff.requiredFieldsRemoved.join(", "),
                        })}
                      </p>
                    ) : null}
                  </div>
                ) : null}
              </>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t("definitions.approvals")}>
            <ul className="space-y-2 text-sm">
              {(["marketing", "sales"] as const).map((team) => {
                const approval = activity.approvals.find((a) => a.team === team);
                return (
                  <li key={team} className={approval ? "text-green-800" : "text-slate-600"}>
                    {approval
                      ? `✓ ${t("definitions.approvedBy", { team: t(`roles.${team}`), name: approval.name })}`
                      : t("definitions.waitingFor", { team: t(`roles.${team}`).toLowerCase() })}
                  </li>
                );
              })}
            </ul>
            <div className="mt-4 flex flex-wrap gap-2">
              {version.status === "draft" && viewer.canEdit ? (
                <>
                  <Link to={`/definitions/${version.id}/edit`} className={buttonClass("secondary")}>
                    {t("definitions.detail.edit")}
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="propose" />
                    <Button disabled={busy}>{t("definitions.detail.propose")}</Button>
                  </Form>
                </>
              ) : null}
              {version.status === "proposed" && viewer.team && !approvedTeams.has(viewer.team) ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="approve" />
                  <Button disabled={busy}>
                    {t("definitions.detail.approve", { team: t(`roles.${viewer.team}`) })}
                  </Button>
                </Form>
              ) : null}
              {version.status === "proposed" && !viewer.team ? (
                <p className="text-xs text-slate-500">
                  {t("definitions.detail.cannotApprove", { role: t(`roles.${viewer.role}`) })}
                </p>
              ) : null}
              {(version.status === "draft" || version.status === "proposed") && viewer.canEdit ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <Button variant="ghost" disabled={busy}>
                    {t("definitions.detail.withdraw")}
                  </Button>
                </Form>
              ) : null}
            </div>
            {version.status === "draft" ? (
              <p className="mt-3 text-xs text-slate-500">{t("definitions.detail.proposeHint")}</p>
            ) : null}
          </Card>
          <Card title={t("definitions.detail.comments")}>
            {activity.comments.length === 0 ? (
              <p className="text-sm text-slate-600">{t("definitions.detail.noComments")}</p>
            ) : (
              <ul className="space-y-3 text-sm">
                {activity.comments.map((comment) => (
                  <li key={comment.id}>
                    <p className="whitespace-pre-line text-slate-800">{comment.body}</p>
                    <p className="text-xs text-slate-500">
                      {comment.name} · {formatDateTime(comment.at, { locale, timeZone })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Form method="post" className="mt-4 space-y-2">
              <input type="hidden" name="intent" value="comment" />
              <label htmlFor="comment-body" className="sr-only">
                {t("definitions.detail.comment")}
              </label>
              <textarea id="comment-body" name="body" rows={3} required className={inputClass} />
              <Button variant="secondary" disabled={busy}>
                {t("definitions.detail.addComment")}
              </Button>
            </Form>
          </Card>
        </div>
      </div>
    </>
  );
}
