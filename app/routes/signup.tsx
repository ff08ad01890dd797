// Sign up: creates a workspace with the new user as its admin and signs them in.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { AccountError } from "../accounts/errors";
import { signUpSchema } from "../accounts/schemas";
import { createWorkspaceWithAdmin } from "../accounts/workspaces.server";
import { createSession, isSecureHost, sessionCookie } from "../auth/sessions.server";
import { AuthLayout } from "../components/auth-layout";
import { NewPasswordField } from "../components/new-password-field";
import { Button } from "../components/ui/button";
import { FormError, TextField } from "../components/ui/field";
import { useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";

export const meta: MetaFunction = () => [{ title: "Baton" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.auth) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const { workspace, user } = await createWorkspaceWithAdmin({
      db: context.db,
      workspaceName: parsed.data.workspaceName,
      admin: { name: parsed.data.name, email: parsed.data.email, password: parsed.data.password },
      via: "signup",
    });
    const { token, session } = await createSession({
      db: context.db,
      userId: user.id,
      workspaceId: workspace.id,
      secret: context.sessionSecret,
    });
    return redirect("/", {
      headers: {
        "Set-Cookie": sessionCookie(
          token,
          session.expiresAt,
          isSecureHost(new URL(request.url).hostname),
        ),
      },
    });
  } catch (error) {
    if (error instanceof AccountError) {
      return data(formFailure(formData, { field: error.field, message: error.messageKey }), {
        status: 400,
      });
    }
    throw error;
  }
}

export default function Signup() {
  const t = useT();
  const result = useActionData<FormFailure>();
  const navigation = useNavigation();
  return (
    <AuthLayout title={t("auth.signUp.title")} subtitle={t("auth.signUp.subtitle")}>
      <Form method="post" className="space-y-5">
        <FormError message={result?.formError} />
        <TextField
          label={t("auth.name")}
          name="name"
          autoComplete="name"
          required
          autoFocus
          defaultValue={result?.values.name}
          errors={result?.fieldErrors.name}
        />
        <TextField
          label={t("auth.workEmail")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.values.email}
          errors={result?.fieldErrors.email}
        />
        <NewPasswordField errors={result?.fieldErrors.password} />
        <TextField
          label={t("auth.workspaceName")}
          name="workspaceName"
          autoComplete="organization"
          required
          hint={t("auth.workspaceNameHint")}
          defaultValue={result?.values.workspaceName}
          errors={result?.fieldErrors.workspaceName}
        />
        <Button className="w-full" disabled={navigation.state === "submitting"}>
          {t("auth.signUp.submit")}
        </Button>
      </Form>
      <p className="mt-6 text-center text-sm text-slate-600">
        {t("auth.signUp.haveAccount")}{" "}
        <Link to="/login" className="font-semibold text-brand-600 hover:underline">
          {t("auth.signIn.link")}
        </Link>
      </p>
    </AuthLayout>
  );
}
