// Sign in. Works without JavaScript: the form posts `email` and `password` to /login.
// Failed attempts are limited per account and per IP; the limits live in the database.
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { RateLimiterRes } from "rate-limiter-flexible";
import { signInSchema } from "../accounts/schemas";
import { defaultWorkspaceId, verifyCredentials } from "../accounts/sign-in.server";
import { localeFor, safeRedirectPath } from "../auth/guards.server";
import { createSession, isSecureHost, sessionCookie } from "../auth/sessions.server";
import { AuthLayout } from "../components/auth-layout";
import { Button } from "../components/ui/button";
import { FormError, TextField } from "../components/ui/field";
import { translator } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";

export const meta: MetaFunction = () => [{ title: "Baton" }];

// The action's Retry-After must reach the browser on the document response too.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (context.auth)
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return { title: translator(localeFor(request, context))("auth.signIn.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { email, password } = parsed.data;

  const accountKey = email;
  const ipKey = context.clientIp;
  const [byAccount, byIp] = await Promise.all([
    context.limiters.signInPerAccount.get(accountKey),
    context.limiters.signInPerIp.get(ipKey),
  ]);
  const blocked = [
    { res: byAccount, points: context.limiters.signInPerAccount.points },
    { res: byIp, points: context.limiters.signInPerIp.points },
  ].find(({ res, points }) => res !== null && res.consumedPoints >= points);
  if (blocked?.res) {
    const minutes = Math.max(1, Math.ceil(blocked.res.msBeforeNext / 60_000));
    return data(
      { ...formFailure(formData, { message: "auth.signIn.rateLimited" }), retryMinutes: minutes },
      {
        status: 429,
        headers: { "Retry-After": String(Math.ceil(blocked.res.msBeforeNext / 1000)) },
      },
    );
  }

  const user = await verifyCredentials({ db: context.db, email, password });
  if (!user) {
    await Promise.all([
      context.limiters.signInPerAccount.penalty(accountKey).catch(ignoreLimit),
      context.limiters.signInPerIp.penalty(ipKey).catch(ignoreLimit),
    ]);
    return data(formFailure(formData, { message: "auth.signIn.invalid" }), { status: 401 });
  }
  await context.limiters.signInPerAccount.delete(accountKey);

  const { token, session } = await createSession({
    db: context.db,
    userId: user.id,
    workspaceId: await defaultWorkspaceId({ db: context.db, userId: user.id }),
    secret: context.sessionSecret,
  });
  const secure = isSecureHost(new URL(request.url).hostname);
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": sessionCookie(token, session.expiresAt, secure) },
  });
}

function ignoreLimit(error: unknown) {
  if (!(error instanceof RateLimiterRes)) throw error;
}

export default function Login() {
  const t = useT();
  const { title } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure & { retryMinutes?: number }>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  return (
    <AuthLayout title={title}>
      <Form method="post" className="space-y-5" noValidate={false}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <FormError
          message={
            result?.formError === "auth.signIn.rateLimited"
              ? t("auth.signIn.rateLimited", { minutes: result.retryMinutes ?? 15 })
              : result?.formError
          }
        />
        <TextField
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          defaultValue={result?.values.email}
          errors={result?.fieldErrors.email}
        />
        <TextField
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={result?.fieldErrors.password}
        />
        <Button className="w-full" disabled={navigation.state === "submitting"}>
          {t("auth.signIn.submit")}
        </Button>
      </Form>
      <p className="mt-6 text-center text-sm text-slate-600">
        {t("auth.signIn.noAccount")}{" "}
        <Link to="/signup" className="font-semibold text-brand-600 hover:underline">
          {t("auth.signUp.link")}
        </Link>
      </p>
    </AuthLayout>
  );
}
