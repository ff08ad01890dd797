// Closed-loop attribution from stored data on a hand-computed fixture: two won deals whose leads
// were touched by LinkedIn, Google Ads and a webinar, credited under several models; the report
// through GET /api/v1/attribution (field errors), the /attribution page, and a deal's story;
// Markov's chain kept when slow to learn, learnt again behind a stale one, forgotten on import,
// and learnt from every lead whichever range of ids it is read in.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { attributionToJson } from "../app/api/attribution";
import {
  type ChainPolicy,
  chainsLearnt,
  defaultChainPolicy,
  leadIdBounds,
  leadIdRanges,
  markovChains,
} from "../app/attribution/markov-chains.server";
import { markovRemovalEffects } from "../app/attribution/models";
import { attributionReport } from "../app/attribution/report.server";
import { createImport, runImport, saveMapping } from "../app/imports/imports.server";
import { openDatabase } from "../db/client";
import { newId } from "../db/ids";
import { rowsOf } from "../db/rows";
import { deals, imports, markovChains as keptChains, leads, touchpoints } from "../db/schema";
import { makeActiveDefinition, makeApiKey, makeWorkspace, signedIn } from "./helpers/factories";
import { arriveLead } from "./helpers/leads";
import { startTestServer, type TestServer } from "./helpers/server";

const at = (iso: string) => new Date(iso);
const period = { from: "2026-11-01", to: "2026-12-01" };

