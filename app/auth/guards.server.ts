// Route guards: who is signed in, in which workspace, with which role. Loaders and actions call
// these first; a missing session redirects to /login, a wrong role answers 403.
import { data, redirect } from "@remix-run/node";
import type { MemberRole, Membership, User, Workspace } from "../../db/schema";
import {
  getMembership,
  listUserWorkspaces,
  type WorkspaceMembershipSummary,
} from "../accounts/workspaces.server";
import type { BatonContext } from "../context";
import { isLocale, type Locale, localeFromAcceptLanguage } from "../i18n/i18n";

export function localeFor(request: Request, context: Pick<BatonContext, "auth">): Locale {
  const preferred = context.auth?.user.locale;
  if (isLocale(preferred)) return preferred;
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}

/** Only same-site paths: "/leads?x=1" is kept, "//evil.example" and "https://…" are not. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//"))
    return fallback;
  if (value.startsWith("/\\")) return fallback;
  return value;
}

export function requireUser(request: Request, context: BatonContext) {
  if (!context.auth) {
    const url = new URL(request.url);
    const here = `${url.pathname}${url.search}`;
    throw redirect(here === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(here)}`);
  }
  return context.auth;
}

export interface Viewer {
  user: User;
  sessionId: string;
  workspace: Workspace;
  membership: Membership;
  workspaces: WorkspaceMembershipSummary[];
  locale: Locale;
}

/**
 * The signed-in member and their current workspace. With `roles`, any other role gets 403.
 * A user without any workspace is sent to create one.
 */
export async function requireMember(
  request: Request,
  context: BatonContext,
  options: { roles?: readonly MemberRole[] } = {},
): Promise<Viewer> {
  const auth = requireUser(request, context);
  const workspaces = await listUserWorkspaces({ db: context.db, userId: auth.user.id });
  const current =
    workspaces.find((w) => w.workspaceId === auth.session.workspaceId) ?? workspaces[0];
  if (!current) throw redirect("/workspaces/new");
  const row = await getMembership({
    db: context.db,
    workspaceId: current.workspaceId,
    userId: auth.user.id,
  });
  if (!row) throw redirect("/workspaces/new");
  if (options.roles && !options.roles.includes(row.membership.role)) {
    throw data({ message: "forbidden" }, { status: 403 });
  }
  return {
    user: auth.user,
    sessionId: auth.session.id,
    workspace: row.workspace,
    membership: row.membership,
    workspaces,
    locale: localeFor(request, context),
  };
}

export function notFound(): never {
  throw data({ message: "notFound" }, { status: 404 });
}
