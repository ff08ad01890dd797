// Workspace settings (admins): name, time zone and business hours. SLA clocks count business
// hours in this time zone, so changes are audited.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { weekdays } from "../../db/enums";
import { businessHoursFromForm, workspaceSettingsSchema } from "../accounts/settings-schemas";
import { updateWorkspaceSettings } from "../accounts/workspaces.server";
import { requireMember } from "../auth/guards.server";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { inputClass, SelectField, TextField } from "../components/ui/field";
import { useMessage, useT } from "../i18n/use-t";
import { type FormFailure, parseForm } from "../lib/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: ["admin"] });
  return {
    workspace: {
      name: viewer.workspace.name,
      slug: viewer.workspace.slug,
      timeZone: viewer.workspace.timeZone,
      currency: viewer.workspace.currency,
      businessHours: viewer.workspace.businessHours,
    },
    timeZones: Intl.supportedValuesOf("timeZone"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: ["admin"] });
  const formData = await request.formData();
  const parsed = parseForm(workspaceSettingsSchema, formData, {
    name: formData.get("name"),
    timeZone: formData.get("timeZone"),
    businessHours: businessHoursFromForm(formData),
  });
  if (!parsed.ok) return data(parsed, { status: 400 });
  await updateWorkspaceSettings({
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    ...parsed.data,
  });
  return { ok: true as const };
}

export default function WorkspaceSettings() {
  const t = useT();
  const message = useMessage();
  const { workspace, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | { ok: true }>();
  const failure = result && !result.ok ? result : undefined;
  const navigation = useNavigation();
  const hoursErrors = failure?.fieldErrors.businessHours;
  return (
    <Form method="post" className="space-y-6">
      <Card title={t("settings.workspace.title")} description={t("settings.workspace.description")}>
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
  );
}
