// One deal: what it is worth and at what margin, how far it got, and the journey of the lead it
// came from — every touch, oldest first — so sales and marketing see where the money began.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireMember } from "../auth/guards.server";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { dealJourney, getDeal } from "../deals/deals.server";
import { formatDate, formatDateTime, formatMoney, formatShare } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { isUuid } from "../lib/ids";

export const meta: MetaFunction = () => [{ title: "Deal · Baton" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  if (!isUuid(params.dealId ?? "")) notFound();
  const found = await getDeal({ ...scope, dealId: params.dealId ?? "" });
  if (!found) notFound();
  const journey = found.deal.leadId
    ? await dealJourney({ ...scope, leadId: found.deal.leadId })
    : null;
  return {
    deal: found.deal,
    ownerName: found.ownerName,
    journey,
    timeZone: viewer.workspace.timeZone,
    currency: viewer.workspace.currency,
  };
}

const statusTone = { open: "brand", won: "green", lost: "slate" } as const;

export default function DealPage() {
  const t = useT();
  const locale = useLocale();
  const { deal, ownerName, journey, timeZone, currency } = useLoaderData<typeof loader>();
  const money = (cents: number) => formatMoney(cents, { locale, currency });
  const facts: [string, string][] = [
    [t("deals.column.amount"), money(deal.amountCents)],
    [
      t("deals.column.margin"),
      deal.grossMargin === null
        ? "—"
        : `${formatShare(deal.grossMargin, locale)} (${money(Math.round(deal.amountCents * deal.grossMargin))})`,
    ],
    [t("deals.column.stage"), `${deal.stage} · ${formatShare(deal.probability, locale)}`],
    [t("deals.weighted"), money(Math.round(deal.amountCents * deal.probability))],
    [t("deals.opened"), formatDateTime(deal.openedAt, { locale, timeZone })],
    [
      t("deals.column.close"),
      deal.closeDate ? formatDate(`${deal.closeDate}T00:00:00Z`, { locale, timeZone: "UTC" }) : "—",
    ],
    [t("deals.column.owner"), ownerName ?? "—"],
    [t("deals.contact"), deal.contactEmail ?? "—"],
  ];
  return (
    <>
      <PageHeader
        title={deal.name}
        description={deal.externalId ? t("deals.externalId", { id: deal.externalId }) : undefined}
        actions={<Badge tone={statusTone[deal.status]}>{t(`deals.status.${deal.status}`)}</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("deals.details")}>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm" data-testid="deal-facts">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <div className="lg:col-span-2">
          <Card title={t("deals.journey")}>
            {!journey ? (
              <p className="text-sm text-slate-600">{t("deals.noLeadJourney")}</p>
            ) : (
              <div className="space-y-4 text-sm">
                <p>
                  <Link
                    to={`/leads/${journey.lead.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {[journey.lead.firstName, journey.lead.lastName].filter(Boolean).join(" ") ||
                      journey.lead.email ||
                      t("deals.theLead")}
                  </Link>
                  {journey.lead.company ? ` · ${journey.lead.company}` : ""} ·{" "}
                  {t(`leads.status.${journey.lead.status}`)}
                </p>
                {journey.touches.length === 0 ? (
                  <p className="text-slate-600">{t("deals.noTouches")}</p>
                ) : (
                  <ol className="space-y-2 border-l border-slate-200 pl-4" data-testid="journey">
                    {journey.touches.map((touch) => (
                      <li key={touch.id}>
                        <span className="text-slate-500">
                          {formatDate(touch.occurredAt, { locale, timeZone })}
                        </span>{" "}
                        <span className="font-medium text-slate-900">
                          {t(`leads.touch.${touch.kind}`)}
                        </span>
                        {[touch.source, touch.campaign, touch.content, touch.term]
                          .filter(Boolean)
                          .map((part) => ` · ${part}`)
                          .join("")}
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
