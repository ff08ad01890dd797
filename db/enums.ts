// Value lists shared by the schema, the domain and the browser bundle (no drizzle import here,
// so the client does not ship the ORM).
export const memberRoles = ["admin", "marketing", "sales", "leadership"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const weekdays = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof weekdays)[number];
/** Opening hours per weekday in the workspace time zone ("HH:MM"); null means closed. */
export type BusinessHours = Record<Weekday, { open: string; close: string } | null>;

export const minPasswordLength = 10;

/** The lead lifecycle (DESIGN.md): one vocabulary everywhere. */
export const leadStatuses = [
  "new",
  "mql",
  "sal",
  "rejected",
  "sql",
  "opportunity",
  "won",
  "lost",
  "recycled",
  "disqualified",
] as const;
export type LeadStatus = (typeof leadStatuses)[number];

export const touchpointKinds = [
  "ad_click",
  "search_term",
  "page_view",
  "content_download",
  "form",
  "webinar",
  "event",
  "email_click",
  "partner_referral",
] as const;
export type TouchpointKind = (typeof touchpointKinds)[number];

export const definitionKinds = ["mql", "sal", "sql"] as const;
export type DefinitionKind = (typeof definitionKinds)[number];

export const definitionStatuses = ["draft", "proposed", "active", "retired", "withdrawn"] as const;
export type DefinitionStatus = (typeof definitionStatuses)[number];

/** Lead fields a definition may require before a lead can be an MQL. */
export const requirableLeadFields = [
  "email",
  "first_name",
  "last_name",
  "company",
  "company_size",
  "industry",
  "job_title",
  "country",
  "region",
] as const;
export type RequirableLeadField = (typeof requirableLeadFields)[number];
/** DESIGN.md: company, job title and company size are always required for an MQL. */
export const alwaysRequiredLeadFields: RequirableLeadField[] = [
  "company",
  "job_title",
  "company_size",
];

export const importKinds = ["leads", "touchpoints", "deals"] as const;
export type ImportKind = (typeof importKinds)[number];
export const importStatuses = ["mapping", "queued", "running", "done", "failed"] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** Five-field feedback, field 1: what came of the lead. */
export const feedbackOutcomes = ["accepted", "disqualified", "no_response", "recycled"] as const;
export type FeedbackOutcome = (typeof feedbackOutcomes)[number];

/** Field 2: why, as a reason code (plus free text). */
export const feedbackReasons = [
  "good_fit",
  "outside_target_size",
  "wrong_industry",
  "wrong_country",
  "student",
  "competitor",
  "no_budget",
  "no_need",
  "bad_timing",
  "duplicate",
  "bad_data",
  "existing_customer",
  "other",
] as const;
export type FeedbackReason = (typeof feedbackReasons)[number];

/** Field 3: what marketing should have supplied. */
export const missingInformationOptions = [
  "company_size",
  "budget",
  "timeline",
  "decision_maker",
  "phone_number",
  "use_case",
  "current_solution",
  "correct_contact",
] as const;

/** Field 4: objections heard. */
export const objectionOptions = [
  "price",
  "timing",
  "has_solution",
  "no_priority",
  "needs_approval",
  "integration",
  "contract_lock_in",
  "trust",
] as const;

export const activityKinds = ["call", "email", "meeting", "linkedin", "other"] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const routingTargetTypes = ["rep", "pool", "queue"] as const;

/** The two sides of the SLA (DESIGN.md: "The two-way SLA"). */
export const slaSides = ["marketing", "sales"] as const;
export type SlaSide = (typeof slaSides)[number];

/** Sales obligations, each a persisted clock per lead. */
export const slaClockKinds = ["first_contact", "attempts", "feedback"] as const;
export type SlaClockKind = (typeof slaClockKinds)[number];
export const slaClockStates = ["running", "met", "breached", "cancelled"] as const;
export type SlaClockState = (typeof slaClockStates)[number];

/** Marketing obligations, evaluated per week and per month. */
export const slaPeriodKinds = ["mql_volume", "sql_share", "completeness"] as const;
export type SlaPeriodKind = (typeof slaPeriodKinds)[number];
export const slaPeriodUnits = ["week", "month"] as const;
export type SlaPeriodUnit = (typeof slaPeriodUnits)[number];

export const slaBreachKinds = [...slaClockKinds, ...slaPeriodKinds] as const;
export type SlaBreachKind = (typeof slaBreachKinds)[number];
/** Escalation ladder: owner → team lead (leadership sees every breach in the digest). */
export const escalationLevels = ["owner", "team_lead"] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

export const actionItemStatuses = ["open", "done", "dropped"] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];
/** Where an action item came from: an SLA consequence, a weekly sync, or by hand. */
export const actionItemOrigins = ["consequence", "sync", "manual"] as const;
export type ActionItemOrigin = (typeof actionItemOrigins)[number];

/** The weekly sync's marketing calendar: what marketing has coming, by kind. */
export const calendarItemKinds = ["campaign", "content", "event", "webinar", "email"] as const;
export type CalendarItemKind = (typeof calendarItemKinds)[number];

/** What sales asks of marketing for the weekly sync, and what became of it. */
export const salesRequestStatuses = ["open", "planned", "done", "declined"] as const;
export type SalesRequestStatus = (typeof salesRequestStatuses)[number];
/** Done and declined close a request; open and planned still count as open. */
export const closedSalesRequestStatuses = ["done", "declined"] as const;
export const salesRequestChannels = ["web", "slack"] as const;
export type SalesRequestChannel = (typeof salesRequestChannels)[number];

/** A weekly sync meeting runs (meeting mode) and then ends (its minutes are kept). */
export const syncMeetingStatuses = ["running", "ended"] as const;
export type SyncMeetingStatus = (typeof syncMeetingStatuses)[number];
/** What is written down in a sync: a note, or a decision both teams agreed on. */
export const syncNoteKinds = ["note", "decision"] as const;
export type SyncNoteKind = (typeof syncNoteKinds)[number];

/** A deal (opportunity) is open until it is won or lost. */
export const dealStatuses = ["open", "won", "lost"] as const;
export type DealStatus = (typeof dealStatuses)[number];

/**
 * What a lead source is, typed once per workspace: marketing's channels, sales' own outbound, or
 * a partner's referrals. "Marketing-sourced" (pipeline created) counts the first.
 */
export const sourceKinds = ["marketing", "sales", "partner"] as const;
export type SourceKind = (typeof sourceKinds)[number];
