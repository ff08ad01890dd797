// One SLA agreement version: its terms in plain words, the workflow (propose, approve, withdraw),
// who approved for which side and what is still missing, and which terms changed against the
// active version (or any other).
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
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
import { describeConditions } from "../components/routing-text";
import { agreementStatusTone, SlaTermsSummary } from "../components/sla-parts";
import { Button, buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { inputClass } from "../components/ui/field";
import { formatDateTime } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import {
  approveAgreement,
  getAgreement,
  listAgreements,
  listApprovals,
  moveAgreement,
  SlaError,
} from "../sla/agreements.server";
import { diffAgreements } from "../sla/diff";
import { approvalSide, canWriteSla } from "../sla/permissions";
import { formatTermValue, segmentOverrideLabelKey, termLabelKey } from "../sla/terms-text";

export const meta: MetaFunction = () => [{ title: "SLA version · Baton" }];

async function load(
  request: Request,
  context: Parameters<typeof requireMember>[1],
  agreementId: string | undefined,
) {
  const viewer = await requireMember(request, context);
  const id = z.uuid().safeParse(agreementId);
  if (!id.success) notFound();
  try {
    const agreement = await getAgreement({
      db: context.db,
      workspaceId: viewer.workspace.id,
      agreementId: id.data,
    });
    return { viewer, agreement };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { viewer, agreement } = await load(request, context, params.agreementId);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const [approvals, all] = await Promise.all([
    listApprovals({ ...scope, agreementId: agreement.id }),
    listAgreements(scope),
  ]);
  const others = all.map((row) => row.agreement).filter((a) => a.id !== agreement.id);
  const active = others.find((a) => a.status === "active") ?? null;
  // By default: against the active version; for the active one, against the version before it.
  const fallback =
    active ?? others.find((a) => a.version < agreement.version && a.status === "retired") ?? null;
  const compareId = new URL(request.url).searchParams.get("compare") ?? fallback?.id;
  const compareWith = others.find((a) => a.id === compareId) ?? null;
  const author = all.find((row) => row.agreement.id === agreement.id)?.author ?? null;
  return {
    agreement: {
      id: agreement.id,
      version: agreement.version,
      status: agreement.status,
      title: agreement.title,
      prose: agreement.prose,
      terms: agreement.terms,
      createdAt: agreement.createdAt,
      proposedAt: agreement.proposedAt,
      activatedAt: agreement.activatedAt,
      retiredAt: agreement.retiredAt,
      author,
    },
    approvals,
    others: others.map((a) => ({ id: a.id, version: a.version, status: a.status })),
    compare: compareWith
      ? {
          id: compareWith.id,
          version: compareWith.version,
          status: compareWith.status,
          diff: diffAgreements(compareWith, agreement),
        }
      : null,
    viewer: {
      role: viewer.membership.role,
      canWrite: canWriteSla(viewer.membership),
      side: approvalSide(viewer.membership),
    },
    timeZone: viewer.workspace.timeZone,
  };
}

const intentSchema = z.object({
  intent: z.enum(["propose", "withdraw", "approve"], { error: "validation.intent.invalid" }),
});

type ActionResult = { ok: true; message: MessageKey } | { ok: false; error: MessageKey };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, agreement } = await load(request, context, params.agreementId);
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data<ActionResult>({ ok: false, error: "validation.intent.invalid" }, { status: 400 });
  const base = { db: context.db, workspaceId: viewer.workspace.id, agreementId: agreement.id };
  const { intent } = parsed.data;
  try {
    if (intent === "approve") {
      const result = await approveAgreement({
        ...base,
        approver: { userId: viewer.user.id, membership: viewer.membership },
      });
      return data<ActionResult>({
        ok: true,
        message: result.activated ? "sla.detail.activated" : "sla.detail.approved",
      });
    }
    if (!canWriteSla(viewer.membership)) throw data({ message: "forbidden" }, { status: 403 });
    await moveAgreement({
      ...base,
      actorUserId: viewer.user.id,
      to: intent === "propose" ? "proposed" : "withdrawn",
    });
    return data<ActionResult>({
      ok: true,
      message: intent === "propose" ? "sla.detail.proposed" : "sla.detail.withdrawn",
    });
  } catch (error) {
    if (error instanceof SlaError) {
      return data<ActionResult>(
        { ok: false, error: error.messageKey },
        { status: error.messageKey === "sla.errors.notTeamLead" ? 403 : 409 },
      );
    }
    throw error;
  }
}

