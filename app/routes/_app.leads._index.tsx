// Leads: every lead in the workspace, filtered, sorted and paged on the server.

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { leadStatuses } from "../../db/enums";
import { requireMember } from "../auth/guards.server";
import { leadStatusTone as statusTone } from "../components/lead-status";
import {
  DateRangeFilter,
  FilterChip,
  SearchFilter,
  SelectFilter,
} from "../components/list-filters";
import { buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { inputClass } from "../components/ui/field";
import { formatDate, formatNumber } from "../i18n/format";
import { useLocale, usePlural, useT } from "../i18n/use-t";
import { leadFilterOptions, listLeads, ownerFilterName } from "../leads/list.server";
import { leadDateFields, leadListQuerySchema, leadSorts } from "../leads/list-query";

export const meta: MetaFunction = () => [{ title: "Leads · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const query = leadListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // The owner and campaign filters search as one types (/leads/choices): the page carries only
  // the current choice, not every rep and campaign.
  const [list, options, ownerName] = await Promise.all([
    listLeads({
      db: context.db,
      workspaceId: viewer.workspace.id,
      timeZone: viewer.workspace.timeZone,
      query,
    }),
    leadFilterOptions({ db: context.db, workspaceId: viewer.workspace.id }),
    query.owner && query.owner !== "none"
      ? ownerFilterName({ db: context.db, workspaceId: viewer.workspace.id, userId: query.owner })
      : null,
  ]);
  return {
    ...list,
    query,
    options,
    ownerName,
    timeZone: viewer.workspace.timeZone,
    canImport: viewer.membership.role === "admin" || viewer.membership.role === "marketing",
  };
}

export default function Leads() {
  const t = useT();
  const tp = usePlural();
  const locale = useLocale();
  const { rows, total, totalExact, pageSize, query, options, ownerName, timeZone, canImport } =
    useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  // Past the count's cap the number of pages is not known: a full page has a next one.
  const pages = totalExact ? Math.max(1, Math.ceil(total / pageSize)) : null;
  const hasNext = pages === null ? rows.length === pageSize : query.page < pages;
  // Every other parameter is kept, so paging stays inside the cohort a scorecard link chose.
  const pageLink = (page: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  const without = (...keys: string[]) => {
    const next = new URLSearchParams(searchParams);
    for (const key of [...keys, "page"]) next.delete(key);
    const search = next.toString();
    return search ? `/leads?${search}` : "/leads";
  };
  // The date field alone narrows nothing; bad values were dropped by the schema.
  const filtered = Boolean(
    query.q ||
      query.status ||
      query.source ||
      query.noSource ||
      query.campaign ||
      query.owner ||
      query.from ||
      query.to ||
      query.reached,
  );
  // The last column shows the date the from/to filter on.
  const listedDate = (lead: (typeof rows)[number]) => {
    const value = {
      created: lead.createdAt,
      mql: lead.mqlAt,
      held_back: lead.heldBackAt,
      assigned: lead.assignedAt,
    }[query.date];
    return value ? formatDate(value, { locale, timeZone }) : "—";
  };
  // Filters a scorecard link sets that have no control in the bar: named, each removable.
  const chips = [
    ...(query.reached
      ? [{ label: t(`leads.cohort.${query.reached}`), removeTo: without("reached") }]
      : []),
    ...(query.noSource
      ? [{ label: t("leads.cohort.noSource"), removeTo: without("noSource") }]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t("leads.title")}
        description={t("leads.subtitle")}
        actions={
          canImport ? (
            <Link to="/leads/import" className={buttonClass("secondary")}>
              {t("leads.import")}
            </Link>
          ) : null
        }
      />
      <Card>
        <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("leads.filters.search")}
            <input
              type="search"
              name="q"
              defaultValue={query.q ?? ""}
              className={`${inputClass} w-56`}
              placeholder={t("leads.filters.searchPlaceholder")}
            />
          </label>
          <SelectFilter label={t("leads.filters.status")} name="status" value={query.status}>
            <option value="">{t("leads.filters.any")}</option>
            {leadStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`leads.status.${status}`)}
              </option>
            ))}
          </SelectFilter>
          <SelectFilter label={t("leads.filters.source")} name="source" value={query.source}>
            <option value="">{t("leads.filters.any")}</option>
            {options.sources.map((source) => (
              <option key={source} value={source}>
                {source}
              </option>
            ))}
          </SelectFilter>
          <SearchFilter
            label={t("leads.filters.campaign")}
            name="campaign"
            value={query.campaign ?? ""}
            valueLabel={query.campaign ?? t("leads.filters.any")}
            fixed={[{ value: "", label: t("leads.filters.any") }]}
            choicesUrl="/leads/choices?field=campaign"
            placeholder={t("leads.filters.searchCampaign")}
            noMatches={t("leads.filters.noMatches")}
          />
          <SearchFilter
            label={t("leads.filters.owner")}
            name="owner"
            value={query.owner ?? ""}
            valueLabel={
              query.owner === "none"
                ? t("leads.filters.unassigned")
                : query.owner
                  ? (ownerName ?? t("leads.filters.unknownOwner"))
                  : t("leads.filters.any")
            }
            fixed={[
              { value: "", label: t("leads.filters.any") },
              { value: "none", label: t("leads.filters.unassigned") },
            ]}
            choicesUrl="/leads/choices?field=owner"
            placeholder={t("leads.filters.searchOwner")}
            noMatches={t("leads.filters.noMatches")}
          />
          <SelectFilter label={t("leads.filters.date")} name="date" value={query.date}>
            {leadDateFields.map((field) => (
              <option key={field} value={field}>
                {t(`leads.date.${field}`)}
              </option>
            ))}
          </SelectFilter>
          <DateRangeFilter
            fromLabel={t("leads.filters.from")}
            toLabel={t("leads.filters.to")}
            from={query.from}
            to={query.to}
          />
          <SelectFilter label={t("leads.filters.sort")} name="sort" value={query.sort}>
            {leadSorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`leads.sort.${sort}`)}
              </option>
            ))}
          </SelectFilter>
          {query.reached ? <input type="hidden" name="reached" value={query.reached} /> : null}
          {query.noSource ? <input type="hidden" name="noSource" value="1" /> : null}
          <button type="submit" className={buttonClass("primary")}>
            {t("leads.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/leads" className="pb-2 text-sm text-slate-600 hover:underline">
              {t("leads.filters.clear")}
            </Link>
          ) : null}
        </Form>
        {chips.length > 0 ? (
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            {t("leads.cohort.showing")}
            {chips.map((chip) => (
              <FilterChip
                key={chip.label}
                label={chip.label}
                removeTo={chip.removeTo}
                removeLabel={t("leads.cohort.remove", { filter: chip.label })}
              />
            ))}
          </div>
        ) : null}
      </Card>
      <div className="mt-6">
        <Card
          title={
            totalExact
              ? tp("leads.count", total, { count: formatNumber(total, locale) })
              : t("leads.countMore", { count: formatNumber(total, locale) })
          }
        >
          {rows.length === 0 ? (
            <div className="py-10 text-center text-sm text-slate-600">
              <p className="font-medium text-slate-900">
                {filtered ? t("leads.emptyFiltered") : t("leads.empty")}
              </p>
              {!filtered ? <p className="mt-1">{t("leads.emptyHint")}</p> : null}
            </div>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="lead-list">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-2 pr-4 font-medium">{t("leads.columns.lead")}</th>
                    <th className="py-2 pr-4 font-medium">{t("leads.columns.company")}</th>
                    <th className="py-2 pr-4 font-medium">{t("leads.columns.source")}</th>
                    <th className="py-2 pr-4 font-medium">{t("leads.columns.status")}</th>
                    <th className="py-2 pr-4 font-medium">{t("leads.columns.owner")}</th>
                    <th className="py-2 font-medium">{t(`leads.date.${query.date}`)}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((lead) => (
                    <tr key={lead.id} className="align-top">
                      <td className="py-2 pr-4">
                        <Link
                          to={`/leads/${lead.id}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {[lead.firstName, lead.lastName].filter(Boolean).join(" ") ||
                            lead.email ||
                            t("leads.unnamed")}
                        </Link>
                        <div className="text-xs text-slate-500">{lead.jobTitle ?? ""}</div>
                      </td>
                      <td className="py-2 pr-4">
                        {lead.company ?? "—"}
                        {lead.companySize !== null ? (
                          <div className="text-xs text-slate-500">
                            {t("leads.employees", {
                              count: formatNumber(lead.companySize, locale),
                            })}
                          </div>
                        ) : null}
                      </td>
                      <td className="py-2 pr-4">
                        {lead.source ?? "—"}
                        {lead.campaign ? (
                          <div className="text-xs text-slate-500">{lead.campaign}</div>
                        ) : null}
                      </td>
                      <td className="py-2 pr-4">
                        <Badge tone={statusTone[lead.status]}>
                          {t(`leads.status.${lead.status}`)}
                        </Badge>
                        {lead.heldBackAt && lead.status === "new" ? (
                          <div className="mt-1 text-xs text-amber-700">{t("leads.heldBack")}</div>
                        ) : null}
                      </td>
                      <td className="py-2 pr-4">
                        {lead.ownerName ?? <span className="text-slate-400">—</span>}
                      </td>
                      <td className="py-2 whitespace-nowrap text-slate-600">{listedDate(lead)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {query.page > 1 || hasNext ? (
            <nav
              aria-label={t("leads.pagination")}
              className="mt-4 flex items-center justify-between text-sm"
            >
              {query.page > 1 ? (
                <Link
                  to={pageLink(query.page - 1)}
                  className="font-semibold text-brand-600 hover:underline"
                >
                  ← {t("leads.previous")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-600">
                {pages === null
                  ? t("leads.pageOpen", { page: query.page })
                  : t("leads.page", { page: query.page, pages })}
              </span>
              {hasNext ? (
                <Link
                  to={pageLink(query.page + 1)}
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