describe("the attribution report", () => {
  let server: TestServer;
  let workspaceId: string;
  let apiKey: string;
  let adminEmail: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const { db } = server;
    const made = await makeWorkspace(db, { name: "Noordzee Logistiek" });
    workspaceId = made.workspace.id;
    adminEmail = made.adminEmail;
    apiKey = (await makeApiKey(db, workspaceId)).key;
    await makeActiveDefinition(db, workspaceId, {
      rules: { match: "all", criteria: [{ type: "company_size", min: 1 }] },
      now: at("2026-01-01T00:00:00Z"),
    });
    const touch = (
      kind: string,
      source: string,
      iso: string,
      extra: Record<string, string> = {},
    ) => ({
      kind,
      source,
      occurred_at: iso,
      ...extra,
    });
    // A: LinkedIn ad (1 Oct), a Google search (10 Oct), the webinar (20 Oct); won €30,000 at 50%.
    ids.a = await arriveLead(db, workspaceId, at("2026-10-20T12:00:00Z"), {
      source: "Webinar",
      company: "Acme Logistics",
      touchpoints: [
        touch("ad_click", "LinkedIn", "2026-10-01T09:00:00Z", { campaign: "LinkedIn – WMS" }),
        touch("search_term", "Google Ads", "2026-10-10T09:00:00Z", { term: "wms software" }),
        touch("webinar", "Webinar", "2026-10-20T09:00:00Z", { content: "Track & trace live" }),
      ],
    } as never);
    // B: one Google search (15 Oct), then a page view that names no source (it tells nothing
    // about sources: the last touch that does is the search); won €10,000, margin unknown.
    ids.b = await arriveLead(db, workspaceId, at("2026-10-15T12:00:00Z"), {
      source: "Google Ads",
      touchpoints: [
        touch("search_term", "Google Ads", "2026-10-15T09:00:00Z", { term: "tms" }),
        {
          kind: "page_view",
          occurred_at: "2026-10-16T09:00:00Z",
          url: "https://example.com/prijzen",
        },
      ],
    } as never);
    const send = (deal: Record<string, unknown>) =>
      fetch(new URL("/api/v1/deals", server.url), {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(deal),
      }).then(async (response) => {
        if (response.status !== 201) throw new Error(await response.text());
        return ((await response.json()) as { id: string }).id;
      });
    ids.dealA = await send({
      name: "Acme – TMS",
      amount_cents: 3_000_000,
      gross_margin: 0.5,
      lead_id: ids.a,
      status: "won",
      created_at: "2026-10-25T10:00:00Z",
      closed_at: "2026-11-05T10:00:00Z",
    });
    await send({
      name: "B – TMS",
      amount_cents: 1_000_000,
      lead_id: ids.b,
      status: "won",
      created_at: "2026-10-28T10:00:00Z",
      closed_at: "2026-11-06T10:00:00Z",
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const wonBySource = async (model: Parameters<typeof attributionReport>[0]["model"]) => {
    const report = await attributionReport({ db: server.db, workspaceId, model, ...period });
    return Object.fromEntries(report.bySource.map((row) => [row.key, row.wonCents]));
  };

  it("credits won revenue by model, each journey's credit summing to its deal", async () => {
    // A source that earned nothing in the period has no row.
    expect(await wonBySource("first_touch")).toEqual({
      LinkedIn: 3_000_000,
      "Google Ads": 1_000_000,
    });
    expect(await wonBySource("last_touch")).toEqual({
      Webinar: 3_000_000,
      "Google Ads": 1_000_000,
    });
    // A: a third each; B: all Google.
    const linear = await wonBySource("linear");
    expect(linear["Google Ads"]).toBeCloseTo(2_000_000, 6);
    expect(linear.LinkedIn).toBeCloseTo(1_000_000, 6);
    expect(linear.Webinar).toBeCloseTo(1_000_000, 6);
    // A: 40% / 20% / 40%.
    const u = await wonBySource("position_based");
    expect(u.LinkedIn).toBeCloseTo(1_200_000, 6);
    expect(u["Google Ads"]).toBeCloseTo(1_600_000, 6);
    expect(u.Webinar).toBeCloseTo(1_200_000, 6);
    for (const model of ["w_shaped", "time_decay", "markov"] as const) {
      const credited = Object.values(await wonBySource(model)).reduce(
        (sum, cents) => sum + cents,
        0,
      );
      expect(credited, model).toBeCloseTo(4_000_000, 4);
    }
    const report = await attributionReport({
      db: server.db,
      workspaceId,
      model: "linear",
      ...period,
    });
    // Gross profit: A's €15,000 in thirds; B has no margin.
    const profit = Object.fromEntries(
      report.bySource.map((row) => [row.key, row.grossProfitCents]),
    );
    expect(profit.LinkedIn).toBeCloseTo(500_000, 6);
    expect(profit["Google Ads"]).toBeCloseTo(500_000, 6);
    expect(report.totals).toMatchObject({
      wonCents: 4_000_000,
      grossProfitCents: 1_500_000,
      pipelineCents: 0,
    });
    // By content only the touches that name content count: A's webinar has all of A's deal; B's
    // journey names none, so B's own (empty) content has its deal.
    const content = Object.fromEntries(report.byContent.map((row) => [row.key, row.wonCents]));
    expect(content).toEqual({ "Track & trace live": 3_000_000, "(none)": 1_000_000 });
  });

  it("answers GET /api/v1/attribution with the same numbers, naming a bad field", async () => {
    const get = (query: string) =>
      fetch(new URL(`/api/v1/attribution${query}`, server.url), {
        headers: { authorization: `Bearer ${apiKey}` },
      });
    const response = await get(`?model=first_touch&from=${period.from}&to=${period.to}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReturnType<typeof attributionToJson>;
    expect(body.model).toBe("first_touch");
    expect(body.markov_chain).toBeNull();
    expect(body.by_source.map((row) => [row.key, row.won_cents])).toEqual([
      ["LinkedIn", 3_000_000],
      ["Google Ads", 1_000_000],
    ]);
    const bad = await get("?model=magic&from=2026-11-01");
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["model", "to"]));
    expect((await fetch(new URL("/api/v1/attribution", server.url))).status).toBe(401);

    // Markov says what it learnt from: A and B, the leads touched in the year before the end.
    const markov = (await (
      await get(`?model=markov&from=${period.from}&to=${period.to}`)
    ).json()) as ReturnType<typeof attributionToJson>;
    expect(markov.markov_chain?.journeys).toBe(2);
    expect(Date.now() - Date.parse(markov.markov_chain?.learnt_at ?? "")).toBeLessThan(60_000);
    // Learning two journeys is quick: nothing is kept, the next report learns anew.
    expect(
      await server.db.select().from(keptChains).where(eq(keptChains.workspaceId, workspaceId)),
    ).toEqual([]);
  });

  it("shows the report and the models side by side, and tells a deal's story", async () => {
    const browser = await signedIn(server.url, adminEmail);
    const page = await (
      await browser.get(`/attribution?model=first_touch&from=${period.from}&to=${period.to}`)
    ).text();
    expect(page).toContain('data-testid="attribution"');
    expect(page).toContain("€30,000.00");
    expect(page).toContain('data-testid="compare"');
    expect(page).toContain("Data-driven (Markov)");
    expect(page).toContain(
      'data-testid="markov-chain">Data-driven (Markov) learnt its chain from 2 journeys',
    );
    // Markov asked for: its report streams in after the page's shell, with the rest.
    const markovPage = await (
      await browser.get(`/attribution?model=markov&from=${period.from}&to=${period.to}`)
    ).text();
    expect(markovPage).toContain('data-testid="attribution"');
    expect(markovPage).toContain('data-testid="markov-chain"');
    const invalid = await browser.get(
      "/attribution?model=first_touch&from=2026-12-01&to=2026-11-01",
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("`to` must be after `from`.");

    const story = (await (await browser.get(`/deals/${ids.dealA}?model=linear`)).text())
      .replace(/<!--.*?-->/g, "")
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, "&");
    expect(story).toContain(
      "This €30,000.00 deal began with a click on a LinkedIn ad on 1 Oct 2026, then a search for “wms software”, the webinar “Track & trace live”, and closed after 35 days and 0 conversations.",
    );
    expect(story.match(/data-testid="credit"[^>]*>33\.3%</g)).toHaveLength(3);
  });

  it("keeps a chain that was slow to learn, learns it again behind it when stale, and forgets it on import", async () => {
    const { db } = server;
    const end = new Date("2026-11-30T23:00:00Z"); // 1 December, Amsterdam's midnight
    let clock = new Date("2026-12-02T09:00:00Z");
    // Every chain counts as slow here (0 ms); fresh for an hour.
    const policy: ChainPolicy = { ...defaultChainPolicy, keepAfterMs: 0, now: () => clock };
    const first = await markovChains(db, workspaceId, end, ["source"], policy);
    expect(first.journeys).toBe(2);
    expect(first.learntAt).toEqual(clock);
    const kept = () =>
      db
        .select()
        .from(keptChains)
        .where(and(eq(keptChains.workspaceId, workspaceId), eq(keptChains.endAt, end)));
    expect((await kept()).map((chain) => [chain.dimension, chain.journeys])).toEqual([
      ["source", 2],
    ]);

    // A third lead, met at a trade fair and not converting: a channel the chain has not seen.
    await arriveLead(db, workspaceId, at("2026-11-10T12:00:00Z"), {
      source: "Events",
      company: "Zeeland Koel",
      touchpoints: [{ kind: "event", source: "Events", occurred_at: "2026-11-10T09:00:00Z" }],
    } as never);
    const channels = (chains: Awaited<ReturnType<typeof markovChains>>) =>
      [...(chains.effects.get("source")?.keys() ?? [])].sort();
    // Within the hour the kept chain is read as it was.
    clock = new Date("2026-12-02T09:30:00Z");
    const fresh = await markovChains(db, workspaceId, end, ["source"], policy);
    expect(fresh.learntAt).toEqual(first.learntAt);
    expect(fresh.effects).toEqual(first.effects);
    expect(channels(fresh)).toEqual(["Google Ads", "LinkedIn", "Webinar"]);
    expect(fresh.journeys).toBe(2);

    // Past the hour it is still served, and learnt again behind it.
    clock = new Date("2026-12-02T10:01:00Z");
    const stale = await markovChains(db, workspaceId, end, ["source"], policy);
    expect(stale.learntAt).toEqual(first.learntAt);
    await chainsLearnt();
    const relearnt = await markovChains(db, workspaceId, end, ["source"], policy);
    expect(relearnt.learntAt).toEqual(new Date("2026-12-02T10:01:00Z"));
    expect(relearnt.journeys).toBe(3);
    expect(channels(relearnt)).toEqual(["Events", "Google Ads", "LinkedIn", "Webinar"]);
    // As learnt without keeping.
    const unkept = { ...policy, keepAfterMs: Number.POSITIVE_INFINITY };
    expect(relearnt.effects).toEqual(
      (await markovChains(db, workspaceId, new Date(end.getTime() + 1), ["source"], unkept))
        .effects,
    );

    // An import forgets the workspace's kept chains.
    const [a] = await db
      .select({ email: leads.email })
      .from(leads)
      .where(eq(leads.id, ids.a as string));
    const created = await createImport({
      db,
      workspaceId,
      kind: "touchpoints",
      fileName: "touches.csv",
      csv: `email,kind,source,occurred_at\n${a?.email},page_view,Newsletter,2026-10-05 10:00\n`,
      createdByUserId: null,
    });
    await saveMapping({
      db,
      workspaceId,
      importId: created.id,
      mapping: created.mapping ?? {},
      preset: "baton",
      start: true,
    });
    expect(await runImport({ db, importId: created.id })).toEqual({ ran: true });
    expect(await kept()).toEqual([]);

    // Learnt while an import runs: not kept (the import may be changing what it read).
    clock = new Date("2026-12-03T09:00:00Z");
    await db
      .update(imports)
      .set({ status: "running", finishedAt: null, lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(imports.id, created.id));
    expect((await markovChains(db, workspaceId, end, ["source"], policy)).journeys).toBe(3);
    expect(await kept()).toEqual([]);
    // Learnt after it finished: kept.
    await db
      .update(imports)
      .set({ status: "done", finishedAt: new Date("2026-12-03T08:59:00Z"), lockedUntil: null })
      .where(eq(imports.id, created.id));
    await markovChains(db, workspaceId, end, ["source"], policy);
    expect((await kept()).map((chain) => chain.learntAt)).toEqual([clock]);
  });

  it("learns from every lead whichever range of ids it falls in, the ranges' edges included", async () => {
    // Learning reads the leads in ranges of their ids at once (leadIdRanges): leads at both
    // ends and on both sides of the split, each journey counted once and whole.
    const middle = "80000000-0000-0000-0000-000000000000";
    expect(leadIdRanges([middle])).toEqual([{ to: middle }, { from: middle }]);
    const { db } = server;
    const other = (await makeWorkspace(db, { name: "Rotterdam Cold Chain" })).workspace.id;
    const journeys = [
      { id: "00000000-0000-0000-0000-000000000000", path: ["LinkedIn", "Google Ads"], won: true },
      {
        id: "7fffffff-ffff-4fff-bfff-ffffffffffff",
        path: ["Google Ads", "Google Ads"],
        won: false,
      },
      { id: "80000000-0000-0000-0000-000000000000", path: ["LinkedIn", "Webinar"], won: true },
      { id: "ffffffff-ffff-4fff-bfff-ffffffffffff", path: ["Webinar"], won: false },
    ];
    for (const { id, path, won } of journeys) {
      await db.insert(leads).values({ id, workspaceId: other, source: path[0] });
      await db.insert(touchpoints).values(
        path.map((source, i) => ({
          workspaceId: other,
          leadId: id,
          kind: "ad_click" as const,
          source,
          occurredAt: new Date(Date.UTC(2026, 9, 1 + i)),
          dedupeKey: `${id} ${i}`,
        })),
      );
      if (won)
        await db.insert(deals).values({
          workspaceId: other,
          leadId: id,
          name: "Cold storage",
          amountCents: 1_000_000,
          stage: "closed_won",
          probability: 1,
          status: "won",
          openedAt: new Date("2026-10-10T00:00:00Z"),
          closedAt: new Date("2026-10-20T00:00:00Z"),
        });
    }
    const unkept = {
      ...defaultChainPolicy,
      keepAfterMs: Number.POSITIVE_INFINITY,
      splitAt: [middle],
    };
    const end = new Date("2026-11-30T23:00:00Z");
    const learnt = await markovChains(db, other, end, ["source"], unkept);
    expect(learnt.journeys).toBe(4);
    const expected = markovRemovalEffects({
      journeys: journeys.map(({ path, won }) => ({
        touches: path.map((channel) => ({ channel })),
        conversions: won ? 1 : 0,
        nulls: won ? 0 : 1,
      })),
    }).removalEffects;
    // The same chain, its channels perhaps met in another order: equal up to rounding.
    const effects = learnt.effects.get("source") ?? new Map<string, number>();
    expect([...effects.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [channel, effect] of expected)
      expect(effects.get(channel), channel).toBeCloseTo(effect, 12);
    // Every channel converts through some path here: a dropped range would change them.
    expect([...expected.values()].every((effect) => effect > 0)).toBe(true);
  });

  it("splits the leads where the table's statistics say, into ranges of about as many leads", async () => {
    // The app's ids are UUIDv7 (time first), older rows' random: the uuid space's halves would
    // put every new lead in the first one.
    const { db } = server;
    const mixed = (await makeWorkspace(db, { name: "Delft Reefer Lines" })).workspace.id;
    const made = [
      ...Array.from({ length: 300 }, () => ({ id: randomUUID() })),
      ...Array.from({ length: 900 }, () => ({ id: newId() })),
    ];
    await db.insert(leads).values(made.map(({ id }) => ({ id, workspaceId: mixed })));
    expect(made.filter(({ id }) => id < "80000000").length).toBeGreaterThan(1_000);
    await db.execute(sql`analyze leads`);
    const [bound] = await leadIdBounds(db, 2);
    const [row] = await rowsOf<{ below: number; total: number }>(
      db,
      sql`select count(*) filter (where id < ${bound}::uuid)::int as below, count(*)::int as total
        from leads`,
    );
    expect(row?.below).toBeGreaterThan((row?.total ?? 0) * 0.45);
    expect(row?.below).toBeLessThan((row?.total ?? 0) * 0.55);
  });

  // PGlite runs one transaction at a time: holding a lock there would block the page altogether.
  it.skipIf(!process.env.DATABASE_URL)(
    "sends the rule-based models while Markov's chain is still being learnt, then its column",
    async () => {
      const browser = await signedIn(server.url, adminEmail);
      // Markov's chain waits for its table, locked by another connection; the rest does not.
      const other = await openDatabase({ databaseUrl: server.database.url as string });
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const lockHeld = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holding = other.db.transaction(async (tx) => {
        await tx.execute(sql`lock table markov_chains in access exclusive mode`);
        locked();
        await released;
      });
      try {
        await lockHeld;
        // As a browser asks (a crawler, like Node's fetch by its user agent, waits for the whole).
        const response = await browser.get(
          `/attribution?model=linear&from=${period.from}&to=${period.to}`,
          { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0" },
        );
        expect(response.status).toBe(200);
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        const decoder = new TextDecoder();
        let html = "";
        while (!html.includes('data-testid="markov-learning"')) {
          const { value, done } = await reader.read();
          if (done) throw new Error("the page ended without saying Markov is learning");
          html += decoder.decode(value, { stream: true });
        }
        expect(html).toContain('data-testid="attribution"');
        expect(html).toContain('data-testid="compare"');
        expect(html).toContain("Data-driven (Markov) is learning its chain");
        expect(html).not.toContain('data-testid="markov-chain"');
        release();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
          html += decoder.decode(chunk.value, { stream: true });
        expect(html).toContain('data-testid="markov-chain"');
      } finally {
        release();
        await holding;
        await other.close();
      }
    },
  );
});
