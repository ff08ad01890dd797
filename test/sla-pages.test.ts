// The SLA pages through the real server: drafting, proposing and approving an agreement (and who
// may not), form errors that store nothing, the overview's terms and clocks at risk, the lead's
// clocks, the breach list's filters, action items, holidays in the clock maths, and isolation.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeLeads } from "../app/leads/intake.server";
import { type LeadInput, leadInputSchema } from "../app/leads/schemas";
import type { OutboxDeliverer } from "../app/outbox/outbox.server";
import { createRule } from "../app/routing/rules.server";
import { agreementFormValues } from "../app/sla/form";
import { sweepSla } from "../app/sla/sweeper.server";
import { defaultSlaTerms } from "../app/sla/terms";
import {
  actionItems,
  auditEvents,
  leads,
  slaAgreements,
  slaBreaches,
  slaClocks,
  workspaces,
} from "../db/schema";
import { redirectPath } from "./helpers/browser";
import {
  makeActiveDefinition,
  makeActiveSla,
  makeMember,
  makeWorkspace,
  signedIn,
} from "./helpers/factories";
import { startTestServer, type TestServer } from "./helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** Page text without tags, with the entities React escapes turned back. */
async function text(response: Response) {
  return (await response.text())
    .replace(/<!--.*?-->/g, "")
    .replace(/<\/?(span|a|strong|b|em|time)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function team() {
  const { workspace, admin, adminEmail } = await makeWorkspace(server.db);
  const marketingLead = await makeMember(server.db, workspace.id, "marketing", {
    isTeamLead: true,
    name: "Sanne Janssen",
  });
  const salesLead = await makeMember(server.db, workspace.id, "sales", {
    isTeamLead: true,
    name: "Daan Bakker",
  });
  return { workspace, admin, adminEmail, marketingLead, salesLead };
}

/** The form as the new-version page prefills it, with some terms changed. */
function agreementForm(changes: Record<string, string> = {}) {
  return {
    ...agreementFormValues({ title: "SLA 2027", prose: "", terms: defaultSlaTerms }),
    ...changes,
  };
}

async function agreementsOf(workspaceId: string) {
  return server.db.select().from(slaAgreements).where(eq(slaAgreements.workspaceId, workspaceId));
}

let counter = 0;
function leadInput(overrides: Partial<LeadInput> = {}): LeadInput {
  counter += 1;
  return leadInputSchema.parse({
    external_id: `sla-page-${counter}`,
    email: `person${counter}@example.com`,
    first_name: "Anna",
    last_name: `de Vries ${counter}`,
    company: "Acme Logistics",
    company_size: 120,
    job_title: "COO",
    source: "Google Ads",
    ...overrides,
  });
}

/** A workspace where every new lead becomes an MQL and goes to one rep, under an active SLA. */
async function routedWorkspace() {
  const base = await team();
  const rep = await makeMember(server.db, base.workspace.id, "sales", { name: "Fleur Meijer" });
  await makeActiveDefinition(server.db, base.workspace.id, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
  });
  await createRule({
    db: server.db,
    workspaceId: base.workspace.id,
    actorUserId: null,
    rule: {
      name: "All to Fleur",
      active: true,
      conditions: [],
      target: { type: "rep", userId: rep.user.id },
    },
  });
  const sla = await makeActiveSla(server.db, base.workspace.id);
  return { ...base, rep, sla };
}

async function arrive(workspaceId: string, now = new Date(), overrides: Partial<LeadInput> = {}) {
  const [result] = await intakeLeads({
    db: server.db,
    workspaceId,
    actorLabel: "test",
    leads: [leadInput(overrides)],
    now,
  });
  const [lead] = await server.db.select().from(leads).where(eq(leads.id, result!.id));
  return lead!;
}

const silentDeliverer: OutboxDeliverer = { deliver: async () => "skipped" };

describe("agreement versions", () => {
  it("goes draft → proposed → approved by both team leads → active, and refuses an admin's approval", async () => {
    const { workspace, adminEmail, marketingLead, salesLead } = await team();
    const marketing = await signedIn(server.url, marketingLead.email);

    const empty = await text(await marketing.get("/sla"));
    expect(empty).toContain("No SLA agreement is active yet.");
    expect(empty).toContain("Propose the first agreement");
    const form = await text(await marketing.get("/sla/versions/new"));
    expect(form).toContain("Prefilled with common practice");
    expect(form).toContain("business hours of assignment");

    const created = await marketing.post(
      "/sla/versions/new",
      agreementForm({
        "terms.sales.firstContactHours": "2",
        "terms.marketing.minSqlShare": "35",
        "terms.segments.0.name": "Enterprise",
        "terms.segments.0.conditions.0.field": "company_size",
        "terms.segments.0.conditions.0.op": "between",
        "terms.segments.0.conditions.0.min": "500",
        "terms.segments.0.firstContactHours": "1",
        segmentCount: "1",
      }),
    );
    expect(created.status).toBe(302);
    const path = redirectPath(created)!;
    const agreementId = path.split("/").at(-1)!;
    const [draft] = await agreementsOf(workspace.id);
    expect(draft).toMatchObject({ id: agreementId, status: "draft", version: 1 });
    expect(draft!.terms.sales.firstContactHours).toBe(2);
    expect(draft!.terms.marketing.minSqlShare).toBe(0.35);
    expect(draft!.terms.segments).toEqual([
      {
        name: "Enterprise",
        conditions: [{ field: "company_size", op: "between", min: 500 }],
        firstContactHours: 1,
      },
    ]);

    expect((await marketing.post(path, { intent: "propose" })).status).toBe(200);

    const admin = await signedIn(server.url, adminEmail);
    const refused = await admin.post(path, { intent: "approve" });
    expect(refused.status).toBe(403);
    expect(await text(refused)).toContain(
      "Only a marketing team lead and a sales team lead can approve an SLA agreement.",
    );
    const [refusal] = await server.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetId, agreementId), eq(auditEvents.action, "sla.approval_refused")),
      );
    expect(refusal).toBeDefined();

    const first = await marketing.post(path, { intent: "approve" });
    expect(first.status).toBe(200);
    expect(await text(first)).toContain("Your approval is recorded");
    const waiting = await text(await marketing.get(path));
    expect(waiting).toContain("Marketing approved: Sanne Janssen");
    expect(waiting).toContain("Waiting for a sales team lead");

    const sales = await signedIn(server.url, salesLead.email);
    const second = await sales.post(path, { intent: "approve" });
    expect(second.status).toBe(200);
    expect(await text(second)).toContain("this version is now the active agreement");
    const [active] = await agreementsOf(workspace.id);
    expect(active?.status).toBe("active");
    const page = await text(await sales.get(path));
    expect(page).toContain("Sales approved: Daan Bakker");
    expect(page).toContain("Marketing approved: Sanne Janssen");

    // A second version starts from the active one; its page shows the changes, old → new.
    const next = await sales.get("/sla/versions/new");
    expect(await text(next)).toContain("Prefilled from the active version v1");
    const changed = await sales.post(
      "/sla/versions/new",
      agreementForm({
        "terms.sales.firstContactHours": "3",
        "terms.marketing.minSqlShare": "35",
        "terms.segments.0.name": "Enterprise",
        "terms.segments.0.conditions.0.field": "company_size",
        "terms.segments.0.conditions.0.op": "between",
        "terms.segments.0.conditions.0.min": "500",
        "terms.segments.0.firstContactHours": "1",
      }),
    );
    const v2 = redirectPath(changed)!;
    const diff = await text(await sales.get(v2));
    expect(diff).toContain("Against v1 (active)");
    expect(diff).toMatch(/First contact within 2 business hours → 3 business hours/);
    expect(diff).not.toContain("MQLs that reach SQL, at least");
  });

  it("shows field errors naming each field and stores nothing on invalid input", async () => {
    const { workspace, marketingLead } = await team();
    const marketing = await signedIn(server.url, marketingLead.email);
    const response = await marketing.post(
      "/sla/versions/new",
      agreementForm({
        title: "",
        "terms.sales.firstContactHours": "soon",
        "terms.marketing.minSqlShare": "130",
        "terms.sales.attempts": "0",
        "terms.segments.0.name": "Enterprise",
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    const page = await text(new Response(html));
    expect(page).toContain("The agreement was not saved");
    expect(page).toContain("Title: Give the agreement a title.");
    expect(page).toContain(
      "First contact within: Enter a number of hours above 0 and at most 400.",
    );
    expect(page).toContain("MQLs that reach SQL, at least: Enter a share between 0 and 100%.");
    expect(page).toContain("Attempts, at least: Enter at least 1.");
    expect(page).toContain("Segment 1 · Conditions: A segment needs at least one condition.");
    // What was typed stays in the form.
    expect(html).toContain('value="soon"');
    expect(await agreementsOf(workspace.id)).toHaveLength(0);

    // Adding a segment redraws the form with one more block and stores nothing either.
    const added = await marketing.post(
      "/sla/versions/new",
      agreementForm({ addSegment: "1", segmentCount: "0" }),
    );
    expect(added.status).toBe(200);
    expect(await text(added)).toContain("Remove segment 1");
    expect(await agreementsOf(workspace.id)).toHaveLength(0);
  });

  it("lets leadership read but not draft, edit or propose", async () => {
    const { workspace, marketingLead } = await team();
    const boss = await makeMember(server.db, workspace.id, "leadership");
    const marketing = await signedIn(server.url, marketingLead.email);
    const created = await marketing.post("/sla/versions/new", agreementForm());
    const path = redirectPath(created)!;

    const leadership = await signedIn(server.url, boss.email);
    expect((await leadership.get("/sla")).status).toBe(200);
    expect(await text(await leadership.get("/sla"))).not.toContain("Propose the first agreement");
    expect((await leadership.get("/sla/versions/new")).status).toBe(403);
    expect((await leadership.post("/sla/versions/new", agreementForm())).status).toBe(403);
    expect((await leadership.get(`${path}/edit`)).status).toBe(403);
    expect((await leadership.post(path, { intent: "propose" })).status).toBe(403);
    expect(await text(await leadership.get(path))).not.toContain("Propose for approval");
    expect(await agreementsOf(workspace.id)).toHaveLength(1);
    const [still] = await agreementsOf(workspace.id);
    expect(still?.status).toBe("draft");
  });

  it("edits a draft, and keeps other workspaces' versions out of reach", async () => {
    const { workspace, marketingLead } = await team();
    const other = await team();
    const marketing = await signedIn(server.url, marketingLead.email);
    const path = redirectPath(await marketing.post("/sla/versions/new", agreementForm()))!;
    const edited = await marketing.post(
      `${path}/edit`,
      agreementForm({ title: "SLA 2027 (revised)", "terms.sales.attempts": "5" }),
    );
    expect(edited.status).toBe(302);
    const [draft] = await agreementsOf(workspace.id);
    expect(draft).toMatchObject({ title: "SLA 2027 (revised)" });
    expect(draft!.terms.sales.attempts).toBe(5);
    const [audited] = await server.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, draft!.id), eq(auditEvents.action, "sla.edited")));
    expect(audited).toMatchObject({ actorUserId: marketingLead.user.id });

    const stranger = await signedIn(server.url, other.marketingLead.email);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.get(`${path}/edit`)).status).toBe(404);
    expect((await stranger.post(path, { intent: "propose" })).status).toBe(404);
    expect((await stranger.post(`${path}/edit`, agreementForm())).status).toBe(404);
    expect((await stranger.get("/sla/versions/not-a-uuid")).status).toBe(404);
    const [untouched] = await agreementsOf(workspace.id);
    expect(untouched?.status).toBe("draft");
  });
});

