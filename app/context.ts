// What the server hands every Remix loader and action: the database and the services around it.
// Routes never open their own connections, so tests can hand in a database of their own.
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Database, DatabaseKind } from "../db/client";
import type { Session, User } from "../db/schema";
import type { SlackStatus } from "../slack/app";
import type { LeadNotifier } from "./notifications";

export interface ViewerSession {
  session: Session;
  user: User;
}

export interface BatonContext {
  /** The signed-in user's session, read once per request; null when signed out. */
  auth: ViewerSession | null;
  db: Database;
  dbKind: DatabaseKind;
  /** Optional pepper for session hashes (SESSION_SECRET). */
  sessionSecret?: string;
  slackStatus(): SlackStatus;
  /** Tells reps about new and changed leads (in Slack, when it is on). */
  notifier: LeadNotifier;
  /** Finds a Slack user id by e-mail address; null when Slack is off or nobody matches. */
  lookupSlackUser(email: string): Promise<string | null>;
  limiters: {
    /** Failed sign-ins per account (e-mail address). */
    signInPerAccount: RateLimiterAbstract;
    /** Failed sign-ins per client IP. */
    signInPerIp: RateLimiterAbstract;
    /** API requests per key. */
    apiPerKey: RateLimiterAbstract;
  };
  /** The client's IP, as Express sees it (behind a proxy: set "trust proxy"). */
  clientIp: string;
}

declare module "@remix-run/node" {
  interface AppLoadContext extends BatonContext {}
}
