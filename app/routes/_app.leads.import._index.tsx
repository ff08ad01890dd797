// CSV import, step 1: upload a file of leads, touchpoints or deals; below, the recent imports.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  MaxPartSizeExceededError,
  type MetaFunction,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { importKinds } from "../../db/enums";
import { requireMember } from "../auth/guards.server";
import { ImportRules, importStatusTone } from "../components/import-rules";
import { Button } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { FormError, SelectField, TextField } from "../components/ui/field";
import { formatDateTime, formatNumber } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { createImport, ImportFileError, listImports } from "../imports/imports.server";
import { maxUploadBytes } from "../imports/presets";
import { type FormFailure, formFailure } from "../lib/forms";

export const meta: MetaFunction = () => [{ title: "Import · Baton" }];

const importRoles = ["admin", "marketing"] as const;

const uploadSchema = z.object({
  kind: z.enum(importKinds, { error: "imports.upload.kindInvalid" }),
});

/** `?kind=deals` (the deals list links here so) chooses what the file contains. */
const kindQuerySchema = z.enum(importKinds).catch("leads");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: importRoles });
  return {
    imports: await listImports({ db: context.db, workspaceId: viewer.workspace.id }),
    timeZone: viewer.workspace.timeZone,
    kind: kindQuerySchema.parse(new URL(request.url).searchParams.get("kind") ?? undefined),
  };
}

type ActionResult = FormFailure & { detail?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: importRoles });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxUploadBytes }),
    );
  } catch (error) {
    // A body sent without Content-Length is counted here as it arrives.
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return data<ActionResult>(formFailure(new FormData(), { message: "imports.upload.tooLarge" }), {
      status: 413,
    });
  }
  const parsed = uploadSchema.safeParse({ kind: formData.get("kind") });
  if (!parsed.success) {
    return data<ActionResult>(
      formFailure(formData, { field: "kind", message: "imports.upload.kindInvalid" }),
      { status: 400 },
    );
  }
  const file = formData.get("file");
  if (!(file instanceof Blob) || file.size === 0) {
    const message = file instanceof Blob ? "imports.upload.empty" : "imports.upload.missingFile";
    return data<ActionResult>(formFailure(formData, { field: "file", message }), {
      status: 400,
    });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = decodeCsv(bytes);
  if (text === null) {
    return data<ActionResult>(
      formFailure(formData, { field: "file", message: "imports.upload.notCsv" }),
      {
        status: 400,
      },
    );
  }
  try {
    const created = await createImport({
      db: context.db,
      workspaceId: viewer.workspace.id,
      kind: parsed.data.kind,
      fileName: "name" in file && typeof file.name === "string" ? file.name : "import.csv",
      csv: text,
      createdByUserId: viewer.user.id,
    });
    return redirect(`/leads/import/${created.id}`);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    return data<ActionResult>(
      {
        ...formFailure(formData, { field: "file", message: error.messageKey }),
        detail: error.detail,
      },
      { status: 400 },
    );
  }
}

/**
 * UTF-8 as exports should be; Excel's "CSV" on Windows is Windows-1252, so a file that is not
 * valid UTF-8 is read as that. A workbook (zip) or other binary file is refused: null.
 */
function decodeCsv(bytes: Uint8Array): string | null {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isZip || isOle || bytes.subarray(0, 8192).includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export default function ImportUpload() {
  const t = useT();
  const locale = useLocale();
  const { imports, timeZone, kind } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const [tooLarge, setTooLarge] = useState(false);
  const fileErrors = tooLarge ? ["imports.upload.tooLarge"] : result?.fieldErrors.file;
  return (
    <>
      <PageHeader
        title={t("imports.title")}
        description={t("imports.description")}
        actions={
          <Link to="/leads" className="text-sm font-semibold text-brand-600 hover:underline">
            {t("imports.viewLeads")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={t("imports.upload.title")}>
          <Form
            method="post"
            encType="multipart/form-data"
            className="space-y-4"
            onSubmit={(event) => {
              const input = event.currentTarget.elements.namedItem("file");
              const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
              const oversized = Boolean(file && file.size > maxUploadBytes);
              setTooLarge(oversized);
              if (oversized) event.preventDefault();
            }}
          >
            <FormError message={result?.formError} />
            <TextField
              label={t("imports.upload.file")}
              name="file"
              type="file"
              accept=".csv,.txt,text/csv"
              required
              hint={t("imports.upload.fileHint")}
              errors={fileErrors}
            />
            {result?.detail ? (
              <p className="text-xs text-slate-600">
                {t("imports.upload.parserSaid", { detail: result.detail })}
              </p>
            ) : null}
            <SelectField
              label={t("imports.upload.kind")}
              name="kind"
              defaultValue={result?.values.kind ?? kind}
              hint={t("imports.upload.kindHint")}
              errors={result?.fieldErrors.kind}
            >
              {importKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`imports.kind.${kind}` as MessageKey)}
                </option>
              ))}
            </SelectField>
            <Button disabled={navigation.state === "submitting"}>
              {t("imports.upload.submit")}
            </Button>
          </Form>
        </Card>
        <Card title={t("imports.rules.title")}>
          <ImportRules timeZone={timeZone} />
        </Card>
      </div>
      <div className="mt-6">
        <Card title={t("imports.recent.title")}>
          {imports.length === 0 ? (
            <p className="py-6 text-center text-sm text-slate-600">{t("imports.recent.empty")}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 font-medium">{t("imports.recent.file")}</th>
                  <th className="py-2 font-medium">{t("imports.recent.kind")}</th>
                  <th className="py-2 font-medium">{t("imports.recent.status")}</th>
                  <th className="py-2 text-right font-medium">{t("imports.recent.rows")}</th>
                  <th className="py-2 font-medium">{t("imports.recent.uploaded")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {imports.map((item) => (
                  <tr key={item.id}>
                    <td className="py-3 font-medium">
                      <Link
                        to={`/leads/import/${item.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {item.fileName}
                      </Link>
                    </td>
                    <td className="py-3">{t(`imports.kind.${item.kind}` as MessageKey)}</td>
                    <td className="py-3">
                      <Badge tone={importStatusTone(item.status)}>
                        {t(`imports.status.${item.status}` as MessageKey)}
                      </Badge>
                    </td>
                    <td className="py-3 text-right tabular-nums">
                      {formatNumber(item.totalRows, locale)}
                    </td>
                    <td className="py-3 text-slate-600">
                      {formatDateTime(item.createdAt, { locale, timeZone })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
