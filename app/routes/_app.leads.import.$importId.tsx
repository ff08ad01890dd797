// CSV import, steps 2 and 3: map each column to a field (with a preview of the first rows,
// validated as the import will), start; then follow the progress and read the outcome.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useSubmit,
} from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { notFound, requireMember } from "../auth/guards.server";
import { ImportRules, importStatusTone } from "../components/import-rules";
import { Button } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { FormError, inputClass, SelectField } from "../components/ui/field";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatShare } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useMessage, useT } from "../i18n/use-t";
import {
  getImport,
  ImportStateError,
  listImportErrors,
  MappingError,
  previewImport,
  saveMapping,
  startImport,
} from "../imports/imports.server";
import {
  type ColumnMapping,
  checkMapping,
  compactMapping,
  isPresetId,
  isTargetField,
  payloadField,
  presetIds,
  suggestMapping,
  targetFields,
} from "../imports/presets";
import { type FormFailure, formFailure } from "../lib/forms";

export const meta: MetaFunction = () => [{ title: "Import · Baton" }];

const importRoles = ["admin", "marketing"] as const;
const shownErrors = 10;

const paramsSchema = z.object({ importId: z.uuid() });

const actionSchema = z.object({
  intent: z.enum(["preview", "preset", "start"]),
  preset: z.enum(presetIds).optional().catch(undefined),
});

async function loadImport(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const viewer = await requireMember(args.request, args.context, { roles: importRoles });
  const params = paramsSchema.safeParse(args.params);
  if (!params.success) notFound();
  const found = await getImport({
    db: args.context.db,
    workspaceId: viewer.workspace.id,
    importId: params.data.importId,
  });
  if (!found) notFound();
  return { viewer, found };
}

export async function loader(args: LoaderFunctionArgs) {
  const { viewer, found } = await loadImport(args);
  const { db } = args.context;
  const mapping: ColumnMapping = found.mapping ?? {};
  const inMapping = found.status === "mapping";
  return {
    item: {
      id: found.id,
      kind: found.kind,
      status: found.status,
      fileName: found.fileName,
      headers: found.headers,
      preset: found.preset,
      totalRows: found.totalRows,
      processedRows: found.processedRows,
      createdRows: found.createdRows,
      updatedRows: found.updatedRows,
      errorRows: found.errorRows,
      failure: found.failure,
      createdAt: found.createdAt,
      finishedAt: found.finishedAt,
    },
    mapping,
    problem: inMapping ? checkMapping(found.kind, found.headers, mapping) : null,
    preview: inMapping
      ? await previewImport({
          db,
          workspaceId: viewer.workspace.id,
          importId: found.id,
          mapping,
          timeZone: viewer.workspace.timeZone,
        })
      : [],
    errors:
      found.errorRows > 0
        ? await listImportErrors({
            db,
            workspaceId: viewer.workspace.id,
            importId: found.id,
            limit: shownErrors,
          })
        : [],
    timeZone: viewer.workspace.timeZone,
    currency: viewer.workspace.currency,
  };
}

type ActionResult = FormFailure | { ok: true };

