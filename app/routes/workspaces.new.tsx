// A signed-in user creates another workspace (and becomes its admin), or their first one when
// they have been removed from every workspace.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { workspaceNameSchema } from "../accounts/schemas";
import { addWorkspaceForUser, listUserWorkspaces } from "../accounts/workspaces.server";
import { requireUser } from "../auth/guards.server";
import { switchSessionWorkspace } from "../auth/sessions.server";
import { AuthLayout } from "../components/auth-layout";
import { Button } from "../components/ui/button";
import { TextField } from "../components/ui/field";
import { useT } from "../i18n/use-t";
import { type FormFailure, parseForm } from "../lib/forms";

const newWorkspaceSchema = z.object({ workspaceName: workspaceNameSchema });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireUser(request, context);
  const workspaces = await listUserWorkspaces({ db: context.db, userId: auth.user.id });
  return { hasWorkspaces: workspaces.length > 0 };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireUser(request, context);
  const formData = await request.formData();
  const parsed = parseForm(newWorkspaceSchema, formData);
  if (!parsed.ok) return data<FormFailure>(parsed, { status: 400 });
  const workspace = await addWorkspaceForUser({
    db: context.db,
    userId: auth.user.id,
    workspaceName: parsed.data.workspaceName,
  });
  await switchSessionWorkspace({
    db: context.db,
    sessionId: auth.session.id,
    userId: auth.user.id,
    workspaceId: workspace.id,
  });
  return redirect("/");
}

export default function NewWorkspace() {
  const t = useT();
  const { hasWorkspaces } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure>();
  const navigation = useNavigation();
  return (
    <AuthLayout
      title={t("workspaces.new.title")}
      subtitle={hasWorkspaces ? t("workspaces.new.subtitle") : t("workspaces.new.noWorkspace")}
    >
      <Form method="post" className="space-y-5">
        <TextField
          label={t("auth.workspaceName")}
          name="workspaceName"
          required
          autoFocus
          defaultValue={result?.values.workspaceName}
          errors={result?.fieldErrors.workspaceName}
        />
        <Button className="w-full" disabled={navigation.state === "submitting"}>
          {t("workspaces.new.submit")}
        </Button>
      </Form>
      {hasWorkspaces ? (
        <Link to="/" className="mt-6 block text-center text-sm text-slate-600 hover:underline">
          {t("common.cancel")}
        </Link>
      ) : (
        <Form method="post" action="/logout" className="mt-6 text-center">
          <button type="submit" className="text-sm text-slate-600 hover:underline">
            {t("nav.signOut")}
          </button>
        </Form>
      )}
    </AuthLayout>
  );
}
