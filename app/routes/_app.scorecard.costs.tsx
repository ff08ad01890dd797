// Campaign costs: what each campaign cost over a stretch of days, for the scorecard's cost per
// MQL and per SQL. Everyone reads them; marketing and admins add, change and delete them.
// Integrations post the same costs to /api/v1/campaign-costs.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NotFoundError } from "../accounts/errors";
import { notFound, requireMember } from "../auth/guards.server";
import { Button, buttonClass } from "../components/ui/button";
import { Card, PageHeader } from "../components/ui/card";
import { ConfirmDialog } from "../components/ui/confirm-dialog";
import { FormError, TextField } from "../components/ui/field";
import { Pager } from "../components/ui/pager";
import { todayIn } from "../feedback/period";
import { formatDate, formatMoney } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { type FormFailure, formValues, parseForm } from "../lib/forms";
import { isUuid } from "../lib/ids";
import { campaignCostFormSchema } from "../scorecard/costs";
import {
  deleteCampaignCost,
  getCampaignCost,
  knownCampaigns,
  listCampaignCosts,
  saveCampaignCost,
} from "../scorecard/costs.server";
import { canEditCampaignCosts } from "../scorecard/permissions";

export const meta: MetaFunction = () => [{ title: "Campaign costs · Baton" }];

const pageSize = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const search = new URL(request.url).searchParams;
  const page = Math.max(1, Number(search.get("page")) || 1);
  const canEdit = canEditCampaignCosts(viewer.membership);
  const [{ costs, total }, campaigns] = await Promise.all([
    listCampaignCosts({ ...scope, limit: pageSize, offset: (page - 1) * pageSize }),
    canEdit ? knownCampaigns(scope) : Promise.resolve([]),
  ]);
  const editId = search.get("edit");
  let editing = null;
  if (editId && canEdit) {
    if (!isUuid(editId)) notFound();
    editing = await getCampaignCost({ ...scope, costId: editId });
    if (!editing) notFound();
  }
  return {
    canEdit,
    costs,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    campaigns,
    editing,
    today: todayIn(viewer.workspace.timeZone),
    currency: viewer.workspace.currency,
    saved: search.has("saved"),
  };
}

