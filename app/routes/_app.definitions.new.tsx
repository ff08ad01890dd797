// A new proposal, prefilled from the active version of its kind, saved as a draft first.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireMember } from "../auth/guards.server";
import { DefinitionForm } from "../components/definition-form";
import { PageHeader } from "../components/ui/card";
import { type DefinitionFormError, formDefaultsFromRules } from "../definitions/form";
import { parseDefinitionForm } from "../definitions/form.server";
import { createDraft } from "../definitions/versions.server";
import { useT } from "../i18n/use-t";
import { getActiveDefinition } from "../leads/intake.server";

const authors = ["admin", "marketing", "sales"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: authors });
  const kind = z
    .enum(["mql", "sal", "sql"])
    .catch("mql")
    .parse(new URL(request.url).searchParams.get("kind"));
  const active = await getActiveDefinition({
    db: context.db,
    workspaceId: viewer.workspace.id,
    kind,
  });
  return {
    defaults: {
      kind,
      title: active ? active.title : "",
      prose: active?.prose ?? "",
      requiredFields: active?.requiredFields ?? [],
      ...formDefaultsFromRules(active?.rules ?? { match: "all", criteria: [] }),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: authors });
  const parsed = parseDefinitionForm(await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const draft = await createDraft({
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    content: parsed.content,
  });
  return redirect(`/definitions/${draft.id}`);
}

export default function NewDefinition() {
  const t = useT();
  const { defaults } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: DefinitionFormError[] }>();
  return (
    <>
      <PageHeader
        title={t("definitions.form.title", { kind: t(`definitions.kind.${defaults.kind}`) })}
      />
      <DefinitionForm defaults={defaults} errors={result?.errors} />
    </>
  );
}
