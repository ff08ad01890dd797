// Session lifetime against a real database: sliding 30-day expiry, renewal in the second half,
// expiry, revocation and the optional SESSION_SECRET pepper.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSession,
  invalidateSession,
  readSessionToken,
  sessionLifetimeMs,
  validateSessionToken,
} from "../app/auth/sessions.server";
import { sessions } from "../db/schema";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { makeWorkspace } from "./helpers/factories";

const day = 24 * 60 * 60 * 1000;
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("sessions", () => {
  it("slides: unchanged in the first half, renewed in the second, gone after expiry", async () => {
    const { admin, workspace } = await makeWorkspace(database.db);
    const start = new Date("2026-03-01T09:00:00Z");
    const { token, session } = await createSession({
      db: database.db,
      userId: admin.id,
      workspaceId: workspace.id,
      now: start,
    });
    expect(session.expiresAt.getTime()).toBe(start.getTime() + sessionLifetimeMs);

    const early = await validateSessionToken({
      db: database.db,
      token,
      now: new Date(start.getTime() + 10 * day),
    });
    expect(early?.renewed).toBe(false);
    expect(early?.user.id).toBe(admin.id);

    const later = new Date(start.getTime() + 20 * day);
    const renewed = await validateSessionToken({ db: database.db, token, now: later });
    expect(renewed?.renewed).toBe(true);
    expect(renewed?.session.expiresAt.getTime()).toBe(later.getTime() + sessionLifetimeMs);

    const expired = await validateSessionToken({
      db: database.db,
      token,
      now: new Date(later.getTime() + 31 * day),
    });
    expect(expired).toBeNull();
    expect(
      await database.db.select().from(sessions).where(eq(sessions.id, session.id)),
    ).toHaveLength(0);
  });

  it("is revocable", async () => {
    const { admin, workspace } = await makeWorkspace(database.db);
    const { token, session } = await createSession({
      db: database.db,
      userId: admin.id,
      workspaceId: workspace.id,
    });
    await invalidateSession({ db: database.db, sessionId: session.id });
    expect(await validateSessionToken({ db: database.db, token })).toBeNull();
  });

  it("with SESSION_SECRET, a token only validates with the same secret", async () => {
    const { admin, workspace } = await makeWorkspace(database.db);
    const secret = "a-session-secret-of-at-least-32-chars!!";
    const { token } = await createSession({
      db: database.db,
      userId: admin.id,
      workspaceId: workspace.id,
      secret,
    });
    expect(await validateSessionToken({ db: database.db, token, secret })).not.toBeNull();
    expect(await validateSessionToken({ db: database.db, token })).toBeNull();
  });

  it("reads only well-formed tokens from the Cookie header", () => {
    const token = "abcdefghijklmnopqrstuvwxyz234567";
    expect(readSessionToken(`theme=dark; baton_session=${token}`)).toBe(token);
    expect(readSessionToken("baton_session=../../etc")).toBeNull();
    expect(readSessionToken(null)).toBeNull();
  });
});
