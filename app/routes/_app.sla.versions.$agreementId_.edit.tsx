// Editing a draft agreement (once proposed, its terms are fixed: withdraw and draft anew).
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { notFound, requireMember } from "../auth/guards.server";
import { SlaTermsForm } from "../components/sla-terms-form";
import { PageHeader } from "../components/ui/card";
import { useT } from "../i18n/use-t";
import type { FieldErrors } from "../lib/forms";
import { getAgreement, SlaError, updateAgreementDraft } from "../sla/agreements.server";
import { agreementFormValues } from "../sla/form";
import { readAgreementForm } from "../sla/form.server";
import { slaAuthors } from "../sla/permissions";

export const meta: MetaFunction = () => [{ title: "Edit SLA draft · Baton" }];

async function loadDraft(
  request: Request,
  context: Parameters<typeof requireMember>[1],
  agreementId: string | undefined,
) {
  const viewer = await requireMember(request, context, { roles: slaAuthors });
  const id = z.uuid().safeParse(agreementId);
  if (!id.success) notFound();
  try {
    const agreement = await getAgreement({
      db: context.db,
      workspaceId: viewer.workspace.id,
      agreementId: id.data,
    });
    if (agreement.status !== "draft") throw redirect(`/sla/versions/${agreement.id}`);
    return { viewer, agreement };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { agreement } = await loadDraft(request, context, params.agreementId);
  return {
    id: agreement.id,
    version: agreement.version,
    values: agreementFormValues(agreement),
  };
}

type ActionResult = {
  values: Record<string, string>;
  fieldErrors?: FieldErrors;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, agreement } = await loadDraft(request, context, params.agreementId);
  const outcome = readAgreementForm(await request.formData());
  if (outcome.kind === "redraw") return data<ActionResult>({ values: outcome.values });
  if (outcome.kind === "invalid")
    return data<ActionResult>(
      { values: outcome.failure.values, fieldErrors: outcome.failure.fieldErrors },
      { status: 400 },
    );
  try {
    await updateAgreementDraft({
      db: context.db,
      workspaceId: viewer.workspace.id,
      agreementId: agreement.id,
      actorUserId: viewer.user.id,
      content: outcome.content,
    });
  } catch (error) {
    // Proposed by someone else meanwhile: the draft is no longer editable.
    if (error instanceof SlaError) throw redirect(`/sla/versions/${agreement.id}`);
    throw error;
  }
  return redirect(`/sla/versions/${agreement.id}`);
}

export default function EditSlaVersion() {
  const t = useT();
  const { id, version, values } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  return (
    <>
      <PageHeader title={t("sla.form.editTitle", { version })} />
      <SlaTermsForm
        values={result?.values ?? values}
        errors={result?.fieldErrors}
        submitLabel={t("sla.form.saveChanges")}
        cancelTo={`/sla/versions/${id}`}
      />
    </>
  );
}