export async function action(args: ActionFunctionArgs) {
  const { viewer, found } = await loadImport(args);
  const formData = await args.request.formData();
  const parsed = actionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return data<ActionResult>(formFailure(formData, { message: "imports.mapping.unknownField" }), {
      status: 400,
    });
  }
  const { intent, preset } = parsed.data;
  // One select per column, named by the column's position: `map.0`, `map.1`, …
  const mapping: ColumnMapping =
    intent === "preset" && preset
      ? compactMapping(suggestMapping(found.headers, { kind: found.kind, preset }).mapping)
      : Object.fromEntries(
          found.headers.flatMap((header, index) => {
            const field = formData.get(`map.${index}`);
            return typeof field === "string" && isTargetField(found.kind, field)
              ? [[header, field]]
              : [];
          }),
        );
  try {
    await saveMapping({
      db: args.context.db,
      workspaceId: viewer.workspace.id,
      importId: found.id,
      mapping,
      preset: preset ?? (isPresetId(found.preset) ? found.preset : null),
      start: intent === "start",
    });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof MappingError) {
      return data<ActionResult>(formFailure(formData, { message: error.messageKey }), {
        status: 400,
      });
    }
    if (error instanceof ImportStateError) {
      return data<ActionResult>(
        formFailure(formData, { message: "imports.mapping.alreadyStarted" }),
        { status: 409 },
      );
    }
    throw error;
  }
  if (intent === "start") {
    startImport({ db: args.context.db, dbKind: args.context.dbKind, importId: found.id });
    return redirect(`/leads/import/${found.id}`);
  }
  return data<ActionResult>({ ok: true });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ImportDetail() {
  const t = useT();
  const locale = useLocale();
  const { item, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={
          item.status === "mapping"
            ? t("imports.mapping.title", { file: item.fileName })
            : t("imports.progress.title", { file: item.fileName })
        }
        description={t(
          item.status === "mapping"
            ? "imports.mapping.description"
            : "imports.progress.description",
          {
            rows: formatNumber(item.totalRows, locale),
            kind: t(`imports.kind.${item.kind}` as MessageKey).toLowerCase(),
          },
        )}
        actions={
          <div className="flex items-center gap-4">
            <Badge tone={importStatusTone(item.status)}>
              {t(`imports.status.${item.status}` as MessageKey)}
            </Badge>
            <Link
              to="/leads/import"
              className="text-sm font-semibold text-brand-600 hover:underline"
            >
              {t("imports.back")}
            </Link>
          </div>
        }
      />
      {item.status === "mapping" ? (
        <MappingStep />
      ) : (
        <div className="space-y-6">
          <ProgressCard />
          <Card title={t("imports.rules.title")}>
            <ImportRules kind={item.kind} timeZone={timeZone} />
          </Card>
        </div>
      )}
    </>
  );
}

function fieldLabel(t: ReturnType<typeof useT>, field: string) {
  return t(`imports.field.${field}` as MessageKey);
}

