// The database schema: one file so drizzle-kit sees every table. Every table that holds
// customer data carries workspace_id, and every query on it filters by that column.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { CriteriaGroup, CriterionResult } from "../app/definitions/criteria";
import type { RoutingCondition, RoutingTarget } from "../app/routing/rules";
import type { SlaTerms } from "../app/sla/terms";
import {
  actionItemOrigins,
  actionItemStatuses,
  activityKinds,
  type BusinessHours,
  calendarItemKinds,
  dealStatuses,
  definitionKinds,
  definitionStatuses,
  escalationLevels,
  feedbackOutcomes,
  importKinds,
  importStatuses,
  leadStatuses,
  memberRoles,
  type SourceKind,
  salesRequestChannels,
  salesRequestStatuses,
  slaBreachKinds,
  slaClockKinds,
  slaClockStates,
  slaPeriodKinds,
  slaPeriodUnits,
  slaSides,
  syncMeetingStatuses,
  syncNoteKinds,
  touchpointKinds,
  type Weekday,
} from "./enums";
import { newId } from "./ids";

/** A table's id: a UUIDv7 the app makes (db/ids.ts); gen_random_uuid() for rows written by hand. */
const primaryId = () => uuid("id").primaryKey().defaultRandom().$defaultFn(newId);

export interface Holiday {
  date: string;
  name: string;
}

export {
  type BusinessHours,
  type DefinitionKind,
  type DefinitionStatus,
  definitionKinds,
  definitionStatuses,
  type ImportKind,
  type ImportStatus,
  type LeadStatus,
  leadStatuses,
  type MemberRole,
  memberRoles,
  type TouchpointKind,
  touchpointKinds,
  type Weekday,
  weekdays,
} from "./enums";
export const memberRole = pgEnum("member_role", memberRoles);
export const leadStatus = pgEnum("lead_status", leadStatuses);
export const touchpointKind = pgEnum("touchpoint_kind", touchpointKinds);
export const definitionKind = pgEnum("definition_kind", definitionKinds);
export const definitionStatus = pgEnum("definition_status", definitionStatuses);
export const importKind = pgEnum("import_kind", importKinds);
export const importStatus = pgEnum("import_status", importStatuses);
export const feedbackOutcome = pgEnum("feedback_outcome", feedbackOutcomes);
export const activityKind = pgEnum("activity_kind", activityKinds);
export const slaSide = pgEnum("sla_side", slaSides);
export const slaClockKind = pgEnum("sla_clock_kind", slaClockKinds);
export const slaClockState = pgEnum("sla_clock_state", slaClockStates);
export const slaPeriodKind = pgEnum("sla_period_kind", slaPeriodKinds);
export const slaPeriodUnit = pgEnum("sla_period_unit", slaPeriodUnits);
export const slaBreachKind = pgEnum("sla_breach_kind", slaBreachKinds);
export const escalationLevel = pgEnum("escalation_level", escalationLevels);
export const actionItemStatus = pgEnum("action_item_status", actionItemStatuses);
export const actionItemOrigin = pgEnum("action_item_origin", actionItemOrigins);
export const calendarItemKind = pgEnum("calendar_item_kind", calendarItemKinds);
export const salesRequestStatus = pgEnum("sales_request_status", salesRequestStatuses);
export const salesRequestChannel = pgEnum("sales_request_channel", salesRequestChannels);
export const syncMeetingStatus = pgEnum("sync_meeting_status", syncMeetingStatuses);
export const dealStatus = pgEnum("deal_status", dealStatuses);
export const syncNoteKind = pgEnum("sync_note_kind", syncNoteKinds);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
/** Every table with customer data belongs to one workspace and goes with it. */
const workspaceId = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

/**
 * The workspace and lead of a row that belongs to a lead (its events, notes, touchpoints, SLA
 * clocks and routing decisions): one foreign key over both, to the lead in that workspace, so a
 * row can name a lead only of its own workspace, and goes with the lead (and the lead with its
 * workspace). One key instead of one to the workspace and one to the lead also halves the checks
 * PostgreSQL runs for each of intake's rows, about 4,000 of a batch's 13,000
 * (docs/performance.md, "Round 11").
 */
const ofLead = () => ({
  workspaceId: uuid("workspace_id").notNull(),
  leadId: uuid("lead_id").notNull(),
});
function leadKey(name: string, table: { workspaceId: AnyPgColumn; leadId: AnyPgColumn }) {
  return foreignKey({
    name,
    columns: [table.workspaceId, table.leadId],
    foreignColumns: [leads.workspaceId, leads.id],
  }).onDelete("cascade");
}

