// One lead: contact and company, data completeness, "why this is (not) an MQL" criterion by
// criterion, and a timeline of touchpoints, lifecycle events and notes.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { alwaysRequiredLeadFields, requirableLeadFields } from "../../db/enums";
import { notFound, requireMember } from "../auth/guards.server";
import { leadStatusTone as statusTone } from "../components/lead-status";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { describeCriterion } from "../definitions/criteria";
import { formatDateTime, formatNumber } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { getActiveDefinition, leadForEvaluation } from "../leads/intake.server";
import { getLead, getLeadTimeline } from "../leads/queries.server";

export const meta: MetaFunction = () => [{ title: "Lead · Baton" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const id = z.uuid().safeParse(params.leadId);
  if (!id.success) notFound();
  const scope = { db: context.db, workspaceId: viewer.workspace.id, leadId: id.data };
  const found = await getLead(scope);
  if (!found) notFound();
  const [timeline, active] = await Promise.all([
    getLeadTimeline(scope),
    getActiveDefinition({ db: context.db, workspaceId: viewer.workspace.id }),
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
  };
}

export default function LeadPage() {
  const t = useT();
  const locale = useLocale();
  const { lead, owner, completeness, items, timeZone, hasActiveDefinition } =
    useLoaderData<typeof loader>();
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