function Diff() {
  const t = useT();
  const locale = useLocale();
  const { compare } = useLoaderData<typeof loader>();
  if (!compare) return null;
  const { diff } = compare;
  const value = (unit: Parameters<typeof formatTermValue>[2], v: number | null) =>
    formatTermValue(t, locale, unit, v);
  return (
    <div className="space-y-3 text-sm" data-testid="sla-diff">
      {diff.same ? <p className="text-slate-600">{t("sla.diff.same")}</p> : null}
      {diff.terms.length ? (
        <table className="w-full text-left">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2 pr-4 font-medium">{t("sla.diff.term")}</th>
              <th className="py-2 pr-4 font-medium">
                {t("sla.version", { version: compare.version })}
              </th>
              <th className="py-2 font-medium">{t("sla.diff.thisVersion")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {diff.terms.map((change) => (
              <tr key={change.name}>
                <td className="py-2 pr-4 font-medium text-slate-900">
                  {t(termLabelKey(change.name))}
                </td>
                <td className="py-2 pr-4 text-red-800 line-through decoration-red-300">
                  {value(change.unit, change.from)}
                </td>
                <td className="py-2 text-green-800">→ {value(change.unit, change.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {diff.segments.length ? (
        <ul className="space-y-2">
          {diff.segments.map((segment) => (
            <li key={`${segment.change}-${segment.name}`}>
              <span className="font-medium text-slate-900">
                {t(`sla.diff.segment.${segment.change}`, { name: segment.name })}
              </span>
              {segment.conditionsFrom && segment.change !== "added" ? (
                <span
                  className={`block ${segment.change === "removed" ? "text-red-800" : "text-red-800 line-through decoration-red-300"}`}
                >
                  {describeConditions(t, segment.conditionsFrom)}
                </span>
              ) : null}
              {segment.conditionsTo ? (
                <span className="block text-green-800">
                  {segment.change === "changed" ? "→ " : ""}
                  {describeConditions(t, segment.conditionsTo)}
                </span>
              ) : null}
              {segment.overrides.map((override) => (
                <span key={override.key} className="block text-slate-700">
                  {t(segmentOverrideLabelKey(override.key))}: {value(override.unit, override.from)}{" "}
                  → {value(override.unit, override.to)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      {diff.titleChanged ? <p className="text-slate-700">{t("sla.diff.titleChanged")}</p> : null}
      {diff.proseChanged ? <p className="text-slate-700">{t("sla.diff.proseChanged")}</p> : null}
    </div>
  );
}

export default function SlaVersionPage() {
  const t = useT();
  const locale = useLocale();
  const submit = useSubmit();
  const navigation = useNavigation();
  const { agreement, approvals, others, compare, viewer, timeZone } =
    useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = navigation.state !== "idle";
  const at = (value: Date | string) => formatDateTime(value, { locale, timeZone });
  const approvedSides = new Set(approvals.map((approval) => approval.team));
  const open = agreement.status === "draft" || agreement.status === "proposed";
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link to="/sla" className="text-brand-600 hover:underline">
          ← {t("sla.title")}
        </Link>
      </nav>
      <PageHeader
        title={`${t("sla.version", { version: agreement.version })} · ${agreement.title}`}
        description={agreement.author ? t("sla.detail.by", { name: agreement.author }) : undefined}
        actions={
          <Badge tone={agreementStatusTone[agreement.status]}>
            {t(`sla.status.${agreement.status}`)}
          </Badge>
        }
      />
      {result ? (
        <div
          role={result.ok ? "status" : "alert"}
          className={`mb-6 rounded-md p-4 text-sm ring-1 ${result.ok ? "bg-green-50 text-green-900 ring-green-200" : "bg-red-50 text-red-800 ring-red-200"}`}
        >
          {result.ok ? t(result.message) : t(result.error)}
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("sla.detail.terms")}>
            <SlaTermsSummary terms={agreement.terms} prose={agreement.prose} />
          </Card>
          <Card
            title={t("sla.diff.title")}
            description={
              compare
                ? t("sla.diff.description", {
                    version: compare.version,
                    status: t(`sla.status.${compare.status}`).toLowerCase(),
                  })
                : undefined
            }
          >
            {others.length === 0 ? (
              <p className="text-sm text-slate-600">{t("sla.diff.nothing")}</p>
            ) : (
              <>
                <Form method="get" className="mb-4 flex items-center gap-2">
                  <label htmlFor="compare" className="text-sm text-slate-700">
                    {t("sla.diff.compareWith")}
                  </label>
                  <select
                    id="compare"
                    name="compare"
                    defaultValue={compare?.id}
                    onChange={(event) => submit(event.currentTarget.form)}
                    className={`${inputClass} w-auto`}
                  >
                    {compare ? null : <option value="">{t("sla.diff.choose")}</option>}
                    {others.map((other) => (
                      <option key={other.id} value={other.id}>
                        {t("sla.version", { version: other.version })} (
                        {t(`sla.status.${other.status}`)})
                      </option>
                    ))}
                  </select>
                  <noscript>
                    <Button variant="secondary">{t("sla.diff.show")}</Button>
                  </noscript>
                </Form>
                <Diff />
              </>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t("sla.detail.approvals")}>
            <ul className="space-y-2 text-sm" data-testid="sla-approvals">
              {(["marketing", "sales"] as const).map((side) => {
                const approval = approvals.find((a) => a.team === side);
                return (
                  <li key={side} className={approval ? "text-green-800" : "text-slate-600"}>
                    {approval
                      ? `✓ ${t("sla.detail.approvedBy", { side: t(`sla.side.${side}`), name: approval.name, date: at(approval.at) })}`
                      : agreement.status === "proposed"
                        ? t("sla.detail.waitingFor", { side: t(`sla.side.${side}`).toLowerCase() })
                        : t("sla.detail.notApproved", {
                            side: t(`sla.side.${side}`).toLowerCase(),
                          })}
                  </li>
                );
              })}
            </ul>
            <div className="mt-4 flex flex-wrap gap-2">
              {agreement.status === "draft" && viewer.canWrite ? (
                <>
                  <Link
                    to={`/sla/versions/${agreement.id}/edit`}
                    className={buttonClass("secondary")}
                  >
                    {t("sla.detail.edit")}
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="propose" />
                    <Button disabled={busy}>{t("sla.detail.propose")}</Button>
                  </Form>
                </>
              ) : null}
              {agreement.status === "proposed" && viewer.side && !approvedSides.has(viewer.side) ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="approve" />
                  <Button disabled={busy}>
                    {t("sla.detail.approve", { side: t(`sla.side.${viewer.side}`) })}
                  </Button>
                </Form>
              ) : null}
              {open && viewer.canWrite ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <Button variant="ghost" disabled={busy}>
                    {t("sla.detail.withdraw")}
                  </Button>
                </Form>
              ) : null}
            </div>
            {agreement.status === "draft" ? (
              <p className="mt-3 text-xs text-slate-500">{t("sla.detail.proposeHint")}</p>
            ) : null}
            {agreement.status === "proposed" && !viewer.side ? (
              <p className="mt-3 text-xs text-slate-500">
                {t("sla.detail.cannotApprove", { role: t(`roles.${viewer.role}`) })}
              </p>
            ) : null}
          </Card>
          <Card title={t("sla.detail.history")}>
            <dl className="space-y-1 text-sm">
              {(
                [
                  ["sla.detail.created", agreement.createdAt],
                  ["sla.detail.proposedAt", agreement.proposedAt],
                  ["sla.detail.activatedAt", agreement.activatedAt],
                  ["sla.detail.retiredAt", agreement.retiredAt],
                ] as const
              )
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <div key={label} className="flex justify-between gap-4">
                    <dt className="text-slate-600">{t(label)}</dt>
                    <dd className="text-right text-slate-900">{value ? at(value) : "—"}</dd>
                  </div>
                ))}
            </dl>
            {agreement.status === "active" ? (
              <p className="mt-3 text-xs text-slate-500">{t("sla.detail.activeHint")}</p>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}