export const workspaces = pgTable("workspaces", {
  id: primaryId(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  timeZone: text("time_zone").notNull().default("Europe/Amsterdam"),
  businessHours: jsonb("business_hours").$type<BusinessHours>().notNull(),
  currency: text("currency").notNull().default("EUR"),
  /** The Slack team (T…) this workspace is connected to; requests from other teams are refused. */
  slackTeamId: text("slack_team_id").unique(),
  /** Margin-weighted routing: tiers by expected value (cents); off unless both are set. */
  marginTiersEnabled: boolean("margin_tiers_enabled").notNull().default(false),
  tierTopFromCents: bigint("tier_top_from_cents", { mode: "number" }),
  tierMiddleFromCents: bigint("tier_middle_from_cents", { mode: "number" }),
  /** Closed all day (local dates): SLA clocks skip them like weekends. */
  holidays: jsonb("holidays").$type<Holiday[]>().notNull().default([]),
  /** Leadership digest: posted weekly at this local weekday and time, also to this channel. */
  digestWeekday: text("digest_weekday").$type<Weekday>().notNull().default("monday"),
  digestTime: text("digest_time").notNull().default("08:00"),
  digestSlackChannelId: text("digest_slack_channel_id"),
  /** Each lead source typed once (marketing, sales or partner); unset ones are guessed by name. */
  sourceKinds: jsonb("source_kinds").$type<Record<string, SourceKind>>().notNull().default({}),
  createdAt: createdAt(),
});
export type Workspace = typeof workspaces.$inferSelect;

export const users = pgTable(
  "users",
  {
    id: primaryId(),
    // Stored lower-cased: one person, one account, whatever the capitals they type.
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** "en" | "nl"; null follows the browser's Accept-Language. */
    locale: text("locale"),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("users_email_key").on(table.email)],
);
export type User = typeof users.$inferSelect;

export const memberships = pgTable(
  "memberships",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    isTeamLead: boolean("is_team_lead").notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("memberships_workspace_user_key").on(table.workspaceId, table.userId),
    index("memberships_user_idx").on(table.userId),
  ],
);
export type Membership = typeof memberships.$inferSelect;

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 (or HMAC with SESSION_SECRET) of the cookie token; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The workspace the user is looking at; switching workspaces changes only this. */
    workspaceId: uuid("workspace_id").references(() => workspaces.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);
export type Session = typeof sessions.$inferSelect;

export const invitations = pgTable(
  "invitations",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    email: text("email").notNull(),
    role: memberRole("role").notNull(),
    isTeamLead: boolean("is_team_lead").notNull().default(false),
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("invitations_token_hash_key").on(table.tokenHash),
    index("invitations_workspace_idx").on(table.workspaceId),
  ],
);
export type Invitation = typeof invitations.$inferSelect;

export const apiKeys = pgTable(
  "api_keys",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    /** The first characters of the key, so people can tell their keys apart. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("api_keys_key_hash_key").on(table.keyHash),
    index("api_keys_workspace_idx").on(table.workspaceId),
  ],
);
export type ApiKey = typeof apiKeys.$inferSelect;

export const auditEvents = pgTable(
  "audit_events",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Who acted when there is no user: "cli", "api key …", "slack". */
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (table) => [index("audit_events_workspace_created_idx").on(table.workspaceId, table.createdAt)],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

/** Counters for rate-limiter-flexible's Drizzle store; shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});

export const definitionVersions = pgTable(
  "definition_versions",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    kind: definitionKind("kind").notNull(),
    /** 1, 2, 3… per workspace and kind, in the order versions were drafted. */
    version: integer("version").notNull(),
    status: definitionStatus("status").notNull().default("draft"),
    title: text("title").notNull(),
    /** What people read and print. */
    prose: text("prose").notNull().default(""),
    /** Machine-checkable criteria, grouped with all/any (app/definitions/criteria.ts). */
    rules: jsonb("rules").$type<CriteriaGroup>().notNull(),
    /** Lead fields that must be filled before a lead can qualify (beyond the fixed ones). */
    requiredFields: text("required_fields").array().notNull().default(sql`'{}'::text[]`),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    proposedAt: timestamp("proposed_at", { withTimezone: true }),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("definition_versions_number_key").on(table.workspaceId, table.kind, table.version),
    // At most one active version per kind.
    uniqueIndex("definition_versions_one_active_key")
      .on(table.workspaceId, table.kind)
      .where(sql`${table.status} = 'active'`),
  ],
);
export type DefinitionVersion = typeof definitionVersions.$inferSelect;

export const definitionApprovals = pgTable(
  "definition_approvals",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => definitionVersions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The side the approver signs for: "marketing" or "sales". */
    team: memberRole("team").notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("definition_approvals_version_team_key").on(table.versionId, table.team)],
);

export const definitionComments = pgTable(
  "definition_comments",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => definitionVersions.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("definition_comments_version_idx").on(table.versionId, table.createdAt)],
);