describe("overview, lead page and home", () => {
  it("shows the terms in words, the calendar and the clocks at risk", async () => {
    const { workspace, rep, adminEmail } = await routedWorkspace();
    const lead = await arrive(workspace.id);
    const admin = await signedIn(server.url, adminEmail);
    const response = await admin.get("/sla");
    expect(response.status).toBe(200);
    const page = await text(response);
    expect(page).toContain(
      "Sales: first contact within 4 business hours of assignment; at least 3 attempts within 7 days; feedback within 24 business hours of an outcome; 90% of clocks on time",
    );
    expect(page).toContain(
      "Marketing: 150 MQLs a month (35 a week); at least 30.0% of MQLs reach SQL; data complete on 95.0%",
    );
    expect(page).toContain("Europe/Amsterdam");
    expect(page).toContain("Mon–Fri 09:00–17:30");
    expect(page).toContain("Clocks at risk");
    const html = await (await admin.get("/sla")).text();
    const atRisk = html.slice(html.indexOf('data-testid="sla-at-risk"'));
    expect(atRisk).toContain(`/leads/${lead.id}`);
    expect(atRisk).toContain(rep.user.name);
    expect(html).toContain('href="/sla/digest"');
    expect(html).toContain('href="/sla/breaches"');
    expect(html).toContain('href="/sla/actions"');
  });

  it("lists a lead's clocks with their state and the breach, and a rep's own clocks at home", async () => {
    const { workspace, rep, salesLead } = await routedWorkspace();
    const fresh = await arrive(workspace.id);
    // A lead assigned a month ago that nobody contacted: its first contact breaches.
    const old = await arrive(workspace.id, new Date(Date.now() - 30 * 24 * 3_600_000));
    await sweepSla({ db: server.db, deliverer: silentDeliverer });

    const fleur = await signedIn(server.url, rep.email);
    const page = await text(await fleur.get(`/leads/${fresh.id}`));
    expect(page).toContain("SLA");
    expect(page).toContain("First contact");
    expect(page).toContain("Attempts (3)");
    expect(page).toContain("Running");
    expect(page).toContain("due in");
    expect(page).toContain("Fleur Meijer");

    const breached = await text(await fleur.get(`/leads/${old.id}`));
    expect(breached).toContain("Breached");
    expect(breached).toMatch(/First contact with Anna de Vries \d+ \(Acme Logistics\) was due/);

    // Logging the attempt now meets the breached clock late.
    await fleur.post(`/leads/${old.id}`, { intent: "logAttempt", kind: "call" });
    expect(await text(await fleur.get(`/leads/${old.id}`))).toContain("Met late");

    const home = await text(await fleur.get("/"));
    expect(home).toContain("My SLA clocks");
    expect(home).toContain("Due soon (1)");
    expect(home).toContain(`Anna ${fresh.lastName}`);

    // Re-assigned by the sales team lead: Fleur's clocks stop, Daan's start.
    const daan = await signedIn(server.url, salesLead.email);
    await daan.post(`/leads/${fresh.id}`, { intent: "reassign", toUserId: salesLead.user.id });
    const moved = await text(await daan.get(`/leads/${fresh.id}`));
    expect(moved).toContain("Stopped");
    expect(moved).toContain("the lead was re-assigned");
    expect(moved).toContain("Daan Bakker");
  });
});

