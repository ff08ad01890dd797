// What sales needs from marketing, for the weekly sync: anyone files a request (also in Slack with
// `/baton need`); marketing and admins give it a status and a response. Open ones by default.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { salesRequestStatuses } from "../../db/enums";
import { NotFoundError } from "../accounts/errors";
import { notFound, requireMember } from "../auth/guards.server";
import { SyncTabs, TextAreaField } from "../components/sync-parts";
import { Button } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { FormError, SelectField } from "../components/ui/field";
import { formatDateTime } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { type FormFailure, formValues } from "../lib/forms";
import { isUuid } from "../lib/ids";
import { canRespondToRequests } from "../sync/permissions";
import { salesRequestBodyMax } from "../sync/requests";
import { fileRequest, listRequests, respondToRequest } from "../sync/requests.server";

export const meta: MetaFunction = () => [{ title: "Sales requests · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const show = new URL(request.url).searchParams.get("show") === "all" ? "all" : "open";
  const requests = await listRequests({ db: context.db, workspaceId: viewer.workspace.id, show });
  return {
    show,
    requests,
    canRespond: canRespondToRequests(viewer.membership),
    timeZone: viewer.workspace.timeZone,
  };
}

type ActionResult =
  | { ok: true; message: MessageKey }
  | (FormFailure & { intent: "file" | "respond"; requestId?: string });

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  const formData = await request.formData();
  const base = { db: context.db, workspaceId: viewer.workspace.id };
  const intent = formData.get("intent");
  if (intent === "file") {
    const result = await fileRequest({
      ...base,
      requestedByUserId: viewer.user.id,
      body: String(formData.get("body") ?? ""),
      channel: "web",
    });
    if (!result.ok)
      return data<ActionResult>(
        { ok: false, fieldErrors: result.fieldErrors, values: formValues(formData), intent },
        { status: 400 },
      );
    return data<ActionResult>({ ok: true, message: "sync.requests.filed" });
  }
  if (intent === "respond") {
    if (!canRespondToRequests(viewer.membership))
      throw data({ message: "forbidden" }, { status: 403 });
    const requestId = String(formData.get("requestId") ?? "");
    if (!isUuid(requestId)) notFound();
    try {
      const result = await respondToRequest({
        ...base,
        actorUserId: viewer.user.id,
        requestId,
        input: {
          status: String(formData.get("status") ?? ""),
          response: String(formData.get("response") ?? ""),
        },
      });
      if (!result.ok)
        return data<ActionResult>(
          {
            ok: false,
            fieldErrors: result.fieldErrors,
            values: formValues(formData),
            intent,
            requestId,
          },
          { status: 400 },
        );
    } catch (error) {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }
    return data<ActionResult>({ ok: true, message: "sync.requests.responded" });
  }
  throw data({ message: "validation.intent.invalid" }, { status: 400 });
}

const statusTone = { open: "amber", planned: "brand", done: "green", declined: "slate" } as const;

