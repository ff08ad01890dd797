// A new routing rule: conditions on the lead's fields and where matching leads go. It is tried
// after the existing rules; the list can move it up.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { listMembers } from "../accounts/members.server";
import { requireMember } from "../auth/guards.server";
import { RoutingRuleForm } from "../components/routing-rule-form";
import { PageHeader } from "../components/ui/card";
import { useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";
import { RoutingError } from "../routing/errors";
import { nestedFormInput, ruleFormSchema } from "../routing/forms";
import { canManageRouting } from "../routing/permissions";
import { listPools } from "../routing/pools.server";
import { createRule } from "../routing/rules.server";

async function requireEditor(request: Request, context: LoaderFunctionArgs["context"]) {
  const viewer = await requireMember(request, context);
  if (!canManageRouting(viewer.membership)) throw data({ message: "forbidden" }, { status: 403 });
  return viewer;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireEditor(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const [members, pools] = await Promise.all([listMembers(scope), listPools(scope)]);
  return {
    options: {
      members: members.map((m) => ({ userId: m.userId, name: m.name })),
      pools: pools.map((p) => ({ id: p.id, name: p.name })),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireEditor(request, context);
  const formData = await request.formData();
  const parsed = parseForm(ruleFormSchema, formData, nestedFormInput(formData));
  if (!parsed.ok) return data<FormFailure>(parsed, { status: 400 });
  try {
    await createRule({
      db: context.db,
      workspaceId: viewer.workspace.id,
      actorUserId: viewer.user.id,
      rule: parsed.data,
    });
  } catch (error) {
    if (error instanceof RoutingError)
      return data<FormFailure>(
        formFailure(formData, { field: error.field, message: error.messageKey }),
        { status: 400 },
      );
    throw error;
  }
  return redirect("/routing");
}

export default function NewRoutingRule() {
  const t = useT();
  const { options } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  return (
    <>
      <PageHeader
        title={t("routing.form.newTitle")}
        description={t("routing.form.newDescription")}
      />
      <RoutingRuleForm
        values={failure?.values ?? { active: "on" }}
        errors={failure?.fieldErrors}
        options={options}
        submitLabel={t("routing.form.create")}
      />
    </>
  );
}