describe("breaches", () => {
  it("filters by side, kind, owner, level and due date, a page at a time", async () => {
    const { workspace, salesLead } = await team();
    const rep = await makeMember(server.db, workspace.id, "sales", { name: "Ruben Jansen" });
    const lead = await arrive(workspace.id);
    const base: Omit<typeof slaBreaches.$inferInsert, "subjectKey" | "summary" | "dueAt"> = {
      workspaceId: workspace.id,
      side: "sales",
      kind: "first_contact",
      detectedAt: new Date("2026-03-10T12:00:00Z"),
    };
    const rows: (typeof slaBreaches.$inferInsert)[] = [
      {
        ...base,
        subjectKey: "a",
        summary: "Ruben missed first contact in March",
        ownerUserId: rep.user.id,
        leadId: lead.id,
        level: "team_lead",
        reassignedToUserId: salesLead.user.id,
        dueAt: new Date("2026-03-10T10:00:00Z"),
      },
      {
        ...base,
        subjectKey: "b",
        summary: "Daan missed feedback in April",
        kind: "feedback",
        ownerUserId: salesLead.user.id,
        dueAt: new Date("2026-04-10T10:00:00Z"),
      },
      {
        ...base,
        subjectKey: "c",
        summary: "Marketing delivered 20 MQLs, against 35 promised",
        side: "marketing",
        kind: "mql_volume",
        dueAt: new Date("2026-04-13T22:00:00Z"),
      },
      // Thirty older ones, to page through.
      ...Array.from({ length: 30 }, (_, index) => ({
        ...base,
        subjectKey: `old-${index}`,
        summary: `Old breach ${index}`,
        ownerUserId: rep.user.id,
        dueAt: new Date(Date.UTC(2025, 0, 1 + index, 10)),
      })),
    ];
    await server.db.insert(slaBreaches).values(rows);
    const browser = await signedIn(server.url, salesLead.email);
    const list = async (query: string) => text(await browser.get(`/sla/breaches${query}`));

    const all = await list("");
    expect(all).toContain("Breaches: 33");
    expect(all).toContain("Page 1 of 2");
    expect(all).not.toContain("Old breach 0 ");
    expect(await list("?page=2")).toContain("Old breach 0 ");

    const marketing = await list("?side=marketing");
    expect(marketing).toContain("Breaches: 1");
    expect(marketing).toContain("Marketing delivered 20 MQLs");
    expect(marketing).not.toContain("Ruben missed");

    const escalated = await list(`?owner=${rep.user.id}&level=team_lead`);
    expect(escalated).toContain("Breaches: 1");
    expect(escalated).toContain("Ruben missed first contact in March");
    expect(escalated).toContain("Daan Bakker"); // re-assigned to
    expect(escalated).toContain("still not met");

    const feedback = await list("?kind=feedback");
    expect(feedback).toContain("Breaches: 1");
    expect(feedback).toContain("Daan missed feedback in April");

    // Due dates are local (Amsterdam): 13 April 22:00Z is already 14 April there.
    const april = await list("?from=2026-04-01&to=2026-04-13");
    expect(april).toContain("Breaches: 1");
    expect(april).toContain("Daan missed feedback");
    expect(await list("?from=2026-04-14&to=2026-04-14")).toContain("Marketing delivered 20 MQLs");
    // A bad filter value is dropped, not an error.
    expect(await list("?side=everyone&from=yesterday")).toContain("Breaches: 33");
  });
});