export const leads = pgTable(
  "leads",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    /** The sender's id (CRM, form tool); a second POST with it returns the same lead. */
    externalId: text("external_id"),
    email: text("email"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    company: text("company"),
    companySize: integer("company_size"),
    industry: text("industry"),
    jobTitle: text("job_title"),
    country: text("country"),
    region: text("region"),
    source: text("source"),
    campaign: text("campaign"),
    content: text("content"),
    partner: text("partner"),
    status: leadStatus("status").notNull().default("new"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** When the current owner (or queue) got it: the SLA's first-contact clock starts here. */
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    /** Routed to a queue instead of a person: "nurture" or "self_serve". */
    queue: text("queue"),
    poolId: uuid("pool_id"),
    marginTier: text("margin_tier"),
    expectedValueCents: bigint("expected_value_cents", { mode: "number" }),
    /** The definition version that made it an MQL (or last judged it). */
    definitionVersionId: uuid("definition_version_id").references(() => definitionVersions.id, {
      onDelete: "set null",
    }),
    /** The last evaluation: each criterion's result, for "why this is (not) an MQL". */
    qualification: jsonb("qualification").$type<{
      versionId: string;
      version: number;
      qualifies: boolean;
      missingFields: string[];
      results: CriterionResult[];
      evaluatedAt: string;
    } | null>(),
    /** Met the criteria but lacked required data: held back, counted against marketing. */
    heldBackAt: timestamp("held_back_at", { withTimezone: true }),
    /** First transition to mql; the MQL cohort's date (also in lead_events). */
    mqlAt: timestamp("mql_at", { withTimezone: true }),
    // Facts kept from the lead's events and activities, so that figures over a cohort of
    // thousands read them from the lead (app/leads/facts.server.ts keeps them true).
    /** Has moved to sal at some point (accepted by sales). */
    reachedSal: boolean("reached_sal").notNull().default(false),
    /** Has moved to rejected at some point. */
    reachedRejected: boolean("reached_rejected").notNull().default(false),
    /** Has moved to sql at some point. */
    reachedSql: boolean("reached_sql").notNull().default(false),
    /** The first activity at or after assigned_at: the current owner's first contact. */
    firstContactAt: timestamp("first_contact_at", { withTimezone: true }),
    /** When the lead arrived at the sender (created_at in the API), else when Baton got it. */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("leads_external_id_key").on(table.workspaceId, table.externalId),
    // What the rows of a lead point at: the lead in its workspace (leadKey).
    uniqueIndex("leads_workspace_lead_key").on(table.workspaceId, table.id),
    index("leads_workspace_created_idx").on(table.workspaceId, table.createdAt),
    index("leads_workspace_status_idx").on(table.workspaceId, table.status, table.createdAt),
    index("leads_workspace_email_idx").on(table.workspaceId, table.email),
    index("leads_workspace_source_idx").on(table.workspaceId, table.source, table.createdAt),
    // A rep's leads, newest first; with what the lead list sorts them by otherwise, so that a
    // rep's leads are sorted from the index alone and only the page's rows read from the table.
    index("leads_workspace_owner_idx").on(
      table.workspaceId,
      table.ownerUserId,
      table.createdAt,
      table.id,
      table.company,
      table.companySize,
      table.status,
    ),
    // The MQL cohort (scorecard, lead lists, attribution): with the columns those queries
    // read, so a quarter's cohort comes from the index alone.
    index("leads_workspace_mql_idx")
      .on(
        table.workspaceId,
        table.mqlAt,
        table.source,
        table.campaign,
        table.ownerUserId,
        table.status,
        table.createdAt,
        table.id,
        table.reachedSal,
        table.reachedRejected,
        table.reachedSql,
        table.company,
        table.companySize,
      )
      .where(sql`${table.mqlAt} is not null`),
    // Assignments in a period (scorecard's time to first contact), likewise covered.
    index("leads_workspace_assigned_idx")
      .on(
        table.workspaceId,
        table.assignedAt,
        table.ownerUserId,
        table.source,
        table.campaign,
        table.id,
        table.firstContactAt,
      )
      .where(sql`${table.assignedAt} is not null`),
    // The lead list's campaign filter, and its campaign choices read value by value.
    index("leads_workspace_campaign_idx").on(table.workspaceId, table.campaign, table.createdAt),
    index("leads_workspace_held_back_idx")
      .on(table.workspaceId, table.heldBackAt)
      .where(sql`${table.heldBackAt} is not null`),
  ],
);
export type Lead = typeof leads.$inferSelect;

export const touchpoints = pgTable(
  "touchpoints",
  {
    id: primaryId(),
    ...ofLead(),
    kind: touchpointKind("kind").notNull(),
    source: text("source"),
    campaign: text("campaign"),
    content: text("content"),
    /** e.g. "whitepaper", "case study", "pricing" — what behaviour criteria match on. */
    contentType: text("content_type"),
    url: text("url"),
    term: text("term"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** Sender's id, or a hash of the touch's fields: re-sending or re-importing stores it once. */
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    leadKey("touchpoints_lead_fk", table),
    uniqueIndex("touchpoints_dedupe_key").on(table.workspaceId, table.dedupeKey),
    // A lead's touches in order with what its journeys read (attribution, Markov's learning):
    // read from the index alone, not from a million scattered heap pages (docs/performance.md).
    index("touchpoints_lead_journey_idx").on(
      table.leadId,
      table.occurredAt,
      table.id,
      table.workspaceId,
      table.source,
      table.campaign,
      table.content,
    ),
  ],
);
export type Touchpoint = typeof touchpoints.$inferSelect;

export const leadEvents = pgTable(
  "lead_events",
  {
    id: primaryId(),
    ...ofLead(),
    fromStatus: leadStatus("from_status"),
    toStatus: leadStatus("to_status").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label"),
    reason: text("reason"),
    definitionVersionId: uuid("definition_version_id").references(() => definitionVersions.id, {
      onDelete: "set null",
    }),
  },
  (table) => [
    leadKey("lead_events_lead_fk", table),
    // With to_status: how far a lead got, from the index alone.
    index("lead_events_lead_idx").on(table.leadId, table.occurredAt, table.toStatus),
    index("lead_events_workspace_to_idx").on(
      table.workspaceId,
      table.toStatus,
      table.occurredAt,
      table.leadId,
    ),
  ],
);
export type LeadEvent = typeof leadEvents.$inferSelect;

/** Notes on a lead: a repeat question from its contact lands here for the owner. */
export const leadNotes = pgTable(
  "lead_notes",
  {
    id: primaryId(),
    ...ofLead(),
    kind: text("kind").notNull().default("note"),
    body: text("body").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [
    leadKey("lead_notes_lead_fk", table),
    index("lead_notes_lead_idx").on(table.leadId, table.createdAt),
  ],
);

/** A CSV import: the file, its column mapping, and progress while it runs in the background. */
export const imports = pgTable(
  "imports",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    kind: importKind("kind").notNull(),
    status: importStatus("status").notNull().default("mapping"),
    fileName: text("file_name").notNull(),
    /** The uploaded CSV, kept until the import is done (several instances may pick it up). */
    csv: text("csv"),
    headers: text("headers").array().notNull(),
    mapping: jsonb("mapping").$type<Record<string, string>>(),
    preset: text("preset"),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    createdRows: integer("created_rows").notNull().default(0),
    updatedRows: integer("updated_rows").notNull().default(0),
    errorRows: integer("error_rows").notNull().default(0),
    failure: text("failure"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Set while an instance works on it; a stale lock is taken over after a crash. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (table) => [index("imports_workspace_created_idx").on(table.workspaceId, table.createdAt)],
);
export type Import = typeof imports.$inferSelect;

export const importErrors = pgTable(
  "import_errors",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: workspaceId(),
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    /** 1-based data row (the header is row 0), as spreadsheet users count. */
    rowNumber: integer("row_number").notNull(),
    field: text("field"),
    message: text("message").notNull(),
    row: jsonb("row").$type<Record<string, string>>().notNull(),
  },
  (table) => [index("import_errors_import_idx").on(table.importId, table.rowNumber)],
);

export const routingPools = pgTable(
  "routing_pools",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    /** Slack channel (C…) where the pool's new leads are announced; else each rep gets a DM. */
    slackChannelId: text("slack_channel_id"),
    /** Re-assign a lead whose first-contact clock breached (SLA issue). */
    reassignOnBreach: boolean("reassign_on_breach").notNull().default(false),
    /**
     * The rotation's smooth weighted round-robin credit per member (user id → credit), kept so
     * it survives restarts. On the pool, not its members: a pick changes every member's credit,
     * and one row written per lead stays cheap however large the pool.
     */
    credits: jsonb("credits").$type<Record<string, number>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("routing_pools_name_key").on(table.workspaceId, table.name)],
);
export type RoutingPool = typeof routingPools.$inferSelect;

export const poolMembers = pgTable(
  "pool_members",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    poolId: uuid("pool_id")
      .notNull()
      .references(() => routingPools.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weight: integer("weight").notNull().default(1),
    /** Most open leads (MQL, SAL, SQL, opportunity) this rep may hold; null means no cap. */
    capacity: integer("capacity"),
    /** Away (holiday, sick) until this moment: skipped by the rotation. */
    absentUntil: timestamp("absent_until", { withTimezone: true }),
  },
  (table) => [uniqueIndex("pool_members_pool_user_key").on(table.poolId, table.userId)],
);
export type PoolMember = typeof poolMembers.$inferSelect;

export const routingRules = pgTable(
  "routing_rules",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    conditions: jsonb("conditions").$type<RoutingCondition[]>().notNull(),
    target: jsonb("target").$type<RoutingTarget>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("routing_rules_workspace_position_idx").on(table.workspaceId, table.position)],
);
export type RoutingRuleRow = typeof routingRules.$inferSelect;

/** Every routing decision, automatic or by hand, with the rule and the reason. */
export const routingDecisions = pgTable(
  "routing_decisions",
  {
    id: primaryId(),
    ...ofLead(),
    ruleId: uuid("rule_id").references(() => routingRules.id, { onDelete: "set null" }),
    ruleName: text("rule_name"),
    poolId: uuid("pool_id").references(() => routingPools.id, { onDelete: "set null" }),
    queue: text("queue"),
    assignedUserId: uuid("assigned_user_id").references(() => users.id, { onDelete: "set null" }),
    previousUserId: uuid("previous_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    manual: boolean("manual").notNull().default(false),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [
    leadKey("routing_decisions_lead_fk", table),
    index("routing_decisions_lead_idx").on(table.leadId, table.createdAt),
  ],
);
export type RoutingDecision = typeof routingDecisions.$inferSelect;

/** Per segment: P(close), contribution margin and payment risk, for margin-weighted tiers. */
export const marginSegments = pgTable("margin_segments", {
  id: primaryId(),
  workspaceId: workspaceId(),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  conditions: jsonb("conditions").$type<RoutingCondition[]>().notNull(),
  closeProbability: real("close_probability").notNull(),
  contributionMarginCents: bigint("contribution_margin_cents", { mode: "number" }).notNull(),
  paymentRisk: real("payment_risk").notNull().default(0),
  createdAt: createdAt(),
});
export type MarginSegmentRow = typeof marginSegments.$inferSelect;

/** Attempts by a rep (call, e-mail, meeting…), from Slack, the web or a dialer/CRM. */
export const activities = pgTable(
  "activities",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: activityKind("kind").notNull(),
    note: text("note"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    externalId: text("external_id"),
    channel: text("channel").notNull().default("web"),
    createdAt: createdAt(),
  },
  (table) => [
    index("activities_lead_idx").on(table.leadId, table.occurredAt),
    uniqueIndex("activities_external_id_key").on(table.workspaceId, table.externalId),
  ],
);
export type Activity = typeof activities.$inferSelect;

/** Five-field feedback on a worked lead, the same from Slack and the web. */
export const feedback = pgTable(
  "feedback",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    outcome: feedbackOutcome("outcome").notNull(),
    reason: text("reason").notNull(),
    reasonText: text("reason_text"),
    missingInformation: text("missing_information").array().notNull().default(sql`'{}'::text[]`),
    missingInformationText: text("missing_information_text"),
    objections: text("objections").array().notNull().default(sql`'{}'::text[]`),
    objectionsText: text("objections_text"),
    nextStep: text("next_step"),
    channel: text("channel").notNull(),
    /** Slack's view id (or a form token): a retried submission is stored once. */
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (table) => [
    index("feedback_lead_idx").on(table.leadId, table.createdAt),
    index("feedback_workspace_created_idx").on(table.workspaceId, table.createdAt),
    uniqueIndex("feedback_idempotency_key").on(table.workspaceId, table.idempotencyKey),
  ],
);
export type Feedback = typeof feedback.$inferSelect;

/** Which Slack user a member is: found by e-mail, or set by hand in settings. */
export const slackUserLinks = pgTable(
  "slack_user_links",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    slackUserId: text("slack_user_id").notNull(),
    /** "email" when found by users.lookupByEmail, "manual" when an admin set it. */
    linkedBy: text("linked_by").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("slack_user_links_user_key").on(table.workspaceId, table.userId),
    uniqueIndex("slack_user_links_slack_key").on(table.workspaceId, table.slackUserId),
  ],
);

/** The Slack message that announced a lead, so it can be updated in place. */
export const slackLeadMessages = pgTable(
  "slack_lead_messages",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    ts: text("ts").notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("slack_lead_messages_lead_channel_key").on(table.leadId, table.channel)],
);

