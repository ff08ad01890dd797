// API keys: created by an admin (or the CLI), shown once, stored as a SHA-256 hash, revocable.
// A key belongs to one workspace and decides the workspace of every API request made with it.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { apiKeys, users, workspaces } from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import { generateToken, hashToken } from "../auth/tokens.server";

const keyPrefix = "baton_";
const keyPattern = /^baton_[a-z2-7]{52}$/;

export interface CreateApiKeyOptions {
  db: Database;
  workspaceId: string;
  name: string;
  createdByUserId: string | null;
  /** "cli" when made outside the web app. */
  actorLabel?: string;
}

export async function createApiKey(options: CreateApiKeyOptions) {
  const key = `${keyPrefix}${generateToken(32)}`;
  const apiKey = await options.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: options.workspaceId,
        name: options.name,
        prefix: key.slice(0, keyPrefix.length + 6),
        keyHash: hashToken(key),
        createdByUserId: options.createdByUserId,
      })
      .returning();
    if (!created) throw new Error("The API key was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.createdByUserId,
      actorLabel: options.actorLabel,
      action: "api_key.created",
      targetType: "api_key",
      targetId: created.id,
      details: { name: options.name, prefix: created.prefix },
    });
    return created;
  });
  return { apiKey, key };
}

export async function listApiKeys(options: { db: Database; workspaceId: string }) {
  return options.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdBy: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(eq(apiKeys.workspaceId, options.workspaceId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(options: {
  db: Database;
  workspaceId: string;
  apiKeyId: string;
  actorUserId: string;
}) {
  await options.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiKeys.id, options.apiKeyId),
          eq(apiKeys.workspaceId, options.workspaceId),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning();
    if (!revoked) throw new NotFoundError("API key");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: revoked.id,
      details: { name: revoked.name, prefix: revoked.prefix },
    });
  });
}

export type ApiKeyCheck =
  | { ok: true; apiKeyId: string; workspace: typeof workspaces.$inferSelect }
  | { ok: false; reason: "missing" | "malformed" | "unknown" | "revoked" };

/** Reads `Authorization: Bearer <key>` and finds the key's workspace. */
export async function authenticateApiKey(options: {
  db: Database;
  authorization: string | null;
}): Promise<ApiKeyCheck> {
  const header = options.authorization?.trim();
  if (!header) return { ok: false, reason: "missing" };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1] || !keyPattern.test(match[1])) return { ok: false, reason: "malformed" };
  const [row] = await options.db
    .select({ apiKey: apiKeys, workspace: workspaces })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(eq(apiKeys.keyHash, hashToken(match[1])));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.apiKey.revokedAt) return { ok: false, reason: "revoked" };
  // Last use to the minute is enough for people and saves a write per request.
  if (!row.apiKey.lastUsedAt || Date.now() - row.apiKey.lastUsedAt.getTime() > 60_000) {
    await options.db
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(eq(apiKeys.id, row.apiKey.id));
  }
  return { ok: true, apiKeyId: row.apiKey.id, workspace: row.workspace };
}