describe("action items", () => {
  it("adds one by hand, marks it done (audited), and keeps other workspaces out", async () => {
    const { workspace, marketingLead, salesLead } = await team();
    const other = await team();
    const boss = await makeMember(server.db, workspace.id, "leadership");
    const browser = await signedIn(server.url, marketingLead.email);

    const invalid = await browser.post("/sla/actions", {
      intent: "create",
      title: "",
      side: "marketing",
      ownerUserId: "",
      dueOn: "2026-02-30",
    });
    expect(invalid.status).toBe(400);
    const invalidPage = await text(invalid);
    expect(invalidPage).toContain("Say what needs doing.");
    expect(invalidPage).toContain("Enter a due date as YYYY-MM-DD.");
    const none = await server.db
      .select({ n: count() })
      .from(actionItems)
      .where(eq(actionItems.workspaceId, workspace.id));
    expect(none[0]?.n).toBe(0);

    const created = await browser.post("/sla/actions", {
      intent: "create",
      title: "Fix the webinar form: company size is missing",
      side: "marketing",
      ownerUserId: salesLead.user.id,
      dueOn: "2026-06-01",
    });
    expect(created.status).toBe(200);
    const [item] = await server.db
      .select()
      .from(actionItems)
      .where(eq(actionItems.workspaceId, workspace.id));
    expect(item).toMatchObject({
      title: "Fix the webinar form: company size is missing",
      side: "marketing",
      ownerUserId: salesLead.user.id,
      dueOn: "2026-06-01",
      status: "open",
      origin: "manual",
    });
    const open = await text(await browser.get("/sla/actions"));
    expect(open).toContain("Fix the webinar form");
    expect(open).toContain("Daan Bakker");

    const leadership = await signedIn(server.url, boss.email);
    expect(
      (await leadership.post("/sla/actions", { actionItemId: item!.id, status: "done" })).status,
    ).toBe(403);
    const stranger = await signedIn(server.url, other.marketingLead.email);
    expect(
      (await stranger.post("/sla/actions", { actionItemId: item!.id, status: "done" })).status,
    ).toBe(404);

    const done = await browser.post("/sla/actions", { actionItemId: item!.id, status: "done" });
    expect(done.status).toBe(200);
    const [closed] = await server.db.select().from(actionItems).where(eq(actionItems.id, item!.id));
    expect(closed).toMatchObject({ status: "done", closedByUserId: marketingLead.user.id });
    expect(closed?.closedAt).toBeInstanceOf(Date);
    const [audit] = await server.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, item!.id), eq(auditEvents.action, "action_item.done")));
    expect(audit?.actorUserId).toBe(marketingLead.user.id);
    expect(
      (await browser.post("/sla/actions", { actionItemId: item!.id, status: "dropped" })).status,
    ).toBe(409);

    expect(await text(await browser.get("/sla/actions"))).not.toContain("Fix the webinar form");
    const closedList = await text(await browser.get("/sla/actions?show=closed"));
    expect(closedList).toContain("Fix the webinar form");
    expect(closedList).toContain("Done");
  });
});