type Intent = "create" | "update" | "delete";
type ActionResult = { ok: true; message: MessageKey } | (FormFailure & { intent: Intent });

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  if (!canEditCampaignCosts(viewer.membership))
    throw data({ message: "forbidden" }, { status: 403 });
  const formData = await request.formData();
  const intent = formData.get("intent");
  const base = { db: context.db, workspaceId: viewer.workspace.id, actorUserId: viewer.user.id };
  const costId = String(formData.get("costId") ?? "");
  try {
    if (intent === "delete") {
      if (!isUuid(costId)) notFound();
      await deleteCampaignCost({ ...base, costId });
      return data<ActionResult>({ ok: true, message: "scorecard.costs.deleted" });
    }
    if (intent === "create" || intent === "update") {
      const parsed = parseForm(campaignCostFormSchema, formData);
      if (!parsed.ok) return data<ActionResult>({ ...parsed, intent }, { status: 400 });
      if (intent === "update") {
        if (!isUuid(costId)) notFound();
        await saveCampaignCost({ ...base, costId, input: parsed.data });
        return redirect("/scorecard/costs?saved=1");
      }
      await saveCampaignCost({ ...base, input: parsed.data });
      return data<ActionResult>({ ok: true, message: "scorecard.costs.created" });
    }
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return data<ActionResult>(
    {
      ok: false,
      fieldErrors: {},
      formError: "validation.intent.invalid",
      values: formValues(formData),
      intent: "create",
    },
    { status: 400 },
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** Cents as the form shows them: "1250.50". */
const amountText = (cents: number) => (cents / 100).toFixed(2);

function CostForm({
  editing,
  campaigns,
  today,
  currency,
}: Pick<LoaderData, "editing" | "campaigns" | "today" | "currency">) {
  const t = useT();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const failure =
    result && !result.ok && (result.intent === "create" || result.intent === "update")
      ? result
      : undefined;
  const value = (field: string, fallback: string | null | undefined) =>
    failure?.values[field] ?? fallback ?? "";
  const errors = failure?.fieldErrors ?? {};
  return (
    <Card
      title={editing ? t("scorecard.costs.editTitle") : t("scorecard.costs.addTitle")}
      description={t("scorecard.costs.formDescription")}
    >
      <Form
        method="post"
        className="space-y-4"
        key={`${editing?.id ?? "new"}-${JSON.stringify(failure?.values ?? {})}`}
        aria-label={editing ? t("scorecard.costs.editTitle") : t("scorecard.costs.addTitle")}
      >
        <input type="hidden" name="intent" value={editing ? "update" : "create"} />
        {editing ? <input type="hidden" name="costId" value={editing.id} /> : null}
        {result?.ok ? (
          <p
            role="status"
            className="rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200"
          >
            {t(result.message)}
          </p>
        ) : null}
        {failure ? <FormError message={failure.formError ?? "common.checkFields"} /> : null}
        <TextField
          label={t("scorecard.costs.fields.campaign")}
          name="campaign"
          required
          maxLength={200}
          list="known-campaigns"
          defaultValue={value("campaign", editing?.campaign)}
          hint={t("scorecard.costs.fields.campaignHint")}
          errors={errors.campaign}
        />
        <datalist id="known-campaigns">
          {[...new Set(campaigns.map((row) => row.campaign))].map((campaign) => (
            <option key={campaign} value={campaign} />
          ))}
        </datalist>
        <TextField
          label={t("scorecard.costs.fields.source")}
          name="source"
          maxLength={200}
          list="known-sources"
          defaultValue={value("source", editing?.source)}
          hint={t("scorecard.costs.fields.sourceHint")}
          errors={errors.source}
        />
        <datalist id="known-sources">
          {[...new Set(campaigns.flatMap((row) => (row.source ? [row.source] : [])))].map(
            (source) => (
              <option key={source} value={source} />
            ),
          )}
        </datalist>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("scorecard.costs.fields.startsOn")}
            name="startsOn"
            type="date"
            required
            defaultValue={value("startsOn", editing?.startsOn ?? today)}
            errors={errors.startsOn}
          />
          <TextField
            label={t("scorecard.costs.fields.endsOn")}
            name="endsOn"
            type="date"
            required
            defaultValue={value("endsOn", editing?.endsOn ?? today)}
            errors={errors.endsOn}
          />
        </div>
        <TextField
          label={t("scorecard.costs.fields.amount", { currency })}
          name="amount"
          inputMode="decimal"
          required
          defaultValue={value("amount", editing ? amountText(editing.amountCents) : "")}
          hint={t("scorecard.costs.fields.amountHint")}
          errors={errors.amount}
        />
        <TextField
          label={t("scorecard.costs.fields.note")}
          name="note"
          maxLength={500}
          defaultValue={value("note", editing?.note)}
          errors={errors.note}
        />
        <div className="flex gap-3">
          <Button disabled={navigation.state !== "idle"}>
            {editing ? t("scorecard.costs.save") : t("scorecard.costs.add")}
          </Button>
          {editing ? (
            <Link to="/scorecard/costs" className={buttonClass("secondary")}>
              {t("common.cancel")}
            </Link>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}

export default function CampaignCosts() {
  const t = useT();
  const locale = useLocale();
  const { canEdit, costs, total, page, pages, campaigns, editing, today, currency, saved } =
    useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const money = (cents: number) => formatMoney(cents, { locale, currency });
  const day = (date: string) => formatDate(`${date}T00:00:00Z`, { locale, timeZone: "UTC" });
  return (
    <>
      <PageHeader
        title={t("scorecard.costs.title")}
        description={t("scorecard.costs.description")}
        actions={
          <Link to="/scorecard" className={buttonClass("secondary")}>
            {t("scorecard.costs.back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={t("scorecard.costs.listTitle", { count: total })}>
            {saved || (result?.ok && result.message === "scorecard.costs.deleted") ? (
              <p role="status" className="mb-3 text-sm text-green-800">
                {t(saved ? "scorecard.costs.updated" : "scorecard.costs.deleted")}
              </p>
            ) : null}
            {costs.length === 0 ? (
              <p className="text-sm text-slate-600" data-testid="costs-empty">
                {canEdit ? t("scorecard.costs.emptyEditor") : t("scorecard.costs.emptyReader")}
              </p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="costs">
                  <thead className="text-xs uppercase text-slate-500">
                    <tr>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        {t("scorecard.costs.fields.campaign")}
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        {t("scorecard.costs.dates")}
                      </th>
                      <th scope="col" className="py-2 pr-4 text-right font-medium">
                        {t("scorecard.costs.amount")}
                      </th>
                      {canEdit ? (
                        <th scope="col" className="sr-only">
                          {t("scorecard.costs.actions")}
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {costs.map((cost) => (
                      <tr key={cost.id}>
                        <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                          {cost.campaign}
                          <span className="block text-xs font-normal text-slate-500">
                            {[
                              cost.source ?? t("scorecard.costs.anySource"),
                              cost.note,
                              cost.externalId ? t("scorecard.costs.viaApi") : cost.createdByName,
                            ]
                              .filter(Boolean)
                              .join(" · ")}
                          </span>
                        </th>
                        <td className="py-2 pr-4 text-slate-700">
                          {cost.startsOn === cost.endsOn
                            ? day(cost.startsOn)
                            : t("scorecard.costs.range", {
                                from: day(cost.startsOn),
                                to: day(cost.endsOn),
                              })}
                        </td>
                        <td className="py-2 pr-4 text-right tabular-nums">
                          {money(cost.amountCents)}
                        </td>
                        {canEdit ? (
                          <td className="py-2 text-right">
                            <div className="flex justify-end gap-1">
                              <Link
                                to={`?edit=${cost.id}`}
                                className={buttonClass("ghost", "!px-2 !py-1 text-xs")}
                                aria-label={t("scorecard.costs.editNamed", {
                                  campaign: cost.campaign,
                                })}
                              >
                                {t("scorecard.costs.edit")}
                              </Link>
                              <ConfirmDialog
                                triggerLabel={t("scorecard.costs.delete")}
                                title={t("scorecard.costs.deleteTitle", {
                                  campaign: cost.campaign,
                                })}
                                description={t("scorecard.costs.deleteDescription")}
                                confirmLabel={t("scorecard.costs.delete")}
                                fields={{ intent: "delete", costId: cost.id }}
                              />
                            </div>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager
              page={page}
              pages={pages}
              linkTo={(to) => `?page=${to}`}
              label={t("scorecard.costs.pages")}
              previous={t("scorecard.costs.newer")}
              next={t("scorecard.costs.older")}
              position={t("scorecard.costs.page", { page, pages })}
            />
          </Card>
        </div>
        {canEdit ? (
          <CostForm editing={editing} campaigns={campaigns} today={today} currency={currency} />
        ) : (
          <p className="text-xs text-slate-500">{t("scorecard.costs.readOnly")}</p>
        )}
      </div>
    </>
  );
}