/** The two-way SLA: versioned like definitions, active once a marketing and a sales lead approve. */
export const slaAgreements = pgTable(
  "sla_agreements",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    version: integer("version").notNull(),
    status: definitionStatus("status").notNull().default("draft"),
    title: text("title").notNull(),
    /** What people read: the promises in plain words. */
    prose: text("prose").notNull().default(""),
    terms: jsonb("terms").$type<SlaTerms>().notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    proposedAt: timestamp("proposed_at", { withTimezone: true }),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("sla_agreements_number_key").on(table.workspaceId, table.version),
    uniqueIndex("sla_agreements_one_active_key")
      .on(table.workspaceId)
      .where(sql`${table.status} = 'active'`),
  ],
);
export type SlaAgreement = typeof slaAgreements.$inferSelect;

export const slaApprovals = pgTable(
  "sla_approvals",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => slaAgreements.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    team: memberRole("team").notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("sla_approvals_agreement_team_key").on(table.agreementId, table.team)],
);

/**
 * One sales obligation on one lead: started by the event that creates it (assignment, an
 * outcome), stopped by the event that meets it (an attempt, feedback), swept when due.
 */
export const slaClocks = pgTable(
  "sla_clocks",
  {
    id: primaryId(),
    ...ofLead(),
    agreementId: uuid("agreement_id").references(() => slaAgreements.id, { onDelete: "set null" }),
    kind: slaClockKind("kind").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The agreement segment whose terms apply; null for the defaults. */
    segment: text("segment"),
    /** Attempts clocks: how many attempts meet it. */
    target: integer("target"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    warnAt: timestamp("warn_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    state: slaClockState("state").notNull().default("running"),
    warnedAt: timestamp("warned_at", { withTimezone: true }),
    /** When the obligation was met; also set on a breached clock met late. */
    metAt: timestamp("met_at", { withTimezone: true }),
    breachedAt: timestamp("breached_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    /**
     * The lead's source and campaign (which never change), copied when the clock starts: the
     * scorecard groups a period's clocks by them without reading each lead.
     */
    leadSource: text("lead_source"),
    leadCampaign: text("lead_campaign"),
    /** Attempts clocks: the activities within [started_at, due_at], counted as they are logged. */
    attemptsMade: integer("attempts_made").notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [
    leadKey("sla_clocks_lead_fk", table),
    index("sla_clocks_lead_idx").on(table.leadId, table.kind),
    index("sla_clocks_owner_idx").on(
      table.workspaceId,
      table.ownerUserId,
      table.state,
      table.dueAt,
    ),
    // Clocks started in a period (scorecard), with what its figures read from them.
    index("sla_clocks_workspace_started_idx").on(
      table.workspaceId,
      table.kind,
      table.startedAt,
      table.state,
      table.dueAt,
      table.metAt,
      table.ownerUserId,
      table.leadId,
      table.target,
      table.leadSource,
      table.leadCampaign,
      table.attemptsMade,
    ),
    // What the sweeper claims: small partial indexes over running clocks only.
    index("sla_clocks_due_idx").on(table.dueAt).where(sql`${table.state} = 'running'`),
    index("sla_clocks_warn_idx")
      .on(table.warnAt)
      .where(sql`${table.state} = 'running' and ${table.warnedAt} is null`),
  ],
);
export type SlaClock = typeof slaClocks.$inferSelect;

/** Marketing's periodic obligations, evaluated once per closed week and month. */
export const slaPeriodResults = pgTable(
  "sla_period_results",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    agreementId: uuid("agreement_id").references(() => slaAgreements.id, { onDelete: "set null" }),
    unit: slaPeriodUnit("unit").notNull(),
    /** Local dates in the workspace time zone: [periodStart, periodEnd). */
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    kind: slaPeriodKind("kind").notNull(),
    /** "" for the whole workspace, else the agreement segment's name. */
    segment: text("segment").notNull().default(""),
    target: real("target").notNull(),
    actual: real("actual"),
    numerator: integer("numerator").notNull(),
    denominator: integer("denominator").notNull(),
    met: boolean("met").notNull(),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("sla_period_results_key").on(
      table.workspaceId,
      table.unit,
      table.periodStart,
      table.kind,
      table.segment,
    ),
  ],
);
export type SlaPeriodResult = typeof slaPeriodResults.$inferSelect;

/** A broken promise, from a sales clock or a marketing period, and how far it escalated. */
export const slaBreaches = pgTable(
  "sla_breaches",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    side: slaSide("side").notNull(),
    kind: slaBreachKind("kind").notNull(),
    /** `clock:<id>` or `period:<unit>:<start>:<kind>:<segment>`: one breach per subject. */
    subjectKey: text("subject_key").notNull(),
    clockId: uuid("clock_id").references(() => slaClocks.id, { onDelete: "cascade" }),
    periodResultId: uuid("period_result_id").references(() => slaPeriodResults.id, {
      onDelete: "cascade",
    }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "cascade" }),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    segment: text("segment"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    /** One plain sentence: what was promised and what happened. */
    summary: text("summary").notNull(),
    level: escalationLevel("level").notNull().default("owner"),
    /** When a still-unmet breach goes up to the team lead; null when nothing is pending. */
    escalateAt: timestamp("escalate_at", { withTimezone: true }),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    /** Set when the pool re-assigned the lead because of this breach. */
    reassignedToUserId: uuid("reassigned_to_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
  },
  (table) => [
    uniqueIndex("sla_breaches_subject_key").on(table.workspaceId, table.subjectKey),
    index("sla_breaches_workspace_due_idx").on(table.workspaceId, table.dueAt),
    index("sla_breaches_owner_idx").on(table.workspaceId, table.ownerUserId, table.dueAt),
    // Deleting a lead deletes its clocks and breaches (ON DELETE CASCADE): each deleted lead and
    // clock looks its breaches up by these, where without them it read every breach.
    index("sla_breaches_lead_idx").on(table.leadId),
    index("sla_breaches_clock_idx").on(table.clockId),
    index("sla_breaches_escalate_idx")
      .on(table.escalateAt)
      .where(sql`${table.escalateAt} is not null and ${table.escalatedAt} is null`),
  ],
);
export type SlaBreach = typeof slaBreaches.$inferSelect;

/** Things to do, carried from week to week until done: SLA consequences and sync decisions. */
export const actionItems = pgTable(
  "action_items",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    title: text("title").notNull(),
    detail: text("detail"),
    side: slaSide("side"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Local date. */
    dueOn: text("due_on"),
    status: actionItemStatus("status").notNull().default("open"),
    origin: actionItemOrigin("origin").notNull(),
    /** For consequences: what it is about (`source_rejections:<source>`); one open item each. */
    originKey: text("origin_key"),
    /** The weekly sync that agreed on it, and the block it came up in (origin "sync"). */
    syncMeetingId: uuid("sync_meeting_id").references((): AnyPgColumn => syncMeetings.id, {
      onDelete: "set null",
    }),
    syncBlock: integer("sync_block"),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedByUserId: uuid("closed_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [
    index("action_items_workspace_status_idx").on(table.workspaceId, table.status, table.createdAt),
    uniqueIndex("action_items_open_origin_key")
      .on(table.workspaceId, table.originKey)
      .where(sql`${table.status} = 'open'`),
    index("action_items_sync_meeting_idx").on(table.syncMeetingId),
  ],
);
export type ActionItem = typeof actionItems.$inferSelect;

/**
 * Outbox: messages decided inside a transaction (a warning, a breach, a digest) and delivered
 * after it by whichever instance claims them, so a crash never loses or doubles a decision.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** The same decision queued twice is stored once. */
    dedupeKey: text("dedupe_key").notNull(),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().defaultNow(),
    /** A deliverer holds the message until then; after it, another may take it over. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** "sent", "skipped" (Slack off, nobody linked) or "failed" after the last attempt. */
    result: text("result"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("outbox_dedupe_key").on(table.workspaceId, table.dedupeKey),
    index("outbox_pending_idx").on(table.availableAt).where(sql`${table.deliveredAt} is null`),
  ],
);
export type OutboxMessage = typeof outbox.$inferSelect;

/** Marketing's calendar (campaigns, content, events, webinars, e-mails) for the weekly sync. */
export const marketingCalendarItems = pgTable(
  "marketing_calendar_items",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    kind: calendarItemKind("kind").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    /** Local dates in the workspace time zone, both inclusive; one day when they are equal. */
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** Where it runs or comes from: "LinkedIn", "Evofenedex", "newsletter". */
    channel: text("channel"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // "What is coming": items that end on or after the window's start, read by start date.
    index("marketing_calendar_items_workspace_ends_idx").on(
      table.workspaceId,
      table.endsOn,
      table.startsOn,
    ),
    index("marketing_calendar_items_workspace_starts_idx").on(table.workspaceId, table.startsOn),
    check("marketing_calendar_items_dates_check", sql`${table.endsOn} >= ${table.startsOn}`),
  ],
);
export type MarketingCalendarItem = typeof marketingCalendarItems.$inferSelect;

/** What sales needs from marketing, filed on the web or with `/baton need`, answered in the sync. */
export const salesRequests = pgTable(
  "sales_requests",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    body: text("body").notNull(),
    requestedByUserId: uuid("requested_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    channel: salesRequestChannel("channel").notNull(),
    status: salesRequestStatus("status").notNull().default("open"),
    response: text("response"),
    respondedByUserId: uuid("responded_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    /** Slack's retries of one command carry the same trigger; stored once per workspace. */
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
    /** Set when the request is done or declined. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("sales_requests_idempotency_key").on(table.workspaceId, table.idempotencyKey),
    // "Collected this week": by creation time.
    index("sales_requests_workspace_created_idx").on(table.workspaceId, table.createdAt),
    // "Still open": small, only open and planned requests.
    index("sales_requests_open_idx")
      .on(table.workspaceId, table.createdAt)
      .where(sql`${table.closedAt} is null`),
    check("sales_requests_body_length_check", sql`char_length(${table.body}) between 1 and 1000`),
  ],
);
export type SalesRequest = typeof salesRequests.$inferSelect;

/**
 * The weekly sync's schedule: one row per workspace once someone has set it (no row: not set up
 * yet). The meeting is always 30 minutes, three 10-minute blocks; the column records that.
 */
export const syncSettings = pgTable(
  "sync_settings",
  {
    workspaceId: uuid("workspace_id")
      .primaryKey()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    weekday: text("weekday").$type<Weekday>().notNull(),
    /** "HH:MM", local to the workspace time zone. */
    startTime: text("start_time").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(30),
    /** C… (or G…): where the agenda and minutes will go; null until chosen. */
    slackChannelId: text("slack_channel_id"),
    facilitatorUserId: uuid("facilitator_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("sync_settings_duration_check", sql`${table.durationMinutes} = 30`),
    check(
      "sync_settings_start_time_check",
      sql`${table.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`,
    ),
  ],
);
export type SyncSettings = typeof syncSettings.$inferSelect;

/** How long each block of a sync actually took: started when it was reached, ended when left. */
export interface SyncBlockTiming {
  block: number;
  startedAt: string;
  endedAt: string | null;
}

/**
 * One weekly sync as it was held: started in meeting mode (the agenda frozen as it stood then),
 * moved through its three blocks, ended; its notes, decisions and action items make the minutes.
 */
export const syncMeetings = pgTable(
  "sync_meetings",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    /** The Monday (local date) of the sync's week: one sync per week. */
    weekStart: date("week_start", { mode: "string" }).notNull(),
    status: syncMeetingStatus("status").notNull().default("running"),
    /** The agenda as built when the meeting started (`SyncAgenda`, dates as ISO strings). */
    agenda: jsonb("agenda").$type<Record<string, unknown>>().notNull(),
    facilitatorUserId: uuid("facilitator_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    startedByUserId: uuid("started_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** 1, 2 or 3 while running; the block the meeting was in when it ended. */
    currentBlock: integer("current_block").notNull().default(1),
    blockStartedAt: timestamp("block_started_at", { withTimezone: true }).notNull().defaultNow(),
    blockTimings: jsonb("block_timings").$type<SyncBlockTiming[]>().notNull().default([]),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedByUserId: uuid("ended_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [
    uniqueIndex("sync_meetings_workspace_week_key").on(table.workspaceId, table.weekStart),
    check("sync_meetings_block_check", sql`${table.currentBlock} between 1 and 3`),
  ],
);
export type SyncMeeting = typeof syncMeetings.$inferSelect;

/** Notes and decisions written down during a sync, in the block they came up in. */
export const syncNotes = pgTable(
  "sync_notes",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => syncMeetings.id, { onDelete: "cascade" }),
    block: integer("block").notNull(),
    kind: syncNoteKind("kind").notNull(),
    body: text("body").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [
    index("sync_notes_meeting_idx").on(table.meetingId, table.createdAt),
    check("sync_notes_block_check", sql`${table.block} between 1 and 3`),
    check("sync_notes_body_length_check", sql`char_length(${table.body}) between 1 and 2000`),
  ],
);
export type SyncNote = typeof syncNotes.$inferSelect;

/**
 * What a campaign cost over a stretch of days (ad spend, a trade fair's stand, a webinar
 * platform): cost per MQL and per SQL on the scorecard spread it evenly over its days.
 */
export const campaignCosts = pgTable(
  "campaign_costs",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    /** The lead's `campaign` it pays for; with a source, only that source's leads of it. */
    campaign: text("campaign").notNull(),
    source: text("source"),
    /** Local dates in the workspace time zone, both inclusive. */
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    note: text("note"),
    /** Set when an integration posts it (`POST /api/v1/campaign-costs`): the same id is stored once. */
    externalId: text("external_id"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("campaign_costs_workspace_dates_idx").on(table.workspaceId, table.endsOn, table.startsOn),
    uniqueIndex("campaign_costs_external_id_key").on(table.workspaceId, table.externalId),
    check("campaign_costs_dates_check", sql`${table.endsOn} >= ${table.startsOn}`),
    check("campaign_costs_amount_check", sql`${table.amountCents} >= 0`),
  ],
);
export type CampaignCost = typeof campaignCosts.$inferSelect;

/**
 * Deals (opportunities), usually from the CRM: what they are worth, the margin on them, how far
 * they got, and the lead they came from — closed-loop attribution and planning read these.
 */
export const deals = pgTable(
  "deals",
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    /** The CRM's id: the same deal posted or imported again updates this one. */
    externalId: text("external_id"),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    /**
     * A fact kept from the lead's touchpoints: the source of its first touch (its earliest
     * touchpoint with a source), else the lead's own source; null without a lead. Marketing-
     * sourced pipeline and money per source go by it (app/leads/facts.server.ts).
     */
    firstTouchSource: text("first_touch_source"),
    name: text("name").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    /** Gross margin as a share of the amount (0–1); null when unknown. */
    grossMargin: doublePrecision("gross_margin"),
    stage: text("stage").notNull(),
    /** The chance the deal is won at this stage (0–1): the forecast weighs amounts by it. */
    probability: doublePrecision("probability").notNull(),
    status: dealStatus("status").notNull().default("open"),
    /** When the deal was created (in the CRM): pipeline created counts by it. */
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    /** Expected close date while open; the day it closed once won or lost (local date). */
    closeDate: date("close_date", { mode: "string" }),
    /** When it was won or lost: won revenue counts by it. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    contactEmail: text("contact_email"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("deals_external_id_key").on(table.workspaceId, table.externalId),
    index("deals_workspace_opened_idx").on(table.workspaceId, table.openedAt),
    index("deals_workspace_closed_idx").on(table.workspaceId, table.status, table.closedAt),
    index("deals_lead_idx").on(table.leadId),
    check("deals_amount_check", sql`${table.amountCents} >= 0`),
    check(
      "deals_margin_check",
      sql`${table.grossMargin} is null or ${table.grossMargin} between 0 and 1`,
    ),
    check("deals_probability_check", sql`${table.probability} between 0 and 1`),
    check("deals_closed_check", sql`(${table.status} = 'open') = (${table.closedAt} is null)`),
  ],
);
export type Deal = typeof deals.$inferSelect;

/**
 * Markov's removal effects as learnt for a workspace, a period's end and a dimension, kept when
 * learning them was slow (a year of a large workspace's journeys: seconds), so that the report
 * and the page read them instead of learning them again; relearnt once they are an hour old
 * (app/attribution/markov-chains.server.ts, docs/attribution.md).
 */
export const markovChains = pgTable(
  "markov_chains",
  {
    workspaceId: workspaceId(),
    /** The period's end: the chain learns from the 365 days before it. */
    endAt: timestamp("end_at", { withTimezone: true }).notNull(),
    /** source, campaign or content. */
    dimension: text("dimension").notNull(),
    /** Channel → removal effect. */
    removalEffects: jsonb("removal_effects").$type<Record<string, number>>().notNull(),
    /** The journeys (leads) it learnt from. */
    journeys: integer("journeys").notNull(),
    learntAt: timestamp("learnt_at", { withTimezone: true }).notNull(),
    /** How long learning took, in milliseconds. */
    learnMs: integer("learn_ms").notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.endAt, table.dimension] })],
);
