// Editing one routing rule: its name, on/off, conditions and target; deleting it.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { listMembers } from "../accounts/members.server";
import { notFound, requireMember } from "../auth/guards.server";
import { RoutingDeleteDialog } from "../components/routing-delete-dialog";
import { RoutingRuleForm } from "../components/routing-rule-form";
import { PageHeader } from "../components/ui/card";
import { useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";
import { RoutingError } from "../routing/errors";
import { nestedFormInput, ruleFormSchema, ruleFormValues } from "../routing/forms";
import { canManageRouting } from "../routing/permissions";
import { listPools } from "../routing/pools.server";
import { deleteRule, getRule, updateRule } from "../routing/rules.server";

const params = z.object({ ruleId: z.uuid() });

async function load(request: Request, context: LoaderFunctionArgs["context"], ruleId?: string) {
  const viewer = await requireMember(request, context);
  if (!canManageRouting(viewer.membership)) throw data({ message: "forbidden" }, { status: 403 });
  const parsed = params.safeParse({ ruleId });
  if (!parsed.success) notFound();
  try {
    const rule = await getRule({
      db: context.db,
      workspaceId: viewer.workspace.id,
      ruleId: parsed.data.ruleId,
    });
    return { viewer, rule };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function loader({ request, params: routeParams, context }: LoaderFunctionArgs) {
  const { viewer, rule } = await load(request, context, routeParams.ruleId);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const [members, pools] = await Promise.all([listMembers(scope), listPools(scope)]);
  return {
    rule: { id: rule.id, name: rule.name, position: rule.position },
    values: ruleFormValues(rule),
    options: {
      members: members.map((m) => ({ userId: m.userId, name: m.name })),
      pools: pools.map((p) => ({ id: p.id, name: p.name })),
    },
  };
}

export async function action({ request, params: routeParams, context }: ActionFunctionArgs) {
  const { viewer, rule } = await load(request, context, routeParams.ruleId);
  const formData = await request.formData();
  const base = {
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    ruleId: rule.id,
  };
  try {
    if (formData.get("intent") === "delete") {
      await deleteRule(base);
      return redirect("/routing");
    }
    const parsed = parseForm(ruleFormSchema, formData, nestedFormInput(formData));
    if (!parsed.ok) return data<FormFailure>(parsed, { status: 400 });
    await updateRule({ ...base, rule: parsed.data });
    return redirect("/routing");
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof RoutingError)
      return data<FormFailure>(
        formFailure(formData, { field: error.field, message: error.messageKey }),
        { status: 400 },
      );
    throw error;
  }
}

export default function EditRoutingRule() {
  const t = useT();
  const { rule, values, options } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  return (
    <>
      <PageHeader
        title={t("routing.form.editTitle", { position: rule.position, name: rule.name })}
        actions={
          <RoutingDeleteDialog
            triggerLabel={t("routing.rules.delete.button")}
            title={t("routing.rules.delete.title", { name: rule.name })}
            description={t("routing.rules.delete.description")}
            confirmLabel={t("routing.rules.delete.confirm")}
            fields={{ intent: "delete" }}
          />
        }
      />
      <RoutingRuleForm
        values={failure?.values ?? values}
        errors={failure?.fieldErrors}
        options={options}
        submitLabel={t("routing.form.save")}
      />
    </>
  );
}
