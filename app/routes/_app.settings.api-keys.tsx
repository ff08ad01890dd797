// API keys (admins): create one (shown once), see when each was last used, revoke.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { createApiKey, listApiKeys, revokeApiKey } from "../api-keys/api-keys.server";
import { notFound, requireMember } from "../auth/guards.server";
import { ApiKeyRevokeDialog } from "../components/api-key-revoke-dialog";
import { Button } from "../components/ui/button";
import { Badge, Card } from "../components/ui/card";
import { inputClass, TextField } from "../components/ui/field";
import { formatDateTime } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { type FormFailure, parseForm } from "../lib/forms";

const apiKeyActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      name: z
        .string()
        .trim()
        .min(1, { error: "validation.apiKeyName.required" })
        .max(80, { error: "validation.apiKeyName.tooLong" }),
    }),
    z.object({ intent: z.literal("revoke"), apiKeyId: z.uuid({ error: "validation.id.invalid" }) }),
  ],
  { error: "validation.intent.invalid" },
);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: ["admin"] });
  return {
    keys: await listApiKeys({ db: context.db, workspaceId: viewer.workspace.id }),
    timeZone: viewer.workspace.timeZone,
    apiBase: new URL("/api/v1", request.url).toString(),
  };
}

type ActionResult = FormFailure | { ok: true; key?: string; name?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: ["admin"] });
  const formData = await request.formData();
  const parsed = parseForm(apiKeyActionSchema, formData);
  if (!parsed.ok) return data<ActionResult>(parsed, { status: 400 });
  if (parsed.data.intent === "create") {
    const { key } = await createApiKey({
      db: context.db,
      workspaceId: viewer.workspace.id,
      name: parsed.data.name,
      createdByUserId: viewer.user.id,
    });
    return data<ActionResult>({ ok: true, key, name: parsed.data.name });
  }
  try {
    await revokeApiKey({
      db: context.db,
      workspaceId: viewer.workspace.id,
      apiKeyId: parsed.data.apiKeyId,
      actorUserId: viewer.user.id,
    });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return data<ActionResult>({ ok: true });
}

export default function ApiKeys() {
  const t = useT();
  const locale = useLocale();
  const { keys, timeZone, apiBase } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className="space-y-6">
      <Card
        title={t("apiKeys.create.title")}
        description={t("apiKeys.create.description", { url: apiBase })}
      >
        <Form method="post" className="flex flex-wrap items-end gap-4">
          <input type="hidden" name="intent" value="create" />
          <div className="min-w-64 flex-1">
            <TextField
              label={t("apiKeys.name")}
              name="name"
              required
              placeholder={t("apiKeys.namePlaceholder")}
              defaultValue={failure?.values.name}
              errors={failure?.fieldErrors.name}
            />
          </div>
          <Button disabled={navigation.state === "submitting"}>{t("apiKeys.create.submit")}</Button>
        </Form>
        {result?.ok && result.key ? (
          <div
            role="status"
            className="mt-4 rounded-md bg-amber-50 p-4 text-sm ring-1 ring-amber-200"
          >
            <p className="font-medium text-amber-900">
              {t("apiKeys.created", { name: result.name ?? "" })}
            </p>
            <input
              readOnly
              aria-label={t("apiKeys.theKey")}
              value={result.key}
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClass} mt-2 font-mono`}
              data-testid="api-key"
            />
          </div>
        ) : null}
      </Card>
      <Card title={t("apiKeys.list.title")}>
        {keys.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-600">{t("apiKeys.empty")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 font-medium">{t("apiKeys.name")}</th>
                <th className="py-2 font-medium">{t("apiKeys.prefix")}</th>
                <th className="py-2 font-medium">{t("apiKeys.createdAt")}</th>
                <th className="py-2 font-medium">{t("apiKeys.lastUsed")}</th>
                <th className="py-2">
                  <span className="sr-only">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id}>
                  <td className="py-3 font-medium">{key.name}</td>
                  <td className="py-3 font-mono text-xs">{key.prefix}…</td>
                  <td className="py-3 text-slate-600">
                    {formatDateTime(key.createdAt, { locale, timeZone })}
                    {key.createdBy ? ` · ${key.createdBy}` : ""}
                  </td>
                  <td className="py-3 text-slate-600">
                    {key.lastUsedAt
                      ? formatDateTime(key.lastUsedAt, { locale, timeZone })
                      : t("apiKeys.never")}
                  </td>
                  <td className="py-3 text-right">
                    {key.revokedAt ? (
                      <Badge tone="red">{t("apiKeys.revoked")}</Badge>
                    ) : (
                      <ApiKeyRevokeDialog apiKeyId={key.id} name={key.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