describe("holidays", () => {
  it("are saved, validated and audited, and a new clock's due time skips them", async () => {
    const { workspace, adminEmail } = await routedWorkspace();
    const admin = await signedIn(server.url, adminEmail);

    const bad = await admin.post("/settings?index", {
      intent: "addHoliday",
      date: "2026-13-01",
      name: "Nope",
    });
    expect(bad.status).toBe(400);
    expect(await text(bad)).toContain("Enter a date as YYYY-MM-DD.");
    const nameless = await admin.post("/settings?index", {
      intent: "addHoliday",
      date: "2026-11-23",
      name: " ",
    });
    expect(nameless.status).toBe(400);
    expect(await text(nameless)).toContain("Give the holiday a name.");

    const saved = await admin.post("/settings?index", {
      intent: "addHoliday",
      date: "2026-11-23",
      name: "Company day",
    });
    expect(saved.status).toBe(200);
    expect(
      (
        await admin.post("/settings?index", {
          intent: "addHoliday",
          date: "2026-11-23",
          name: "Again",
        })
      ).status,
    ).toBe(400);
    await admin.post("/settings?index", {
      intent: "addHoliday",
      date: "2026-04-27",
      name: "King's Day",
    });
    const [stored] = await server.db
      .select({ holidays: workspaces.holidays })
      .from(workspaces)
      .where(eq(workspaces.id, workspace.id));
    expect(stored?.holidays).toEqual([
      { date: "2026-04-27", name: "King's Day" },
      { date: "2026-11-23", name: "Company day" },
    ]);
    const settings = await text(await admin.get("/settings"));
    expect(settings).toContain("Company day");
    const audits = await server.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspaceId, workspace.id),
          eq(auditEvents.action, "workspace.holiday_added"),
        ),
      );
    expect(audits).toHaveLength(2);

    // Friday 20 Nov 2026 17:55 in Amsterdam, 4 business hours: Monday is a holiday, so the
    // first contact is due Tuesday 24 Nov 13:00 local (12:00Z), not Monday.
    const lead = await arrive(workspace.id, new Date("2026-11-20T16:55:00Z"));
    const [clock] = await server.db
      .select()
      .from(slaClocks)
      .where(and(eq(slaClocks.leadId, lead.id), eq(slaClocks.kind, "first_contact")));
    expect(clock!.dueAt.toISOString()).toBe("2026-11-24T12:00:00.000Z");

    const removed = await admin.post("/settings?index", {
      intent: "removeHoliday",
      date: "2026-11-23",
    });
    expect(removed.status).toBe(200);
    const [after] = await server.db
      .select({ holidays: workspaces.holidays })
      .from(workspaces)
      .where(eq(workspaces.id, workspace.id));
    expect(after?.holidays).toEqual([{ date: "2026-04-27", name: "King's Day" }]);
    const [removal] = await server.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspaceId, workspace.id),
          eq(auditEvents.action, "workspace.holiday_removed"),
        ),
      );
    expect(removal?.details).toEqual({ date: "2026-11-23", name: "Company day" });
    // The workspace form without an intent still saves name, time zone and hours.
    const unchanged = await admin.post("/settings?index", {
      name: "Acme B.V.",
      timeZone: "Europe/Amsterdam",
      "monday.open": "on",
      "monday.from": "09:00",
      "monday.to": "17:30",
    });
    expect(unchanged.status).toBe(200);
  });
});
