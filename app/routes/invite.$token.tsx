// Accepting an invitation: join with the account you are signed in with (it must be the invited
// address), sign in first if that address has an account, or create the account here.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AccountError, NotFoundError } from "../accounts/errors";
import { acceptInvitation, findInvitation } from "../accounts/invitations.server";
import { passwordSchema, personNameSchema } from "../accounts/schemas";
import { notFound } from "../auth/guards.server";
import {
  createSession,
  isSecureHost,
  sessionCookie,
  switchSessionWorkspace,
} from "../auth/sessions.server";
import { AuthLayout } from "../components/auth-layout";
import { NewPasswordField } from "../components/new-password-field";
import { Button, buttonClass } from "../components/ui/button";
import { FormError, TextField } from "../components/ui/field";
import { useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";

export const meta: MetaFunction = () => [{ title: "Baton" }];

const acceptSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("join") }),
    z.object({ intent: z.literal("create"), name: personNameSchema, password: passwordSchema }),
  ],
  { error: "validation.intent.invalid" },
);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const found = await findInvitation({ db: context.db, token: params.token ?? "" });
  if (!found) notFound();
  const signedInAs = context.auth?.user.email ?? null;
  return {
    state: found.state,
    workspaceName: found.workspaceName,
    invitedBy: found.invitedBy,
    email: found.invitation.email,
    role: found.invitation.role,
    hasAccount: found.hasAccount,
    signedInAs,
    invitePath: new URL(request.url).pathname,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const parsed = parseForm(acceptSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const secure = isSecureHost(new URL(request.url).hostname);
    if (parsed.data.intent === "join") {
      if (!context.auth)
        throw redirect(`/login?redirectTo=${encodeURIComponent(`/invite/${token}`)}`);
      const { workspaceId } = await acceptInvitation({
        db: context.db,
        token,
        user: context.auth.user,
      });
      await switchSessionWorkspace({
        db: context.db,
        sessionId: context.auth.session.id,
        userId: context.auth.user.id,
        workspaceId,
      });
      return redirect("/");
    }
    const { user, workspaceId } = await acceptInvitation({
      db: context.db,
      token,
      newAccount: { name: parsed.data.name, password: parsed.data.password },
    });
    const { token: sessionToken, session } = await createSession({
      db: context.db,
      userId: user.id,
      workspaceId,
      secret: context.sessionSecret,
    });
    return redirect("/", {
      headers: { "Set-Cookie": sessionCookie(sessionToken, session.expiresAt, secure) },
    });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof AccountError) {
      return data(formFailure(formData, { field: error.field, message: error.messageKey }), {
        status: 400,
      });
    }
    throw error;
  }
}

export default function Invite() {
  const t = useT();
  const invite = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure>();
  const navigation = useNavigation();
  const subtitle = t("invite.subtitle", {
    inviter: invite.invitedBy ?? t("invite.someone"),
    workspace: invite.workspaceName,
    role: t(`roles.${invite.role}`),
  });
  if (invite.state !== "open") {
    return (
      <AuthLayout title={t("invite.title", { workspace: invite.workspaceName })}>
        <p role="alert" className="text-sm text-slate-700">
          {t(`invite.state.${invite.state}`)}
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t("invite.title", { workspace: invite.workspaceName })} subtitle={subtitle}>
      <FormError message={result?.formError} />
      {invite.signedInAs ? (
        invite.signedInAs === invite.email ? (
          <Form method="post">
            <input type="hidden" name="intent" value="join" />
            <Button className="w-full" disabled={navigation.state === "submitting"}>
              {t("invite.join", { workspace: invite.workspaceName })}
            </Button>
          </Form>
        ) : (
          <div className="space-y-4 text-sm text-slate-700">
            <p role="alert">
              {t("invite.wrongAccount", { email: invite.email, current: invite.signedInAs })}
            </p>
            <Form method="post" action="/logout">
              <Button variant="secondary" className="w-full">
                {t("nav.signOut")}
              </Button>
            </Form>
          </div>
        )
      ) : invite.hasAccount ? (
        <div className="space-y-4 text-sm text-slate-700">
          <p>{t("invite.haveAccount", { email: invite.email })}</p>
          <Link
            to={`/login?redirectTo=${encodeURIComponent(invite.invitePath)}`}
            className={buttonClass("primary", "w-full")}
          >
            {t("auth.signIn.submit")}
          </Link>
        </div>
      ) : (
        <Form method="post" className="space-y-5">
          <input type="hidden" name="intent" value="create" />
          <TextField
            label={t("auth.email")}
            name="emailShown"
            value={invite.email}
            readOnly
            disabled
          />
          <TextField
            label={t("auth.name")}
            name="name"
            autoComplete="name"
            required
            autoFocus
            defaultValue={result?.values.name}
            errors={result?.fieldErrors.name}
          />
          <NewPasswordField errors={result?.fieldErrors.password} />
          <Button className="w-full" disabled={navigation.state === "submitting"}>
            {t("invite.createAndJoin")}
          </Button>
        </Form>
      )}
    </AuthLayout>
  );
}
