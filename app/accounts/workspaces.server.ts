// Workspaces: creation (with a unique slug), their settings, and which ones a user belongs to.
import { and, asc, eq, like, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import {
  type BusinessHours,
  type Holiday,
  type MemberRole,
  memberships,
  users,
  workspaces,
} from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { hashPassword } from "../auth/passwords.server";
import { AccountError } from "./errors";

export const defaultBusinessHours: BusinessHours = {
  monday: { open: "09:00", close: "17:30" },
  tuesday: { open: "09:00", close: "17:30" },
  wednesday: { open: "09:00", close: "17:30" },
  thursday: { open: "09:00", close: "17:30" },
  friday: { open: "09:00", close: "17:30" },
  saturday: null,
  sunday: null,
};

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug || "workspace";
}

async function uniqueSlug(db: Database, name: string, requested?: string): Promise<string> {
  const base = requested ?? slugify(name);
  const taken = new Set(
    (
      await db
        .select({ slug: workspaces.slug })
        .from(workspaces)
        .where(or(eq(workspaces.slug, base), like(workspaces.slug, `${base}-%`)))
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function insertWorkspaceWithAdmin(
  tx: Database,
  options: { workspaceName: string; slug?: string; timeZone?: string; userId: string; via: string },
) {
  const slug = await uniqueSlug(tx, options.workspaceName, options.slug);
  const [workspace] = await tx
    .insert(workspaces)
    .values({
      name: options.workspaceName,
      slug,
      timeZone: options.timeZone ?? "Europe/Amsterdam",
      businessHours: defaultBusinessHours,
    })
    .returning();
  if (!workspace) throw new Error("The workspace was not stored");
  await tx
    .insert(memberships)
    .values({ workspaceId: workspace.id, userId: options.userId, role: "admin", isTeamLead: true });
  await recordAudit({
    db: tx,
    workspaceId: workspace.id,
    actorUserId: options.userId,
    actorLabel: options.via,
    action: "workspace.created",
    targetType: "workspace",
    targetId: workspace.id,
    details: { name: workspace.name, slug: workspace.slug },
  });
  return workspace;
}

export interface CreateWorkspaceOptions {
  db: Database;
  workspaceName: string;
  slug?: string;
  timeZone?: string;
  admin: { name: string; email: string; password: string };
  /** Shown in the audit log: "signup", "cli", "demo". */
  via: string;
}

/**
 * Creates a workspace with its first admin in one transaction. The admin's e-mail address must
 * be new: an existing account joins further workspaces by invitation, never by sign-up.
 */
export async function createWorkspaceWithAdmin(options: CreateWorkspaceOptions) {
  const passwordHash = await hashPassword(options.admin.password);
  const create = options.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, options.admin.email));
    if (existing) throw new AccountError("accounts.emailTaken", "email");
    const [user] = await tx
      .insert(users)
      .values({ email: options.admin.email, name: options.admin.name, passwordHash })
      .returning();
    if (!user) throw new Error("The account was not stored");
    const workspace = await insertWorkspaceWithAdmin(tx, { ...options, userId: user.id });
    return { workspace, user };
  });
  try {
    return await create;
  } catch (error) {
    // Two sign-ups with one address at the same moment: the second loses the unique index.
    if (isUniqueViolation(error, "users_email_key")) {
      throw new AccountError("accounts.emailTaken", "email");
    }
    throw error;
  }
}

/** A signed-in user starts another workspace, as its admin. */
export async function addWorkspaceForUser(options: {
  db: Database;
  userId: string;
  workspaceName: string;
}) {
  return options.db.transaction((tx) => insertWorkspaceWithAdmin(tx, { ...options, via: "web" }));
}

export async function getWorkspaceBySlug(options: { db: Database; slug: string }) {
  const [workspace] = await options.db
    .select()
    .from(workspaces)
    .where(eq(workspaces.slug, options.slug));
  return workspace ?? null;
}

export interface WorkspaceMembershipSummary {
  workspaceId: string;
  name: string;
  slug: string;
  role: MemberRole;
}

export async function listUserWorkspaces(options: {
  db: Database;
  userId: string;
}): Promise<WorkspaceMembershipSummary[]> {
  return options.db
    .select({
      workspaceId: workspaces.id,
      name: workspaces.name,
      slug: workspaces.slug,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, options.userId))
    .orderBy(asc(workspaces.name));
}

export async function getMembership(options: {
  db: Database;
  workspaceId: string;
  userId: string;
}) {
  const [row] = await options.db
    .select({ membership: memberships, workspace: workspaces })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(
      and(eq(memberships.workspaceId, options.workspaceId), eq(memberships.userId, options.userId)),
    );
  return row ?? null;
}

export interface UpdateWorkspaceSettingsOptions {
  db: Database;
  workspaceId: string;
  actorUserId: string;
  name: string;
  timeZone: string;
  businessHours: BusinessHours;
}

export async function updateWorkspaceSettings(options: UpdateWorkspaceSettingsOptions) {
  return options.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId));
    if (!before) throw new AccountError("accounts.workspaceNotFound");
    const [workspace] = await tx
      .update(workspaces)
      .set({
        name: options.name,
        timeZone: options.timeZone,
        businessHours: options.businessHours,
      })
      .where(eq(workspaces.id, options.workspaceId))
      .returning();
    const changed = (["name", "timeZone", "businessHours"] as const).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(workspace?.[key]),
    );
    if (changed.length > 0) {
      await recordAudit({
        db: tx,
        workspaceId: options.workspaceId,
        actorUserId: options.actorUserId,
        action: "workspace.settings_changed",
        targetType: "workspace",
        targetId: options.workspaceId,
        details: { changed },
      });
    }
    return workspace;
  });
}

/**
 * Adds a holiday (a closed local date) to the workspace calendar: clocks started from now on skip
 * it like a weekend. One name per date; audited like the other settings.
 */
export async function addHoliday(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string;
  holiday: Holiday;
}) {
  return options.db.transaction(async (tx) => {
    const [workspace] = await tx
      .select({ holidays: workspaces.holidays })
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId))
      .for("update");
    if (!workspace) throw new AccountError("accounts.workspaceNotFound");
    if (workspace.holidays.some((holiday) => holiday.date === options.holiday.date)) {
      throw new AccountError("sla.holidays.errors.duplicate", "date");
    }
    const holidays = [...workspace.holidays, options.holiday].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    await tx.update(workspaces).set({ holidays }).where(eq(workspaces.id, options.workspaceId));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "workspace.holiday_added",
      targetType: "workspace",
      targetId: options.workspaceId,
      details: { ...options.holiday },
    });
    return holidays;
  });
}

/** Removes the holiday on a date; removing one that is not there changes nothing. */
export async function removeHoliday(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string;
  date: string;
}) {
  return options.db.transaction(async (tx) => {
    const [workspace] = await tx
      .select({ holidays: workspaces.holidays })
      .from(workspaces)
      .where(eq(workspaces.id, options.workspaceId))
      .for("update");
    if (!workspace) throw new AccountError("accounts.workspaceNotFound");
    const removed = workspace.holidays.find((holiday) => holiday.date === options.date);
    if (!removed) return workspace.holidays;
    const holidays = workspace.holidays.filter((holiday) => holiday.date !== options.date);
    await tx.update(workspaces).set({ holidays }).where(eq(workspaces.id, options.workspaceId));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "workspace.holiday_removed",
      targetType: "workspace",
      targetId: options.workspaceId,
      details: { ...removed },
    });
    return holidays;
  });
}
