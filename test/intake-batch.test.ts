// A batch posted to the API is taken in set-wise, in a few statements; its outcome must be what
// posting the same leads one at a time gives: the same statuses, owners (the pool's rotation
// advancing lead by lead), notes for repeat questions, events, touchpoints and SLA clocks.
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  leadEvents,
  leadNotes,
  leads,
  poolMembers,
  routingDecisions,
  routingPools,
  routingRules,
  slaClocks,
  touchpoints,
} from "../db/schema";
import {
  makeActiveDefinition,
  makeActiveSla,
  makeApiKey,
  makeMember,
  makeWorkspace,
} from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
const now = Date.now();
const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();

interface Setup {
  workspaceId: string;
  key: string;
  /** The pool's reps, in the order they were added. */
  reps: string[];
}

async function setUp(name: string): Promise<Setup> {
  const { workspace } = await makeWorkspace(server.db, { name });
  const workspaceId = workspace.id;
  await makeActiveDefinition(server.db, workspaceId, {
    rules: {
      match: "all",
      criteria: [
        { type: "company_size", min: 10 },
        { type: "pricing_page_visited", withinDays: 30 },
      ],
    },
    requiredFields: ["email"],
  });
  await makeActiveSla(server.db, workspaceId);
  const reps: string[] = [];
  for (const rep of ["Fleur", "Joost", "Sanne"])
    reps.push((await makeMember(server.db, workspaceId, "sales", { name: rep })).user.id);
  const [pool] = await server.db
    .insert(routingPools)
    .values({ workspaceId, name: "Benelux" })
    .returning();
  // The rotation breaks ties by member id: ids in the reps' order make both workspaces alike.
  const ids = reps.map(() => randomUUID()).sort();
  await server.db.insert(poolMembers).values(
    reps.map((userId, index) => ({
      id: ids[index],
      workspaceId,
      poolId: pool!.id,
      userId,
      weight: index === 0 ? 2 : 1,
      capacity: index === 2 ? 1 : null,
    })),
  );
  await server.db.insert(routingRules).values({
    workspaceId,
    position: 1,
    name: "Benelux pool",
    conditions: [{ field: "country", op: "in", values: ["NL", "BE"] }],
    target: { type: "pool", poolId: pool!.id },
  });
  return { workspaceId, key: (await makeApiKey(server.db, workspaceId)).key, reps };
}

const pricing = (minutesAgo: number) => ({
  kind: "page_view",
  url: "https://noordzee.example/pricing",
  content_type: "pricing",
  occurred_at: iso(minutesAgo),
});

function lead(externalId: string | null, extra: Record<string, unknown> = {}) {
  return {
    ...(externalId ? { external_id: externalId } : {}),
    email: `${externalId ?? "anon"}@vandijk.example`,
    company: "Van Dijk Transport",
    company_size: 120,
    job_title: "Head of Operations",
    country: "NL",
    source: "Google Ads",
    created_at: iso(30),
    touchpoints: [pricing(20)],
    ...extra,
  };
}

/** Seven MQLs for a pool of weights 2/1/1 (the last capped at one open lead), and the odd ones. */
const batch = [
  lead("b-1"),
  lead("b-2"),
  lead("b-3", { touchpoints: [] }), // no behaviour: stays new
  lead("b-1", { touchpoints: [pricing(5)] }), // same external_id: the first lead, one more touch
  lead("b-4", { email: "b-2@vandijk.example", source: "LinkedIn" }), // b-2's contact: a note
  lead("b-5", { email: "b-3@vandijk.example" }), // b-3's contact, but b-3 is not open: a lead
  lead("b-6", { email: null }), // meets the criteria, lacks an e-mail: held back
  lead("b-7"),
  lead("b-8", { country: "DE" }), // no rule: unassigned
  lead("b-9"),
  lead("b-10"),
];

