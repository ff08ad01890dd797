// Every SLA breach, filterable by side, kind, owner, escalation level and due date, a page at a
// time: what was promised and what happened, how late, how far it escalated, and the lead.

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { escalationLevels, slaBreachKinds, slaSides } from "../../db/enums";
import { listMembers } from "../accounts/members.server";
import { requireMember } from "../auth/guards.server";
import { DateRangeFilter, SelectFilter } from "../components/list-filters";
import { SlaTabs } from "../components/sla-parts";
import { buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { formatDateTime, formatNumber } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { listBreaches } from "../sla/breaches.server";
import { formatDuration } from "../sla/terms-text";

export const meta: MetaFunction = () => [{ title: "SLA breaches · Baton" }];

const blank = (value: unknown) => (value === "" || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blank, schema.optional()).catch(undefined);

/** The query string, parsed leniently: a bad value is dropped, never an error page. */
const querySchema = z.object({
  side: optional(z.enum(slaSides)),
  kind: optional(z.enum(slaBreachKinds)),
  owner: optional(z.uuid()),
  level: optional(z.enum(escalationLevels)),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

const breachPageSize = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const url = new URL(request.url);
  const query = querySchema.parse(Object.fromEntries(url.searchParams));
  const now = new Date();
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const [result, members] = await Promise.all([
    listBreaches({
      ...scope,
      timeZone: viewer.workspace.timeZone,
      filters: {
        side: query.side,
        kind: query.kind,
        ownerUserId: query.owner,
        level: query.level,
        from: query.from,
        to: query.to,
      },
      page: query.page,
      pageSize: breachPageSize,
      now,
    }),
    listMembers(scope),
  ]);
  return {
    query,
    ...result,
    owners: members
      .filter((member) => member.role === "sales" || member.role === "admin")
      .map((member) => ({ id: member.userId, name: member.name })),
    timeZone: viewer.workspace.timeZone,
  };
}

export default function SlaBreaches() {
  const t = useT();
  const locale = useLocale();
  const { query, breaches, total, page, pages, owners, timeZone } = useLoaderData<typeof loader>();
  const at = (value: Date | string) => formatDateTime(value, { locale, timeZone });
  const filtered = Boolean(
    query.side || query.kind || query.owner || query.level || query.from || query.to,
  );
  const pageLink = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key !== "page" && value) params.set(key, String(value));
    }
    params.set("page", String(target));
    return `?${params.toString()}`;
  };
  return (
    <>
      <PageHeader title={t("sla.title")} description={t("sla.breaches.description")} />
      <SlaTabs />
      <Card>
        <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
          <SelectFilter label={t("sla.filters.side")} name="side" value={query.side}>
            <option value="">{t("sla.filters.any")}</option>
            {slaSides.map((side) => (
              <option key={side} value={side}>
                {t(`sla.side.${side}`)}
              </option>
            ))}
          </SelectFilter>
          <SelectFilter label={t("sla.filters.kind")} name="kind" value={query.kind}>
            <option value="">{t("sla.filters.any")}</option>
            {slaBreachKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sla.kind.${kind}`)}
              </option>
            ))}
          </SelectFilter>
          <SelectFilter label={t("sla.filters.owner")} name="owner" value={query.owner}>
            <option value="">{t("sla.filters.any")}</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </SelectFilter>
          <SelectFilter label={t("sla.filters.level")} name="level" value={query.level}>
            <option value="">{t("sla.filters.any")}</option>
            {escalationLevels.map((level) => (
              <option key={level} value={level}>
                {t(`sla.level.${level}`)}
              </option>
            ))}
          </SelectFilter>
          <DateRangeFilter
            fromLabel={t("sla.filters.from")}
            toLabel={t("sla.filters.to")}
            from={query.from}
            to={query.to}
          />
          <button type="submit" className={buttonClass("primary")}>
            {t("sla.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/sla/breaches" className="pb-2 text-sm text-slate-600 hover:underline">
              {t("sla.filters.clear")}
            </Link>
          ) : null}
        </Form>
      </Card>
      <div className="mt-6">
        <Card title={t("sla.breaches.count", { count: formatNumber(total, locale) })}>
          {breaches.length === 0 ? (
            <p className="py-8 text-center text-sm text-slate-600">
              {filtered ? t("sla.breaches.noneFiltered") : t("sla.breaches.none")}
            </p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="breach-list">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-2 pr-4 font-medium">{t("sla.columns.breach")}</th>
                    <th className="py-2 pr-4 font-medium">{t("sla.columns.due")}</th>
                    <th className="py-2 pr-4 font-medium">{t("sla.columns.late")}</th>
                    <th className="py-2 pr-4 font-medium">{t("sla.columns.level")}</th>
                    <th className="py-2 pr-4 font-medium">{t("sla.columns.reassignedTo")}</th>
                    <th className="py-2 font-medium">{t("sla.columns.lead")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {breaches.map((breach) => (
                    <tr key={breach.id} className="align-top">
                      <td className="max-w-md py-2 pr-4">
                        <p className="text-slate-900">{breach.summary}</p>
                        <p className="text-xs text-slate-500">
                          {t(`sla.side.${breach.side}`)} · {t(`sla.kind.${breach.kind}`)}
                          {breach.ownerName ? ` · ${breach.ownerName}` : ""}
                          {breach.segment ? ` · ${breach.segment}` : ""}
                        </p>
                      </td>
                      <td className="whitespace-nowrap py-2 pr-4 text-slate-700">
                        {at(breach.dueAt)}
                      </td>
                      <td className="py-2 pr-4">
                        {breach.lateMs === null ? (
                          <span className="text-slate-400">—</span>
                        ) : (
                          <>
                            <span className="whitespace-nowrap">
                              {formatDuration(t, breach.lateMs)}
                            </span>
                            <span
                              className={`block text-xs ${breach.unmet ? "font-medium text-red-700" : "text-slate-500"}`}
                            >
                              {breach.unmet
                                ? t("sla.breaches.stillOpen")
                                : t("sla.breaches.metLate")}
                            </span>
                          </>
                        )}
                      </td>
                      <td className="py-2 pr-4">
                        <Badge tone={breach.level === "team_lead" ? "red" : "amber"}>
                          {t(`sla.level.${breach.level}`)}
                        </Badge>
                      </td>
                      <td className="py-2 pr-4">
                        {breach.reassignedToName ?? <span className="text-slate-400">—</span>}
                      </td>
                      <td className="py-2">
                        {breach.leadId ? (
                          <Link
                            to={`/leads/${breach.leadId}`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {breach.leadName ?? t("leads.unnamed")}
                          </Link>
                        ) : (
                          <span className="text-slate-400">—</span>
                        )}
                        {breach.company ? (
                          <span className="block text-xs text-slate-500">{breach.company}</span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 ? (
            <nav
              aria-label={t("sla.pagination")}
              className="mt-4 flex items-center justify-between text-sm"
            >
              {page > 1 ? (
                <Link
                  to={pageLink(page - 1)}
                  className="font-semibold text-brand-600 hover:underline"
                >
                  ← {t("leads.previous")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-600">{t("leads.page", { page, pages })}</span>
              {page < pages ? (
                <Link
                  to={pageLink(page + 1)}
                  className="font-semibold text-brand-600 hover:underline"
                >
                  {t("leads.next")} →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </Card>
      </div>
    </>
  );
}
