// Reads the session cookie once per request, before Remix: renews a session in the second half
// of its life (sending the cookie again) and clears a cookie that no longer names a session.
import type { RequestHandler } from "express";
import {
  blankSessionCookie,
  isSecureHost,
  readSessionToken,
  sessionCookie,
  validateSessionToken,
} from "../app/auth/sessions.server";
import type { ViewerSession } from "../app/context";
import type { Database } from "../db/client";

export function sessionMiddleware(options: { db: Database; secret?: string }): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = readSessionToken(req.headers.cookie ?? null);
      let auth: ViewerSession | null = null;
      if (token) {
        const validated = await validateSessionToken({
          db: options.db,
          token,
          secret: options.secret,
        });
        const secure = isSecureHost(req.hostname);
        if (!validated) {
          res.append("Set-Cookie", blankSessionCookie(secure));
        } else {
          auth = { session: validated.session, user: validated.user };
          if (validated.renewed) {
            res.append("Set-Cookie", sessionCookie(token, validated.session.expiresAt, secure));
          }
        }
      }
      res.locals.auth = auth;
      next();
    } catch (error) {
      next(error);
    }
  };
}
