// Sales' requests to marketing for the weekly sync: filed on the web or in Slack (stored once per
// Slack trigger, whatever Slack retries), answered by marketing with a status and a response
// (audited), and read back as "this week's" and "still open" for the agenda.
import { and, asc, desc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import {
  closedSalesRequestStatuses,
  type SalesRequestChannel,
  type SalesRequestStatus,
} from "../../db/enums";
import { salesRequests, users, workspaces } from "../../db/schema";
import { NotFoundError } from "../accounts/errors";
import { recordAudit } from "../audit/audit.server";
import { type FieldErrors, issuesToFieldErrors } from "../lib/forms";
import { periodContaining } from "../sla/periods";
import {
  type SalesRequestResponseInput,
  salesRequestBodySchema,
  salesRequestResponseSchema,
} from "./requests";

export type FileRequestResult =
  | { ok: true; request: typeof salesRequests.$inferSelect; stored: boolean }
  | { ok: false; fieldErrors: FieldErrors };

export async function fileRequest(options: {
  db: Database;
  workspaceId: string;
  requestedByUserId: string;
  body: string;
  channel: SalesRequestChannel;
  /** The same key twice (a Slack retry) stores one request and returns it. */
  idempotencyKey?: string;
  now?: Date;
}): Promise<FileRequestResult> {
  const parsed = salesRequestBodySchema.safeParse(options.body);
  if (!parsed.success) {
    const errors = issuesToFieldErrors(parsed.error.issues);
    return { ok: false, fieldErrors: { body: errors._form ?? [] } };
  }
  return options.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(salesRequests)
      .values({
        workspaceId: options.workspaceId,
        body: parsed.data,
        requestedByUserId: options.requestedByUserId,
        channel: options.channel,
        idempotencyKey: options.idempotencyKey ?? null,
        ...(options.now ? { createdAt: options.now } : {}),
      })
      .onConflictDoNothing({ target: [salesRequests.workspaceId, salesRequests.idempotencyKey] })
      .returning();
    if (!created) {
      const [existing] = await tx
        .select()
        .from(salesRequests)
        .where(
          and(
            eq(salesRequests.workspaceId, options.workspaceId),
            eq(salesRequests.idempotencyKey, options.idempotencyKey ?? ""),
          ),
        );
      if (!existing) throw new Error("The sales request was neither stored nor found");
      return { ok: true, request: existing, stored: false };
    }
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.requestedByUserId,
      action: "sales_request.filed",
      targetType: "sales_request",
      targetId: created.id,
      details: { channel: created.channel },
    });
    return { ok: true, request: created, stored: true };
  });
}

export type RespondResult =
  | { ok: true; request: typeof salesRequests.$inferSelect }
  | { ok: false; fieldErrors: FieldErrors };

/** Sets a request's status and response; done and declined close it, open and planned reopen. */
export async function respondToRequest(options: {
  db: Database;
  workspaceId: string;
  actorUserId: string;
  requestId: string;
  input: SalesRequestResponseInput;
  now?: Date;
}): Promise<RespondResult> {
  const parsed = salesRequestResponseSchema.safeParse(options.input);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues) };
  const { status, response } = parsed.data;
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(salesRequests)
      .where(
        and(
          eq(salesRequests.id, options.requestId),
          eq(salesRequests.workspaceId, options.workspaceId),
        ),
      )
      .for("update");
    if (!before) throw new NotFoundError("sales request");
    const closes = (closedSalesRequestStatuses as readonly SalesRequestStatus[]).includes(status);
    const [request] = await tx
      .update(salesRequests)
      .set({
        status,
        response,
        respondedByUserId: options.actorUserId,
        respondedAt: now,
        // A request closed earlier keeps the moment it was first closed.
        closedAt: closes ? (before.closedAt ?? now) : null,
      })
      .where(eq(salesRequests.id, before.id))
      .returning();
    if (!request) throw new NotFoundError("sales request");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "sales_request.responded",
      targetType: "sales_request",
      targetId: request.id,
      details: { from: before.status, to: status, response },
    });
    return { ok: true, request };
  });
}

const respondedBy = alias(users, "responded_by");

function requestColumns() {
  return {
    id: salesRequests.id,
    body: salesRequests.body,
    channel: salesRequests.channel,
    status: salesRequests.status,
    response: salesRequests.response,
    createdAt: salesRequests.createdAt,
    respondedAt: salesRequests.respondedAt,
    closedAt: salesRequests.closedAt,
    requestedByUserId: salesRequests.requestedByUserId,
    requestedByName: users.name,
    respondedByName: respondedBy.name,
  };
}

function listQuery(db: Database) {
  return db
    .select(requestColumns())
    .from(salesRequests)
    .leftJoin(users, eq(users.id, salesRequests.requestedByUserId))
    .leftJoin(respondedBy, eq(respondedBy.id, salesRequests.respondedByUserId));
}

/** Requests filed during the local week (Monday to Monday) that contains `at`, oldest first. */
export async function requestsForWeek(options: { db: Database; workspaceId: string; at: Date }) {
  const [workspace] = await options.db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, options.workspaceId));
  if (!workspace) throw new NotFoundError("workspace");
  const week = periodContaining("week", options.at, workspace.timeZone);
  const requests = await listQuery(options.db)
    .where(
      and(
        eq(salesRequests.workspaceId, options.workspaceId),
        gte(salesRequests.createdAt, week.start),
        lt(salesRequests.createdAt, week.end),
      ),
    )
    .orderBy(asc(salesRequests.createdAt));
  return { startDate: week.startDate, endDate: week.endDate, requests };
}

/** Requests not yet done or declined (open and planned), oldest first: they carry over. */
export async function openRequests(options: { db: Database; workspaceId: string; limit?: number }) {
  return listQuery(options.db)
    .where(and(eq(salesRequests.workspaceId, options.workspaceId), isNull(salesRequests.closedAt)))
    .orderBy(asc(salesRequests.createdAt))
    .limit(options.limit ?? 200);
}

/** The requests page: open ones oldest first, or everything newest first. */
export async function listRequests(options: {
  db: Database;
  workspaceId: string;
  show: "open" | "all";
  limit?: number;
}) {
  if (options.show === "open") return openRequests(options);
  return listQuery(options.db)
    .where(eq(salesRequests.workspaceId, options.workspaceId))
    .orderBy(desc(salesRequests.createdAt), sql`${salesRequests.id}`)
    .limit(options.limit ?? 200);
}
export type SalesRequestRow = Awaited<ReturnType<typeof openRequests>>[number];
