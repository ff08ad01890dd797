// Workspace settings (admins): name, time zone, business hours and holidays. SLA clocks count
// business hours in this time zone and skip the holidays, so changes are audited.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { weekdays } from "../../db/enums";
import { AccountError } from "../accounts/errors";
import {
  businessHoursFromForm,
  holidayRemovalSchema,
  holidaySchema,
  workspaceSettingsSchema,
} from "../accounts/settings-schemas";
import { addHoliday, removeHoliday, updateWorkspaceSettings } from "../accounts/workspaces.server";
import { requireMember } from "../auth/guards.server";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { inputClass, SelectField, TextField } from "../components/ui/field";
import { formatDate } from "../i18n/format";
import { useLocale, useMessage, useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";
import { localDate, localMidnight } from "../sla/periods";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: ["admin"] });
  return {
    workspace: {
      name: viewer.workspace.name,
      slug: viewer.workspace.slug,
      timeZone: viewer.workspace.timeZone,
      currency: viewer.workspace.currency,
      businessHours: viewer.workspace.businessHours,
      holidays: viewer.workspace.holidays,
    },
    today: localDate(new Date(), viewer.workspace.timeZone),
    timeZones: Intl.supportedValuesOf("timeZone"),
  };
}

type HolidayIntent = "addHoliday" | "removeHoliday";
type ActionResult =
  | (FormFailure & { intent?: HolidayIntent })
  | { ok: true; intent?: HolidayIntent };

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: ["admin"] });
  const formData = await request.formData();
  const intent = formData.get("intent");
  const base = {
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
  };
  if (intent === "addHoliday") {
    const parsed = parseForm(holidaySchema, formData);
    if (!parsed.ok) return data<ActionResult>({ ...parsed, intent }, { status: 400 });
    try {
      await addHoliday({ ...base, holiday: parsed.data });
    } catch (error) {
      if (error instanceof AccountError)
        return data<ActionResult>(
          { ...formFailure(formData, { field: error.field, message: error.messageKey }), intent },
          { status: 400 },
        );
      throw error;
    }
    return data<ActionResult>({ ok: true, intent });
  }
  if (intent === "removeHoliday") {
    const parsed = parseForm(holidayRemovalSchema, formData);
    if (!parsed.ok) return data<ActionResult>({ ...parsed, intent }, { status: 400 });
    await removeHoliday({ ...base, date: parsed.data.date });
    return data<ActionResult>({ ok: true, intent });
  }
  const parsed = parseForm(workspaceSettingsSchema, formData, {
    name: formData.get("name"),
    timeZone: formData.get("timeZone"),
    businessHours: businessHoursFromForm(formData),
  });
  if (!parsed.ok) return data<ActionResult>(parsed, { status: 400 });
  await updateWorkspaceSettings({ ...base, ...parsed.data });
  return data<ActionResult>({ ok: true });
}

