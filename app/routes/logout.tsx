// Sign out: ends this session (a POST, so a link elsewhere cannot sign anyone out).
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { blankSessionCookie, invalidateSession, isSecureHost } from "../auth/sessions.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (context.auth) await invalidateSession({ db: context.db, sessionId: context.auth.session.id });
  return redirect("/login", {
    headers: { "Set-Cookie": blankSessionCookie(isSecureHost(new URL(request.url).hostname)) },
  });
}
