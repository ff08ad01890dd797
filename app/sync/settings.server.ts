// The weekly sync's settings per workspace: read (null until someone sets them up) and saved
// after validation (the facilitator must be a member), audited like every workspace setting.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships, syncSettings, users } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { type FieldErrors, issuesToFieldErrors } from "../lib/forms";
import { type SyncSettingsFields, type SyncSettingsInput, syncSettingsSchema } from "./schedule";

export async function getSyncSettings(options: { db: Database; workspaceId: string }) {
  const [settings] = await options.db
    .select({
      weekday: syncSettings.weekday,
      startTime: syncSettings.startTime,
      durationMinutes: syncSettings.durationMinutes,
      slackChannelId: syncSettings.slackChannelId,
      facilitatorUserId: syncSettings.facilitatorUserId,
      facilitatorName: users.name,
      updatedAt: syncSettings.updatedAt,
    })
    .from(syncSettings)
    .leftJoin(users, eq(users.id, syncSettings.facilitatorUserId))
    .where(eq(syncSettings.workspaceId, options.workspaceId));
  return settings ?? null;
}
export type SyncSettingsView = NonNullable<Awaited<ReturnType<typeof getSyncSettings>>>;

export type SaveSyncSettingsResult =
  | { ok: true; settings: SyncSettingsFields }
  | { ok: false; fieldErrors: FieldErrors };

export async function saveSyncSettings(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string;
  input: SyncSettingsInput;
  now?: Date;
}): Promise<SaveSyncSettingsResult> {
  const parsed = syncSettingsSchema.safeParse(options.input);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues) };
  const settings = parsed.data;
  return options.db.transaction(async (tx) => {
    if (settings.facilitatorUserId) {
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.workspaceId, options.workspaceId),
            eq(memberships.userId, settings.facilitatorUserId),
          ),
        );
      if (!member)
        return {
          ok: false,
          fieldErrors: { facilitatorUserId: ["sync.settings.errors.facilitator"] },
        };
    }
    const [before] = await tx
      .select({
        weekday: syncSettings.weekday,
        startTime: syncSettings.startTime,
        slackChannelId: syncSettings.slackChannelId,
        facilitatorUserId: syncSettings.facilitatorUserId,
      })
      .from(syncSettings)
      .where(eq(syncSettings.workspaceId, options.workspaceId))
      .for("update");
    const values = { ...settings, updatedAt: options.now ?? new Date() };
    await tx
      .insert(syncSettings)
      .values({ workspaceId: options.workspaceId, ...values })
      .onConflictDoUpdate({ target: syncSettings.workspaceId, set: values });
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "sync.settings_changed",
      targetType: "workspace",
      targetId: options.workspaceId,
      details: { before: before ?? null, after: settings },
    });
    return { ok: true, settings };
  });
}