function MappingStep() {
  const t = useT();
  const { item, mapping, problem, preview, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [draft, setDraft] = useState<ColumnMapping>(mapping);
  // A new mapping from the server (a format applied) replaces what the selects show.
  useEffect(() => setDraft(mapping), [mapping]);
  const failure = result && !result.ok ? result : undefined;
  const busy = navigation.state !== "idle";
  const fields = targetFields[item.kind];
  const firstRow = preview[0]?.cells ?? {};

  return (
    <div className="space-y-6">
      <Card title={t("imports.mapping.preset")} description={t("imports.mapping.presetHint")}>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="preset" />
          <div className="min-w-64">
            <SelectField
              label={t("imports.mapping.preset")}
              name="preset"
              defaultValue={item.preset ?? "baton"}
              key={item.preset}
            >
              {presetIds.map((id) => (
                <option key={id} value={id}>
                  {t(
                    (item.kind === "deals"
                      ? `imports.presetDeals.${id}`
                      : `imports.preset.${id}`) as MessageKey,
                  )}
                </option>
              ))}
            </SelectField>
          </div>
          <Button variant="secondary" disabled={busy}>
            {t("imports.mapping.applyPreset")}
          </Button>
        </Form>
      </Card>

      <Form
        method="post"
        className="space-y-6"
        onChange={(event) => {
          // With JavaScript, each change updates the preview at once.
          const formData = new FormData(event.currentTarget);
          formData.set("intent", "preview");
          submit(formData, { method: "post", preventScrollReset: true, replace: true });
        }}
      >
        <Card title={t("imports.mapping.columnsTitle")}>
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 font-medium">{t("imports.mapping.column")}</th>
                <th className="py-2 font-medium">{t("imports.mapping.example")}</th>
                <th className="py-2 font-medium">{t("imports.mapping.field")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {item.headers.map((header, index) => (
                <tr key={header}>
                  <td className="py-2 pr-4 font-medium">{header}</td>
                  <td className="max-w-48 truncate py-2 pr-4 text-slate-600">
                    {firstRow[header] ?? ""}
                  </td>
                  <td className="py-2">
                    <select
                      name={`map.${index}`}
                      aria-label={t("imports.mapping.selectLabel", { column: header })}
                      value={draft[header] ?? ""}
                      onChange={(event) => {
                        const field = event.currentTarget.value;
                        setDraft((current) => {
                          const next = { ...current };
                          if (field) next[header] = field;
                          else delete next[header];
                          return next;
                        });
                      }}
                      className={`${inputClass} w-auto min-w-56`}
                    >
                      <option value="">{t("imports.mapping.ignore")}</option>
                      {fields.map((field) => (
                        <option key={field} value={field}>
                          {fieldLabel(t, field)} ({field})
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>

        <PreviewCard />

        <Card>
          <div className="space-y-4">
            <FormError message={failure?.formError ?? problem ?? undefined} />
            <ImportRules kind={item.kind} timeZone={timeZone} />
            <div className="flex flex-wrap items-center gap-3">
              <Button name="intent" value="start" disabled={busy}>
                {t("imports.mapping.start")}
              </Button>
              <Button name="intent" value="preview" variant="secondary" disabled={busy}>
                {t("imports.mapping.updatePreview")}
              </Button>
              <p className="text-sm text-slate-600">{t("imports.mapping.startHint")}</p>
            </div>
          </div>
        </Card>
      </Form>
    </div>
  );
}

function PreviewCard() {
  const t = useT();
  const locale = useLocale();
  const message = useMessage();
  const { item, mapping, preview, timeZone, currency } = useLoaderData<typeof loader>();
  const mapped = targetFields[item.kind].filter((field) => Object.values(mapping).includes(field));
  const valid = preview.filter((row) => row.issues.length === 0).length;
  // A column shows what it turned into: "Amount" 12.500,00 as the deal's amount in cents, a
  // Won flag as the deal's status.
  const show = (field: string, values: Record<string, unknown>) => {
    const shown = payloadField(item.kind, field);
    const value = values[shown];
    if (value === null || value === undefined || value === "") return "";
    if (
      (shown === "created_at" || shown === "occurred_at" || shown === "closed_at") &&
      typeof value === "string"
    ) {
      return formatDateTime(value, { locale, timeZone });
    }
    if (shown === "close_date" && typeof value === "string")
      return formatDate(`${value}T00:00:00Z`, { locale, timeZone: "UTC" });
    if (typeof value === "number") {
      if (shown === "amount_cents" || shown === "gross_margin_cents")
        return formatMoney(value, { locale, currency });
      if (shown === "gross_margin" || shown === "probability") return formatShare(value, locale);
      return formatNumber(value, locale);
    }
    return String(value);
  };
  return (
    <Card
      title={t("imports.preview.title")}
      description={t("imports.preview.description", { count: preview.length })}
    >
      {mapped.length === 0 ? (
        <p className="py-4 text-sm text-slate-600">{t("imports.preview.noMapping")}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700" aria-live="polite">
            {t("imports.preview.summary", { valid, count: preview.length })}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="import-preview">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">{t("imports.preview.row")}</th>
                  <th className="py-2 pr-3 font-medium">{t("imports.preview.check")}</th>
                  {mapped.map((field) => (
                    <th key={field} className="whitespace-nowrap py-2 pr-3 font-medium">
                      {fieldLabel(t, field)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.map((row) => (
                  <PreviewRowView
                    key={row.rowNumber}
                    row={row}
                    mapped={mapped}
                    show={show}
                    describe={(issue) => `${fieldLabel(t, issue.field)}: ${message(issue.message)}`}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}

function PreviewRowView({
  row,
  mapped,
  show,
  describe,
}: {
  row: LoaderData["preview"][number];
  mapped: string[];
  show: (field: string, values: Record<string, unknown>) => string;
  describe: (issue: { field: string; message: string }) => string;
}) {
  const t = useT();
  const invalid = row.issues.length > 0;
  return (
    <>
      <tr className={invalid ? "bg-red-50/60" : undefined} data-row={row.rowNumber}>
        <td className="py-2 pr-3 tabular-nums text-slate-600">{row.rowNumber}</td>
        <td className="py-2 pr-3">
          <Badge tone={invalid ? "red" : "green"}>
            {invalid ? t("imports.preview.invalid") : t("imports.preview.valid")}
          </Badge>
        </td>
        {mapped.map((field) => (
          <td key={field} className="max-w-48 truncate py-2 pr-3">
            {show(field, row.values)}
          </td>
        ))}
      </tr>
      {invalid ? (
        <tr className="bg-red-50/60">
          <td />
          <td colSpan={mapped.length + 1} className="pb-2 pr-3 text-sm text-red-700">
            {row.issues.map(describe).join(" · ")}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function ProgressCard() {
  const t = useT();
  const locale = useLocale();
  const message = useMessage();
  const { item, errors } = useLoaderData<typeof loader>();
  const active = item.status === "queued" || item.status === "running";
  const revalidator = useRevalidator();
  const revalidatorRef = useRef(revalidator);
  revalidatorRef.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidatorRef.current.state === "idle") revalidatorRef.current.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active]);

  const number = (value: number) => formatNumber(value, locale);
  const title = active
    ? t(`imports.status.${item.status}` as MessageKey)
    : item.status === "done"
      ? t("imports.done.title")
      : t("imports.failed.title");
  return (
    <Card title={title}>
      {active ? (
        // Without JavaScript the page reloads itself instead.
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <div className="space-y-4">
        <progress
          className="h-3 w-full appearance-none overflow-hidden rounded-full bg-slate-200 [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600"
          aria-label={t("imports.progress.label")}
          aria-valuetext={t("imports.progress.rows", {
            processed: number(item.processedRows),
            total: number(item.totalRows),
          })}
          max={Math.max(item.totalRows, 1)}
          {...(item.status === "queued" ? {} : { value: item.processedRows })}
        />
        <p className="text-sm text-slate-700" role="status" aria-live="polite">
          {t("imports.progress.rows", {
            processed: number(item.processedRows),
            total: number(item.totalRows),
          })}
          {active
            ? ` — ${t(item.status === "queued" ? "imports.progress.queued" : "imports.progress.running")}`
            : ""}
        </p>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Count
            label={t("imports.counts.created")}
            value={number(item.createdRows)}
            testId="created"
          />
          <Count
            label={t(item.kind === "deals" ? "imports.counts.updated" : "imports.counts.unchanged")}
            value={number(item.updatedRows)}
            testId="unchanged"
          />
          <Count
            label={t("imports.counts.errors")}
            value={number(item.errorRows)}
            testId="errors"
          />
        </dl>
        {item.status === "done" ? (
          <p className="text-sm font-medium text-slate-900">
            {t(item.kind === "deals" ? "imports.done.summaryDeals" : "imports.done.summary", {
              created: number(item.createdRows),
              unchanged: number(item.updatedRows),
              errors: number(item.errorRows),
            })}{" "}
            {item.errorRows === 0 ? t("imports.done.allValid") : ""}
          </p>
        ) : null}
        {item.status === "failed" ? (
          <p role="alert" className="text-sm text-red-700">
            {t("imports.failed.body", { failure: item.failure ?? "" })}
          </p>
        ) : null}
        {errors.length > 0 ? (
          <div className="space-y-3 border-t border-slate-100 pt-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h3 className="text-sm font-semibold text-slate-900">
                {t("imports.done.errorsTitle")}
              </h3>
              {!active ? (
                <a
                  href={`/leads/import/${item.id}/errors.csv`}
                  download
                  className="text-sm font-semibold text-brand-600 hover:underline"
                >
                  {t("imports.done.download")}
                </a>
              ) : null}
            </div>
            <p className="text-sm text-slate-600">{t("imports.done.errorsHint")}</p>
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">{t("imports.preview.row")}</th>
                  <th className="py-2 pr-3 font-medium">{t("imports.mapping.field")}</th>
                  <th className="py-2 font-medium">{t("imports.errors.problem")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {errors.map((error) => (
                  <tr key={error.id}>
                    <td className="py-2 pr-3 tabular-nums">{error.rowNumber}</td>
                    <td className="py-2 pr-3">{error.field ? fieldLabel(t, error.field) : ""}</td>
                    <td className="py-2 text-red-700">{message(error.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {item.errorRows > errors.length ? (
              <p className="text-xs text-slate-500">
                {t("imports.done.moreErrors", { count: number(item.errorRows) })}
              </p>
            ) : null}
          </div>
        ) : null}
        {!active ? (
          <div className="flex flex-wrap gap-4 border-t border-slate-100 pt-4 text-sm font-semibold">
            {item.kind === "deals" ? (
              <Link to="/deals" className="text-brand-600 hover:underline">
                {t("imports.viewDeals")}
              </Link>
            ) : (
              <Link to="/leads" className="text-brand-600 hover:underline">
                {t("imports.viewLeads")}
              </Link>
            )}
            <Link to="/leads/import" className="text-brand-600 hover:underline">
              {t("imports.another")}
            </Link>
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function Count({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-4 py-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`count-${testId}`}>
        {value}
      </dd>
    </div>
  );
}
