// Editing a draft (a proposal's text is fixed once proposed).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { notFound, requireMember } from "../auth/guards.server";
import { DefinitionForm } from "../components/definition-form";
import { PageHeader } from "../components/ui/card";
import { type DefinitionFormError, formDefaultsFromRules } from "../definitions/form";
import { parseDefinitionForm } from "../definitions/form.server";
import { DefinitionError, getVersion, updateDraft } from "../definitions/versions.server";
import { useT } from "../i18n/use-t";

const authors = ["admin", "marketing", "sales"] as const;

async function loadDraft(
  request: Request,
  context: Parameters<typeof requireMember>[1],
  versionId: string | undefined,
) {
  const viewer = await requireMember(request, context, { roles: authors });
  const id = z.uuid().safeParse(versionId);
  if (!id.success) notFound();
  try {
    const version = await getVersion({
      db: context.db,
      workspaceId: viewer.workspace.id,
      versionId: id.data,
    });
    if (version.status !== "draft") throw redirect(`/definitions/${version.id}`);
    return { viewer, version };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { version } = await loadDraft(request, context, params.versionId);
  return {
    defaults: {
      kind: version.kind,
      title: version.title,
      prose: version.prose,
      requiredFields: version.requiredFields,
      ...formDefaultsFromRules(version.rules),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, version } = await loadDraft(request, context, params.versionId);
  const formData = await request.formData();
  formData.set("kind", version.kind);
  const parsed = parseDefinitionForm(formData);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  try {
    await updateDraft({
      db: context.db,
      workspaceId: viewer.workspace.id,
      versionId: version.id,
      actorUserId: viewer.user.id,
      content: parsed.content,
    });
  } catch (error) {
    if (error instanceof DefinitionError)
      return data({ errors: [{ field: "form", message: error.messageKey }] }, { status: 409 });
    throw error;
  }
  return redirect(`/definitions/${version.id}`);
}

export default function EditDefinition() {
  const t = useT();
  const { defaults } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: DefinitionFormError[] }>();
  return (
    <>
      <PageHeader title={t("definitions.form.editTitle")} />
      <DefinitionForm defaults={defaults} errors={result?.errors} kindLocked />
    </>
  );
}