export default function SyncRequests() {
  const t = useT();
  const locale = useLocale();
  const { show, requests, canRespond, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const failure = result && !result.ok ? result : undefined;
  const fileFailure = failure?.intent === "file" ? failure : undefined;
  const when = (value: string | Date) => formatDateTime(value, { locale, timeZone });
  return (
    <>
      <PageHeader title={t("sync.title")} description={t("sync.requests.description")} />
      <SyncTabs />
      {result?.ok ? (
        <p
          role="status"
          className="mb-6 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200"
        >
          {t(result.message)}
        </p>
      ) : null}
      {failure ? (
        <div className="mb-6">
          <FormError message={failure.formError ?? "common.checkFields"} />
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card
            title={show === "open" ? t("sync.requests.openTitle") : t("sync.requests.allTitle")}
            actions={
              <nav aria-label={t("sync.requests.filterLabel")} className="flex gap-3 text-sm">
                <Link
                  to="?"
                  aria-current={show === "open" ? "page" : undefined}
                  className={show === "open" ? "font-semibold text-slate-900" : "text-brand-600"}
                >
                  {t("sync.requests.showOpen")}
                </Link>
                <Link
                  to="?show=all"
                  aria-current={show === "all" ? "page" : undefined}
                  className={show === "all" ? "font-semibold text-slate-900" : "text-brand-600"}
                >
                  {t("sync.requests.showAll")}
                </Link>
              </nav>
            }
          >
            {requests.length === 0 ? (
              <p className="py-6 text-center text-sm text-slate-600" data-testid="requests-empty">
                {show === "open" ? t("sync.requests.noneOpen") : t("sync.requests.none")}
              </p>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="sales-requests">
                {requests.map((item) => {
                  const itemFailure =
                    failure?.intent === "respond" && failure.requestId === item.id
                      ? failure
                      : undefined;
                  return (
                    <li key={item.id} className="py-4 text-sm">
                      <div className="flex flex-wrap items-start justify-between gap-3">
                        <p className="min-w-0 flex-1 whitespace-pre-line text-slate-900">
                          {item.body}
                        </p>
                        <Badge tone={statusTone[item.status]}>
                          {t(`sync.requests.status.${item.status}`)}
                        </Badge>
                      </div>
                      <p className="mt-1 text-xs text-slate-500">
                        {t("sync.requests.filedBy", {
                          name: item.requestedByName ?? t("sync.requests.formerMember"),
                          when: when(item.createdAt),
                        })}
                        {item.channel === "slack" ? ` · ${t("sync.requests.viaSlack")}` : ""}
                      </p>
                      {item.response ? (
                        <p className="mt-2 rounded-md bg-slate-50 p-2 text-slate-700">
                          <span className="font-medium">
                            {t("sync.requests.responseBy", {
                              name: item.respondedByName ?? t("sync.requests.formerMember"),
                            })}
                          </span>{" "}
                          {item.response}
                        </p>
                      ) : null}
                      {canRespond ? (
                        <details className="mt-2" open={Boolean(itemFailure)}>
                          <summary className="cursor-pointer text-sm font-semibold text-brand-600">
                            {t("sync.requests.respond")}
                          </summary>
                          <Form method="post" className="mt-3 space-y-3">
                            <input type="hidden" name="intent" value="respond" />
                            <input type="hidden" name="requestId" value={item.id} />
                            <SelectField
                              label={t("sync.requests.fields.status")}
                              name="status"
                              defaultValue={itemFailure?.values.status ?? item.status}
                              errors={itemFailure?.fieldErrors.status}
                            >
                              {salesRequestStatuses.map((status) => (
                                <option key={status} value={status}>
                                  {t(`sync.requests.status.${status}`)}
                                </option>
                              ))}
                            </SelectField>
                            <TextAreaField
                              label={t("sync.requests.fields.response")}
                              name="response"
                              maxLength={2000}
                              defaultValue={itemFailure?.values.response ?? item.response ?? ""}
                              errors={itemFailure?.fieldErrors.response}
                            />
                            <Button variant="secondary" disabled={busy}>
                              {t("common.save")}
                            </Button>
                          </Form>
                        </details>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
        </div>
        <Card title={t("sync.requests.fileTitle")} description={t("sync.requests.fileDescription")}>
          <Form
            method="post"
            className="space-y-4"
            key={result?.ok ? `filed-${requests.length}` : "file"}
          >
            <input type="hidden" name="intent" value="file" />
            <TextAreaField
              label={t("sync.requests.fields.body")}
              name="body"
              required
              rows={4}
              maxLength={salesRequestBodyMax}
              hint={t("sync.requests.fields.bodyHint")}
              defaultValue={fileFailure?.values.body ?? ""}
              errors={fileFailure?.fieldErrors.body}
            />
            <Button disabled={busy}>{t("sync.requests.file")}</Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