function post(setup: Setup, body: unknown) {
  return fetch(new URL("/api/v1/leads", server.url), {
    method: "POST",
    headers: { authorization: `Bearer ${setup.key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** What a workspace holds after intake, with ids replaced by positions so two can be compared. */
async function outcome(setup: Setup, results: { id: string }[]) {
  const stored = await server.db
    .select()
    .from(leads)
    .where(eq(leads.workspaceId, setup.workspaceId))
    .orderBy(asc(leads.externalId));
  const position = (id: string | null) => (id ? results.findIndex((r) => r.id === id) : null);
  const rep = (id: string | null) => (id ? setup.reps.indexOf(id) : null);
  const perLead: {
    externalId: string | null;
    firstAnswer: number | null;
    status: string;
    owner: number | null;
    pooled: boolean;
    mqlAt: string | null;
    heldBackAt: string | null;
    qualifies: boolean | null;
    events: { to: string; reason: string | null }[];
    notes: string[];
    touches: number;
    decisions: { reason: string; to: number | null }[];
    clocks: { kind: string; owner: number | null; due: string }[];
  }[] = [];
  for (const row of stored) {
    const events = await server.db
      .select({ to: leadEvents.toStatus, reason: leadEvents.reason })
      .from(leadEvents)
      .where(eq(leadEvents.leadId, row.id))
      .orderBy(asc(leadEvents.occurredAt), asc(leadEvents.toStatus));
    const notes = await server.db.select().from(leadNotes).where(eq(leadNotes.leadId, row.id));
    const touches = await server.db
      .select()
      .from(touchpoints)
      .where(eq(touchpoints.leadId, row.id));
    const decisions = await server.db
      .select()
      .from(routingDecisions)
      .where(eq(routingDecisions.leadId, row.id));
    const clocks = await server.db
      .select({ kind: slaClocks.kind, owner: slaClocks.ownerUserId, due: slaClocks.dueAt })
      .from(slaClocks)
      .where(eq(slaClocks.leadId, row.id))
      .orderBy(asc(slaClocks.kind));
    perLead.push({
      externalId: row.externalId,
      firstAnswer: position(row.id),
      status: row.status,
      owner: rep(row.ownerUserId),
      pooled: row.poolId !== null,
      mqlAt: row.mqlAt?.toISOString() ?? null,
      heldBackAt: row.heldBackAt?.toISOString() ?? null,
      qualifies: row.qualification?.qualifies ?? null,
      events,
      notes: notes.map((n) => n.body),
      touches: touches.length,
      decisions: decisions.map((d) => ({ reason: d.reason, to: rep(d.assignedUserId) })),
      clocks: clocks.map((c) => ({ kind: c.kind, owner: rep(c.owner), due: c.due.toISOString() })),
    });
  }
  const pools = await server.db
    .select({ credits: routingPools.credits })
    .from(routingPools)
    .where(eq(routingPools.workspaceId, setup.workspaceId));
  return {
    perLead,
    credits: pools
      .flatMap((pool) => Object.entries(pool.credits))
      .map(([userId, credit]) => ({ rep: rep(userId), credit }))
      .sort((a, b) => a.rep! - b.rep!),
  };
}

describe("a batch of leads", () => {
  let batched: Setup;
  let oneByOne: Setup;

  beforeAll(async () => {
    server = await startTestServer();
    batched = await setUp("Batched B.V.");
    oneByOne = await setUp("One by one B.V.");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("gives what posting its leads one at a time gives", async () => {
    const response = await post(batched, { leads: batch });
    expect(response.status).toBe(200);
    type Answer = { id: string; status: string; created: boolean; routed_to_open_lead: boolean };
    const { results } = (await response.json()) as { results: Answer[] };
    const single: Answer[] = [];
    for (const input of batch) {
      const answer = await post(oneByOne, input);
      expect([200, 201]).toContain(answer.status);
      single.push((await answer.json()) as Answer);
    }
    const shape = (r: Answer) => ({
      status: r.status,
      created: r.created,
      routed_to_open_lead: r.routed_to_open_lead,
    });
    expect(results.map(shape)).toEqual(single.map(shape));
    // The answers name the same leads at the same positions.
    expect(results.map((r) => results.findIndex((o) => o.id === r.id))).toEqual(
      single.map((r) => single.findIndex((o) => o.id === r.id)),
    );

    const a = await outcome(batched, results);
    const b = await outcome(oneByOne, single);
    expect(a).toEqual(b);

    // And that outcome is the one the rules give, not merely the same mistake twice.
    const byId = Object.fromEntries(a.perLead.map((l) => [l.externalId ?? "", l] as const));
    expect(a.perLead).toHaveLength(9);
    expect(byId["b-1"]).toMatchObject({ status: "mql", touches: 2, owner: 0 });
    expect(byId["b-2"]?.notes).toEqual([
      expect.stringContaining("Repeat question from this contact"),
    ]);
    expect(byId["b-3"]).toMatchObject({ status: "new", owner: null });
    expect(byId["b-5"]).toMatchObject({ status: "mql" });
    expect(byId["b-6"]).toMatchObject({ status: "new", qualifies: false });
    expect(byId["b-6"]?.heldBackAt).not.toBeNull();
    expect(byId["b-8"]).toMatchObject({ status: "mql", owner: null, pooled: false });
    // Smooth weighted round-robin, weights 2/1/1, ties to the first member; Sanne (2) is capped
    // at one open lead, so after her first lead only Fleur (0) and Joost (1) take turns.
    const pooled = ["b-1", "b-2", "b-5", "b-7", "b-9", "b-10"].map((id) => byId[id]?.owner);
    expect(pooled).toEqual([0, 1, 2, 0, 0, 0]);
    expect(byId["b-1"]?.clocks.map((c) => c.kind)).toEqual(["first_contact", "attempts"]);
  });
});
