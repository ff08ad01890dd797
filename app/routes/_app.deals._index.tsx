// Deals: every opportunity in the workspace with amount, margin, stage and probability, filtered
// (status, opened or won between two days, marketing-sourced), sorted and paged on the server.
// Deals come from the CRM through POST /api/v1/deals.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { dealStatuses, sourceKinds } from "../../db/enums";
import { requireMember } from "../auth/guards.server";
import { DateRangeFilter, SelectFilter } from "../components/list-filters";
import { buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { inputClass } from "../components/ui/field";
import { Pager } from "../components/ui/pager";
import { listDeals } from "../deals/deals.server";
import { dealDateFields, dealListQuerySchema, dealPageSize, dealSorts } from "../deals/list-query";
import { formatDate, formatMoney, formatNumber, formatShare } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Deals · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const query = dealListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listDeals({
    db: context.db,
    workspaceId: viewer.workspace.id,
    timeZone: viewer.workspace.timeZone,
    query,
  });
  return {
    ...list,
    query,
    timeZone: viewer.workspace.timeZone,
    currency: viewer.workspace.currency,
    canImport: viewer.membership.role === "admin" || viewer.membership.role === "marketing",
  };
}

const statusTone = { open: "brand", won: "green", lost: "slate" } as const;

export default function Deals() {
  const t = useT();
  const locale = useLocale();
  const { deals, total, amountCents, query, timeZone, currency, canImport } =
    useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / dealPageSize));
  const money = (cents: number) => formatMoney(cents, { locale, currency });
  const pageLink = (page: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(page));
    return `?${next}`;
  };
  const filtered = Boolean(query.q || query.status || query.sourceKind || query.from || query.to);
  return (
    <>
      <PageHeader
        title={t("deals.title")}
        description={t("deals.subtitle")}
        actions={
          canImport ? (
            <Link to="/leads/import?kind=deals" className={buttonClass("secondary")}>
              {t("deals.import")}
            </Link>
          ) : null
        }
      />
      <Card>
        <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("deals.filters.search")}
            <input
              type="search"
              name="q"
              defaultValue={query.q ?? ""}
              className={`${inputClass} w-56`}
              placeholder={t("deals.filters.searchPlaceholder")}
            />
          </label>
          <SelectFilter label={t("deals.filters.status")} name="status" value={query.status}>
            <option value="">{t("deals.filters.any")}</option>
            {dealStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`deals.status.${status}`)}
              </option>
            ))}
          </SelectFilter>
          <SelectFilter
            label={t("deals.filters.sourceKind")}
            name="sourceKind"
            value={query.sourceKind}
          >
            <option value="">{t("deals.filters.any")}</option>
            {sourceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`deals.sourceKind.${kind}`)}
              </option>
            ))}
          </SelectFilter>
          <SelectFilter label={t("deals.filters.date")} name="date" value={query.date}>
            {dealDateFields.map((field) => (
              <option key={field} value={field}>
                {t(`deals.date.${field}`)}
              </option>
            ))}
          </SelectFilter>
          <DateRangeFilter
            fromLabel={t("deals.filters.from")}
            toLabel={t("deals.filters.to")}
            from={query.from}
            to={query.to}
          />
          <SelectFilter label={t("deals.filters.sort")} name="sort" value={query.sort}>
            {dealSorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`deals.sort.${sort}`)}
              </option>
            ))}
          </SelectFilter>
          <button type="submit" className={buttonClass("primary")}>
            {t("deals.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/deals" className="pb-2 text-sm text-slate-600 hover:underline">
              {t("deals.filters.clear")}
            </Link>
          ) : null}
        </Form>
      </Card>
      <div className="mt-6">
        <Card
          title={t("deals.count", {
            count: formatNumber(total, locale),
            amount: money(amountCents),
          })}
        >
          {deals.length === 0 ? (
            <div className="py-10 text-center text-sm text-slate-600" data-testid="deals-empty">
              {filtered ? t("deals.noMatches") : t("deals.empty")}
            </div>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="deals">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t("deals.column.deal")}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t("deals.column.stage")}
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">
                      {t("deals.column.amount")}
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">
                      {t("deals.column.margin")}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t("deals.column.source")}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t("deals.column.owner")}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t("deals.column.close")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {deals.map((deal) => (
                    <tr key={deal.id}>
                      <th scope="row" className="py-2 pr-4 font-medium">
                        <Link to={`/deals/${deal.id}`} className="text-brand-700 hover:underline">
                          {deal.name}
                        </Link>
                        <span className="block text-xs font-normal text-slate-500">
                          {deal.company ?? t("deals.noLead")} ·{" "}
                          {formatDate(deal.openedAt, { locale, timeZone })}
                        </span>
                      </th>
                      <td className="py-2 pr-4">
                        <Badge tone={statusTone[deal.status]}>
                          {t(`deals.status.${deal.status}`)}
                        </Badge>{" "}
                        <span className="text-slate-600">
                          {deal.stage} · {formatShare(deal.probability, locale)}
                        </span>
                      </td>
                      <td className="py-2 pr-4 text-right tabular-nums">
                        {money(deal.amountCents)}
                      </td>
                      <td className="py-2 pr-4 text-right tabular-nums">
                        {formatShare(deal.grossMargin, locale)}
                      </td>
                      <td className="py-2 pr-4 text-slate-600">{deal.source ?? "—"}</td>
                      <td className="py-2 pr-4 text-slate-600">{deal.ownerName ?? "—"}</td>
                      <td className="py-2 pr-4 text-slate-600">
                        {deal.closeDate
                          ? formatDate(`${deal.closeDate}T00:00:00Z`, { locale, timeZone: "UTC" })
                          : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={query.page}
            pages={pages}
            linkTo={pageLink}
            label={t("deals.pages")}
            previous={t("deals.previous")}
            next={t("deals.next")}
            position={t("deals.page", { page: query.page, pages })}
          />
        </Card>
      </div>
    </>
  );
}
