// A new SLA agreement version, prefilled from the active one (or common practice when there is
// none yet), saved as a draft first; proposing and approving happen on the version's page.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import { SlaTermsForm } from "../components/sla-terms-form";
import { PageHeader } from "../components/ui/card";
import { translate } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import type { FieldErrors } from "../lib/forms";
import { createAgreementDraft, getActiveAgreement } from "../sla/agreements.server";
import { agreementFormValues } from "../sla/form";
import { readAgreementForm } from "../sla/form.server";
import { slaAuthors } from "../sla/permissions";
import { defaultSlaTerms } from "../sla/terms";

export const meta: MetaFunction = () => [{ title: "New SLA version · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: slaAuthors });
  const active = await getActiveAgreement(context.db, viewer.workspace.id);
  return {
    basedOn: active?.version ?? null,
    values: agreementFormValues(
      active
        ? { title: active.title, prose: active.prose, terms: active.terms }
        : {
            title: translate(viewer.locale, "sla.form.firstTitle"),
            prose: "",
            terms: defaultSlaTerms,
          },
    ),
  };
}

type ActionResult = { values: Record<string, string>; fieldErrors?: FieldErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: slaAuthors });
  const outcome = readAgreementForm(await request.formData());
  if (outcome.kind === "redraw") return data<ActionResult>({ values: outcome.values });
  if (outcome.kind === "invalid")
    return data<ActionResult>(
      { values: outcome.failure.values, fieldErrors: outcome.failure.fieldErrors },
      { status: 400 },
    );
  const draft = await createAgreementDraft({
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    content: outcome.content,
  });
  return redirect(`/sla/versions/${draft.id}`);
}

export default function NewSlaVersion() {
  const t = useT();
  const { values, basedOn } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  return (
    <>
      <PageHeader
        title={t("sla.form.newTitle")}
        description={
          basedOn === null
            ? t("sla.form.newFromDefaults")
            : t("sla.form.newFromActive", { version: basedOn })
        }
      />
      <SlaTermsForm
        values={result?.values ?? values}
        errors={result?.fieldErrors}
        submitLabel={t("sla.form.saveDraft")}
        cancelTo="/sla"
      />
    </>
  );
}
