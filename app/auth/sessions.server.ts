// Sessions after Lucia's current guide: a random token in an HttpOnly cookie, only its hash in
// the database, a 30-day sliding expiry renewed in the second half, revocable at any time.
import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships, type Session, sessions, type User, users } from "../../db/schema";
import { generateToken, hashToken } from "./tokens.server";

export const sessionCookieName = "baton_session";
const dayMs = 24 * 60 * 60 * 1000;
export const sessionLifetimeMs = 30 * dayMs;
const renewWhenLessThanMs = 15 * dayMs;

export interface CreateSessionOptions {
  db: Database;
  userId: string;
  workspaceId: string | null;
  secret?: string;
  now?: Date;
}

export async function createSession(options: CreateSessionOptions) {
  const token = generateToken();
  const now = options.now ?? new Date();
  const [session] = await options.db
    .insert(sessions)
    .values({
      id: hashToken(token, options.secret),
      userId: options.userId,
      workspaceId: options.workspaceId,
      expiresAt: new Date(now.getTime() + sessionLifetimeMs),
    })
    .returning();
  if (!session) throw new Error("The session was not stored");
  return { token, session };
}

export interface ValidatedSession {
  session: Session;
  user: User;
  /** True when the expiry moved and the cookie must be sent again. */
  renewed: boolean;
}

export async function validateSessionToken(options: {
  db: Database;
  token: string;
  secret?: string;
  now?: Date;
}): Promise<ValidatedSession | null> {
  const now = options.now ?? new Date();
  const id = hashToken(options.token, options.secret);
  const [row] = await options.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  if (row.session.expiresAt.getTime() <= now.getTime()) {
    await options.db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (row.session.expiresAt.getTime() - now.getTime() < renewWhenLessThanMs) {
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    await options.db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
    return { session: { ...row.session, expiresAt }, user: row.user, renewed: true };
  }
  return { session: row.session, user: row.user, renewed: false };
}

export async function invalidateSession(options: { db: Database; sessionId: string }) {
  await options.db.delete(sessions).where(eq(sessions.id, options.sessionId));
}

/** Signs a user out everywhere, e.g. after their access to a workspace is removed. */
export async function invalidateUserSessions(options: { db: Database; userId: string }) {
  await options.db.delete(sessions).where(eq(sessions.userId, options.userId));
}

/** Points the session at another workspace, only one the user is a member of. */
export async function switchSessionWorkspace(options: {
  db: Database;
  sessionId: string;
  userId: string;
  workspaceId: string;
}): Promise<boolean> {
  const [membership] = await options.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(eq(memberships.userId, options.userId), eq(memberships.workspaceId, options.workspaceId)),
    );
  if (!membership) return false;
  await options.db
    .update(sessions)
    .set({ workspaceId: options.workspaceId })
    .where(and(eq(sessions.id, options.sessionId), gt(sessions.expiresAt, new Date())));
  return true;
}

function cookieAttributes(secure: boolean) {
  return `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return `${sessionCookieName}=${token}; ${cookieAttributes(secure)}; Expires=${expiresAt.toUTCString()}`;
}

export function blankSessionCookie(secure: boolean): string {
  return `${sessionCookieName}=; ${cookieAttributes(secure)}; Max-Age=0`;
}

export function readSessionToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === sessionCookieName) {
      const token = value.join("=");
      return /^[a-z2-7]{32}$/.test(token) ? token : null;
    }
  }
  return null;
}

/** Cookies are Secure everywhere but on localhost, where development runs over plain HTTP. */
export function isSecureHost(hostname: string): boolean {
  return !["localhost", "127.0.0.1", "::1", "[::1]"].includes(hostname);
}
