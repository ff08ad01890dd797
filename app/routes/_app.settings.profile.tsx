// Profile: one's name and language (or "as my browser").
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { updateProfile } from "../accounts/profile.server";
import { personNameSchema } from "../accounts/schemas";
import { requireMember } from "../auth/guards.server";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { SelectField, TextField } from "../components/ui/field";
import { locales } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import { type FormFailure, parseForm } from "../lib/forms";

const profileSchema = z.object({
  name: personNameSchema,
  locale: z
    .enum(["browser", ...locales], { error: "validation.locale.invalid" })
    .transform((value) => (value === "browser" ? null : value)),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  return {
    name: viewer.user.name,
    email: viewer.user.email,
    locale: viewer.user.locale ?? "browser",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  const formData = await request.formData();
  const parsed = parseForm(profileSchema, formData);
  if (!parsed.ok) return data<FormFailure | { ok: true }>(parsed, { status: 400 });
  await updateProfile({ db: context.db, userId: viewer.user.id, ...parsed.data });
  return data<FormFailure | { ok: true }>({ ok: true });
}

export default function Profile() {
  const t = useT();
  const profile = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | { ok: true }>();
  const failure = result && !result.ok ? result : undefined;
  const navigation = useNavigation();
  return (
    <Card title={t("profile.title")} description={profile.email}>
      <Form method="post" className="grid max-w-xl gap-5">
        <TextField
          label={t("auth.name")}
          name="name"
          required
          defaultValue={failure?.values.name ?? profile.name}
          errors={failure?.fieldErrors.name}
        />
        <SelectField
          label={t("profile.language")}
          name="locale"
          defaultValue={profile.locale}
          errors={failure?.fieldErrors.locale}
        >
          <option value="browser">{t("profile.languageBrowser")}</option>
          <option value="en">English</option>
          <option value="nl">Nederlands</option>
        </SelectField>
        <div className="flex items-center gap-4">
          <Button disabled={navigation.state === "submitting"}>{t("common.save")}</Button>
          {result?.ok ? (
            <p role="status" className="text-sm text-green-700">
              {t("common.saved")}
            </p>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}