export default function WorkspaceSettings() {
  const t = useT();
  const message = useMessage();
  const { workspace, timeZones } = useLoaderData<typeof loader>();
  const actionResult = useActionData<ActionResult>();
  const result = actionResult?.intent ? undefined : actionResult;
  const failure = result && !result.ok ? result : undefined;
  const navigation = useNavigation();
  const hoursErrors = failure?.fieldErrors.businessHours;
  return (
    <div className="space-y-6">
      <Form method="post" className="space-y-6">
        <Card
          title={t("settings.workspace.title")}
          description={t("settings.workspace.description")}
        >
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t("settings.workspace.name")}
              name="name"
              required
              defaultValue={failure?.values.name ?? workspace.name}
              errors={failure?.fieldErrors.name}
            />
            <TextField
              label={t("settings.workspace.slug")}
              name="slug"
              value={workspace.slug}
              readOnly
              disabled
              hint={t("settings.workspace.slugHint")}
            />
            <SelectField
              label={t("settings.workspace.timeZone")}
              name="timeZone"
              defaultValue={failure?.values.timeZone ?? workspace.timeZone}
              errors={failure?.fieldErrors.timeZone}
              hint={t("settings.workspace.timeZoneHint")}
            >
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("settings.workspace.currency")}
              name="currency"
              value={workspace.currency}
              readOnly
              disabled
            />
          </div>
        </Card>
        <Card title={t("settings.hours.title")} description={t("settings.hours.description")}>
          <fieldset>
            <legend className="sr-only">{t("settings.hours.title")}</legend>
            {hoursErrors ? (
              <p role="alert" className="mb-3 text-sm text-red-600">
                {hoursErrors.map(message).join(" ")}
              </p>
            ) : null}
            <div className="divide-y divide-slate-100">
              {weekdays.map((day) => {
                const hours = workspace.businessHours[day];
                const dayErrors = [
                  ...(failure?.fieldErrors[`businessHours.${day}.open`] ?? []),
                  ...(failure?.fieldErrors[`businessHours.${day}.close`] ?? []),
                  ...(failure?.fieldErrors[`businessHours.${day}`] ?? []),
                ];
                return (
                  <div key={day} className="flex flex-wrap items-center gap-4 py-3">
                    <label className="flex w-40 items-center gap-2 text-sm font-medium">
                      <input
                        type="checkbox"
                        name={`${day}.open`}
                        defaultChecked={
                          failure ? failure.values[`${day}.open`] === "on" : hours !== null
                        }
                        className="h-4 w-4 rounded border-slate-300 text-brand-600"
                      />
                      {t(`weekdays.${day}`)}
                    </label>
                    <label className="flex items-center gap-2 text-sm text-slate-600">
                      {t("settings.hours.from")}
                      <input
                        type="time"
                        name={`${day}.from`}
                        defaultValue={failure?.values[`${day}.from`] ?? hours?.open ?? "09:00"}
                        className={`${inputClass} w-32`}
                        aria-invalid={dayErrors.length > 0}
                      />
                    </label>
                    <label className="flex items-center gap-2 text-sm text-slate-600">
                      {t("settings.hours.to")}
                      <input
                        type="time"
                        name={`${day}.to`}
                        defaultValue={failure?.values[`${day}.to`] ?? hours?.close ?? "17:30"}
                        className={`${inputClass} w-32`}
                        aria-invalid={dayErrors.length > 0}
                      />
                    </label>
                    {dayErrors.length ? (
                      <p role="alert" className="text-sm text-red-600">
                        {dayErrors.map(message).join(" ")}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
          </fieldset>
        </Card>
        <div className="flex items-center gap-4">
          <Button disabled={navigation.state === "submitting"}>{t("common.save")}</Button>
          {result?.ok ? (
            <p role="status" className="text-sm text-green-700">
              {t("common.saved")}
            </p>
          ) : null}
        </div>
      </Form>
      <Holidays result={actionResult?.intent ? actionResult : undefined} />
    </div>
  );
}

/** Closed days: listed with their names (past ones greyed), removed one by one, added by date. */
function Holidays({ result }: { result?: ActionResult }) {
  const t = useT();
  const locale = useLocale();
  const { workspace, today } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const failure = result && !result.ok && result.intent === "addHoliday" ? result : undefined;
  const busy = navigation.state !== "idle";
  const dateLabel = (date: string) =>
    formatDate(localMidnight(date, workspace.timeZone), { locale, timeZone: workspace.timeZone });
  return (
    <Card
      title={t("sla.holidays.title")}
      description={t("sla.holidays.description", { timeZone: workspace.timeZone })}
    >
      {workspace.holidays.length === 0 ? (
        <p className="text-sm text-slate-600">{t("sla.holidays.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="holidays">
          {workspace.holidays.map((holiday) => (
            <li
              key={holiday.date}
              className={`flex items-center justify-between gap-4 py-2 text-sm ${holiday.date < today ? "text-slate-400" : ""}`}
            >
              <span>
                <span className="font-medium">{dateLabel(holiday.date)}</span> · {holiday.name}
                {holiday.date < today ? ` (${t("sla.holidays.past")})` : ""}
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="removeHoliday" />
                <input type="hidden" name="date" value={holiday.date} />
                <Button
                  variant="ghost"
                  disabled={busy}
                  aria-label={t("sla.holidays.removeNamed", { name: holiday.name })}
                >
                  {t("sla.holidays.remove")}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form
        method="post"
        className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-100 pt-4"
        key={result?.ok ? workspace.holidays.length : "holiday-form"}
      >
        <input type="hidden" name="intent" value="addHoliday" />
        <div className="w-44">
          <TextField
            label={t("sla.holidays.date")}
            name="date"
            type="date"
            required
            defaultValue={failure?.values.date ?? ""}
            errors={failure?.fieldErrors.date}
          />
        </div>
        <div className="min-w-48 flex-1">
          <TextField
            label={t("sla.holidays.name")}
            name="name"
            required
            maxLength={80}
            placeholder={t("sla.holidays.namePlaceholder")}
            defaultValue={failure?.values.name ?? ""}
            errors={failure?.fieldErrors.name}
          />
        </div>
        <Button variant="secondary" disabled={busy} className="mt-7">
          {t("sla.holidays.add")}
        </Button>
      </Form>
      {result?.ok ? (
        <p role="status" className="mt-2 text-sm text-green-700">
          {t("common.saved")}
        </p>
      ) : null}
    </Card>
  );
}
