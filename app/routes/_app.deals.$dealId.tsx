// One deal: what it is worth and at what margin, how far it got, and its story — the lead's
// journey from the first touch to the close, told in a sentence, with the credit each touch got
// under the chosen attribution model.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { TouchpointKind } from "../../db/enums";
import { attributionModels } from "../attribution/models";
import { dealStory } from "../attribution/report.server";
import { notFound, requireMember } from "../auth/guards.server";
import { buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { inputClass } from "../components/ui/field";
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
  const asked = new URL(request.url).searchParams.get("model");
  const model = attributionModels.find((name) => name === asked) ?? "position_based";
  const now = new Date();
  const [journey, story] = found.deal.leadId
    ? await Promise.all([
        dealJourney({ ...scope, leadId: found.deal.leadId }),
        dealStory({
          ...scope,
          leadId: found.deal.leadId,
          closedAt: found.deal.closedAt ?? now,
          model,
        }),
      ])
    : [null, null];
  return {
    deal: found.deal,
    ownerName: found.ownerName,
    journey,
    story,
    model,
    now,
    timeZone: viewer.workspace.timeZone,
    currency: viewer.workspace.currency,
  };
}

const statusTone = { open: "brand", won: "green", lost: "slate" } as const;

export default function DealPage() {
  const t = useT();
  const locale = useLocale();
  const { deal, ownerName, journey, story, model, now, timeZone, currency } =
    useLoaderData<typeof loader>();
  const money = (cents: number) => formatMoney(cents, { locale, currency });
  const describe = (touch: NonNullable<typeof story>["touches"][number]) => {
    const values = {
      source: touch.source ?? "—",
      term: touch.term ?? touch.content ?? "—",
      content: touch.content ? `“${touch.content}”` : (touch.campaign ?? "—"),
      campaign: touch.campaign ?? touch.source ?? "—",
    };
    return t(`deals.story.touch.${touch.kind as TouchpointKind | "lead"}`, values);
  };
  const storyText = (() => {
    if (!story || story.touches.length === 0) return "";
    const [first, ...rest] = story.touches;
    if (!first) return "";
    const end = deal.closedAt ?? now;
    const days = Math.max(0, Math.round((end.getTime() - first.occurredAt.getTime()) / 86_400_000));
    const duration =
      days >= 60
        ? t("deals.story.months", { count: Math.round(days / 30.4) })
        : t("deals.story.days", { count: days });
    // The touches in between, without repeating the same kind of visit over and over.
    const middle = [...new Set(rest.slice(0, -1).map(describe))].slice(0, 3);
    const last = rest.at(-1);
    const between = [...middle, ...(last ? [describe(last)] : [])];
    return [
      t("deals.story.began", {
        amount: money(deal.amountCents),
        first: describe(first),
        date: formatDate(first.occurredAt, { locale, timeZone }),
      }),
      between.length ? t("deals.story.then", { touches: between.join(", ") }) : "",
      t(deal.status === "open" ? "deals.story.open" : "deals.story.closed", {
        duration,
        conversations: story.conversations,
      }),
    ].join("");
  })();
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
          <Card
            title={t("deals.story.title")}
            actions={
              journey ? (
                <Form method="get" className="flex items-end gap-2">
                  <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
                    {t("attribution.model")}
                    <select name="model" defaultValue={model} className={`${inputClass} w-48`}>
                      {attributionModels.map((name) => (
                        <option key={name} value={name}>
                          {t(`attribution.models.${name}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="submit" className={buttonClass("secondary")}>
                    {t("attribution.show")}
                  </button>
                </Form>
              ) : null
            }
          >
            {!journey || !story ? (
              <p className="text-sm text-slate-600">{t("deals.noLeadJourney")}</p>
            ) : (
              <div className="space-y-4 text-sm">
                <p className="text-base text-slate-900" data-testid="deal-story">
                  {storyText}
                </p>
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
                <h3 className="font-medium text-slate-900">
                  {t("deals.story.credit", { model: t(`attribution.models.${model}`) })}
                </h3>
                <ol className="space-y-2 border-l border-slate-200 pl-4" data-testid="journey">
                  {story.touches.map((touch) => (
                    <li key={touch.id} className="flex justify-between gap-4">
                      <span>
                        <span className="text-slate-500">
                          {formatDate(touch.occurredAt, { locale, timeZone })}
                        </span>{" "}
                        <span className="font-medium text-slate-900">
                          {touch.kind === "lead"
                            ? t("deals.story.touch.lead", { source: touch.source ?? "—" })
                            : t(`leads.touch.${touch.kind as TouchpointKind}`)}
                        </span>
                        {[touch.source, touch.campaign, touch.content, touch.term]
                          .filter(Boolean)
                          .map((part) => ` · ${part}`)
                          .join("")}
                      </span>
                      <span className="tabular-nums text-slate-700" data-testid="credit">
                        {formatShare(touch.credit, locale)}
                      </span>
                    </li>
                  ))}
                </ol>
              </div>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
