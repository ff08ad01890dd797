// The demo's weekly syncs: the settings (Tuesday 10:00, Sanne facilitating, a Slack channel) and
// the last twelve syncs as they were held: each one's agenda built from the data of its week,
// ~30 minutes over three blocks, notes, decisions and action items. Items from older syncs were
// done within a few weeks; the last two syncs' items are still open and carry over to this
// week's agenda. Dates are relative to `now`.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns/addDays";
import { sql } from "drizzle-orm";
import { localDate } from "../../app/sla/periods";
import { buildAgenda } from "../../app/sync/agenda.server";
import { closeTiming, freezeAgenda, moveTiming, type SyncBlock } from "../../app/sync/meetings";
import type { Database } from "../client";
import type { SlaSide, SyncNoteKind } from "../enums";
import {
  actionItems,
  type SyncBlockTiming,
  syncMeetings,
  syncNotes,
  syncSettings,
} from "../schema";
import type { DemoMember } from "./demo-leads";

const zone = "Europe/Amsterdam";
const MINUTE = 60_000;
type Who = "eva" | "sanne" | "lars" | "daan" | "fleur" | "ruben";

interface DemoSync {
  /** Minutes each block actually took, in order: the sync is run to time, roughly. */
  blocks: [number, number, number];
  entries: (
    | { block: SyncBlock; kind: SyncNoteKind; body: string; by: Who }
    | { block: SyncBlock; item: string; owner: Who; dueInDays: number; side: SlaSide }
  )[];
}

// Oldest first: twelve weeks ago … last week.
const syncs: DemoSync[] = [
  {
    blocks: [10, 11, 9],
    entries: [
      {
        block: 1,
        kind: "note",
        body: "Google Ads delivers most MQLs; warehouse-management campaign starts next week.",
        by: "sanne",
      },
      {
        block: 2,
        kind: "decision",
        body: "Reps file feedback the same day, from Slack, on every rejected lead.",
        by: "daan",
      },
      {
        block: 2,
        item: "Walk the sales team through the five-field feedback form in Slack",
        owner: "daan",
        dueInDays: 7,
        side: "sales",
      },
      {
        block: 3,
        kind: "note",
        body: "Sales asks for a one-page price sheet for carriers.",
        by: "fleur",
      },
    ],
  },
  {
    blocks: [9, 12, 10],
    entries: [
      {
        block: 1,
        kind: "note",
        body: "Webinar on track & trace brought 14 registrations, 5 MQLs.",
        by: "lars",
      },
      {
        block: 2,
        kind: "note",
        body: "Two partner referrals were existing customers asking about a re-order.",
        by: "ruben",
      },
      {
        block: 2,
        kind: "decision",
        body: "Re-orders from existing customers are not leads; partners send them to account management.",
        by: "eva",
      },
      {
        block: 2,
        item: "Tell partners where re-orders go (one e-mail, with the account managers' names)",
        owner: "sanne",
        dueInDays: 10,
        side: "marketing",
      },
      {
        block: 3,
        item: "Carrier price sheet, first draft",
        owner: "lars",
        dueInDays: 14,
        side: "marketing",
      },
    ],
  },
  {
    blocks: [11, 10, 10],
    entries: [
      { block: 1, kind: "note", body: "MQLs on pace; LinkedIn slower than planned.", by: "sanne" },
      {
        block: 2,
        kind: "note",
        body: "Recurring objection: 'we already have a TMS'. Three times this week.",
        by: "fleur",
      },
      {
        block: 2,
        item: "Battle card: Baton TMS integrations vs. replacing the TMS",
        owner: "lars",
        dueInDays: 14,
        side: "marketing",
      },
      {
        block: 3,
        kind: "decision",
        body: "Logistica trade fair: every scanned badge goes in as source 'Logistica', triaged within a day.",
        by: "daan",
      },
    ],
  },
  {
    blocks: [10, 10, 12],
    entries: [
      {
        block: 1,
        kind: "note",
        body: "Logistica week: 60+ badge scans, most incomplete (no company size).",
        by: "lars",
      },
      {
        block: 2,
        kind: "decision",
        body: "Incomplete fair leads stay held back until marketing completes company size and job title.",
        by: "sanne",
      },
      {
        block: 2,
        item: "Complete company size and job title on the Logistica scans",
        owner: "lars",
        dueInDays: 5,
        side: "marketing",
      },
      {
        block: 2,
        item: "Call every complete Logistica lead within 4 business hours",
        owner: "daan",
        dueInDays: 7,
        side: "sales",
      },
      {
        block: 3,
        kind: "note",
        body: "Whitepaper on empty kilometres goes out in two weeks.",
        by: "sanne",
      },
    ],
  },
  {
    blocks: [9, 11, 10],
    entries: [
      {
        block: 1,
        kind: "note",
        body: "Facebook Q3 whitepaper leads: many small companies.",
        by: "fleur",
      },
      {
        block: 2,
        kind: "note",
        body: "8 of 10 Facebook leads were under 10 employees, outside target.",
        by: "ruben",
      },
      {
        block: 2,
        kind: "decision",
        body: "Facebook audience excludes companies under 10 employees from next week.",
        by: "sanne",
      },
      {
        block: 2,
        item: "Exclude companies under 10 from the Facebook audience",
        owner: "sanne",
        dueInDays: 7,
        side: "marketing",
      },
    ],
  },
  {
    blocks: [10, 12, 9],
    entries: [
      { block: 1, kind: "note", body: "Fewer Facebook MQLs, acceptance up.", by: "sanne" },
      {
        block: 2,
        kind: "note",
        body: "Ruben late on first contact four times; he covered for Fleur's holiday.",
        by: "daan",
      },
      {
        block: 2,
        kind: "decision",
        body: "During holidays the pool re-assigns after a breach instead of waiting.",
        by: "daan",
      },
      {
        block: 2,
        item: "Turn on re-assignment on breach for the inside-sales pool",
        owner: "eva",
        dueInDays: 3,
        side: "sales",
      },
      {
        block: 3,
        item: "Case study: cold-chain shipper (sales asked twice)",
        owner: "lars",
        dueInDays: 21,
        side: "marketing",
      },
    ],
  },
  {
    blocks: [11, 10, 11],
    entries: [
      { block: 1, kind: "note", body: "Organic search up after the whitepaper.", by: "lars" },
      {
        block: 2,
        kind: "note",
        body: "Objection 'timing — after peak season' heard five times.",
        by: "fleur",
      },
      {
        block: 2,
        kind: "decision",
        body: "Peak-season leads go to nurture with a January follow-up, not rejected.",
        by: "daan",
      },
      {
        block: 2,
        item: "Nurture track 'after peak season' with a January webinar invite",
        owner: "sanne",
        dueInDays: 14,
        side: "marketing",
      },
    ],
  },
  {
    blocks: [10, 11, 10],
    entries: [
      { block: 1, kind: "note", body: "MQL volume 8% under pace.", by: "sanne" },
      {
        block: 2,
        kind: "note",
        body: "Feedback completion up to 90% since the Slack form.",
        by: "daan",
      },
      {
        block: 3,
        kind: "decision",
        body: "Newsletter this month features the carrier onboarding checklist.",
        by: "lars",
      },
      {
        block: 3,
        item: "Send sales the webinar slides as a follow-up kit",
        owner: "lars",
        dueInDays: 7,
        side: "marketing",
      },
    ],
  },
  {
    blocks: [9, 10, 11],
    entries: [
      {
        block: 1,
        kind: "note",
        body: "Google Ads CPCs up; fewer clicks, same number of MQLs.",
        by: "sanne",
      },
      {
        block: 2,
        kind: "note",
        body: "Two SQLs from the cold-chain case study already.",
        by: "ruben",
      },
      {
        block: 2,
        item: "Share the two cold-chain SQL stories with marketing for the next campaign",
        owner: "ruben",
        dueInDays: 7,
        side: "sales",
      },
      {
        block: 3,
        kind: "note",
        body: "Sales would like a Dutch and a German version of the price sheet.",
        by: "fleur",
      },
    ],
  },
  {
    blocks: [10, 12, 10],
    entries: [
      {
        block: 1,
        kind: "note",
        body: "LinkedIn campaign on warehouse automation delivered above pace.",
        by: "lars",
      },
      {
        block: 2,
        kind: "decision",
        body: "Job titles below team lead are nurtured first, not sent to sales.",
        by: "sanne",
      },
      {
        block: 2,
        item: "Propose the MQL definition change on seniority (v2)",
        owner: "sanne",
        dueInDays: 10,
        side: "marketing",
      },
      { block: 3, item: "German price sheet", owner: "lars", dueInDays: 21, side: "marketing" },
    ],
  },
  {
    blocks: [10, 11, 10],
    entries: [
      { block: 1, kind: "note", body: "MQLs on pace; acceptance 68%.", by: "sanne" },
      {
        block: 2,
        kind: "note",
        body: "Feedback: several leads had no company size again (web form).",
        by: "fleur",
      },
      {
        block: 2,
        kind: "decision",
        body: "Company size becomes a required field on the demo-request form.",
        by: "sanne",
      },
      {
        block: 2,
        item: "Make company size required on the demo-request form",
        owner: "lars",
        dueInDays: 7,
        side: "marketing",
      },
      {
        block: 2,
        item: "Review the v2 MQL proposal with the sales team",
        owner: "daan",
        dueInDays: 10,
        side: "sales",
      },
    ],
  },
  {
    blocks: [11, 10, 9],
    entries: [
      {
        block: 1,
        kind: "note",
        body: "Google Ads and Organic together 60% of MQLs this week.",
        by: "sanne",
      },
      {
        block: 2,
        kind: "note",
        body: "Objection 'already have a TMS' down since the battle card.",
        by: "fleur",
      },
      {
        block: 2,
        item: "Follow up the three oldest accepted leads without an attempt",
        owner: "fleur",
        dueInDays: 5,
        side: "sales",
      },
      {
        block: 3,
        kind: "decision",
        body: "January webinar: 'Peak season post-mortem', invite the nurture track.",
        by: "lars",
      },
      {
        block: 3,
        item: "Webinar landing page and invite",
        owner: "lars",
        dueInDays: 14,
        side: "marketing",
      },
    ],
  },
];

/** Tuesday 10:00 in Amsterdam, `weeksAgo` weeks before this week's. */
function tuesdayAt10(now: Date, weeksAgo: number) {
  const local = new TZDate(now.getTime(), zone);
  const mondayOffset = (local.getDay() + 6) % 7;
  const tuesday = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() - mondayOffset + 1 - weeksAgo * 7,
    10,
    0,
    0,
    zone,
  );
  return new Date(tuesday.getTime());
}

export async function seedDemoMeetings(options: {
  db: Database;
  workspaceId: string;
  members: DemoMember[];
  now: Date;
  log: (line: string) => void;
}) {
  const { db, workspaceId, now } = options;
  const who = (first: Who) => {
    const member = options.members.find((m) => m.name.toLowerCase().startsWith(first));
    if (!member) throw new Error(`The demo has no ${first}`);
    return member.userId;
  };
  await db.insert(syncSettings).values({
    workspaceId,
    weekday: "tuesday",
    startTime: "10:00",
    slackChannelId: "C07SYNC2026",
    facilitatorUserId: who("sanne"),
    updatedAt: addDays(tuesdayAt10(now, syncs.length + 1), -7),
  });

  let items = 0;
  let open = 0;
  // This week's sync is among them once its half hour is over; otherwise the last twelve weeks'.
  const heldThisWeek = now.getTime() >= tuesdayAt10(now, 0).getTime() + 35 * MINUTE;
  const newest = heldThisWeek ? 0 : 1;
  for (const [index, sync] of syncs.entries()) {
    const weeksAgo = syncs.length - 1 - index + newest;
    const startedAt = new Date(tuesdayAt10(now, weeksAgo).getTime() + (index % 3) * MINUTE);
    const agenda = await buildAgenda({
      db,
      workspaceId,
      weekStart: localDate(startedAt, zone),
      now: startedAt,
    });
    let timings: SyncBlockTiming[] = [];
    let at = startedAt.getTime();
    const blockStart: number[] = [];
    for (const [i, minutes] of sync.blocks.entries()) {
      const block = (i + 1) as SyncBlock;
      timings = moveTiming(timings, block, new Date(at));
      blockStart.push(at);
      at += minutes * MINUTE;
    }
    const endedAt = new Date(at);
    timings = closeTiming(timings, endedAt);
    const [meeting] = await db
      .insert(syncMeetings)
      .values({
        workspaceId,
        weekStart: agenda.week.startDate,
        status: "ended",
        agenda: freezeAgenda(agenda),
        facilitatorUserId: who("sanne"),
        startedByUserId: who("sanne"),
        startedAt,
        currentBlock: 3,
        blockStartedAt: new Date(blockStart[2] ?? at),
        blockTimings: timings,
        endedAt,
        endedByUserId: who("sanne"),
      })
      .returning({ id: syncMeetings.id });
    if (!meeting) throw new Error("The demo sync was not stored");
    // Entries spread over their block, a couple of minutes apart.
    const written = new Map<number, number>();
    const when = (block: SyncBlock) => {
      const n = written.get(block) ?? 0;
      written.set(block, n + 1);
      return new Date((blockStart[block - 1] ?? at) + (2 + n * 3) * MINUTE);
    };
    for (const entry of sync.entries) {
      const createdAt = when(entry.block);
      if ("kind" in entry) {
        await db.insert(syncNotes).values({
          workspaceId,
          meetingId: meeting.id,
          block: entry.block,
          kind: entry.kind,
          body: entry.body,
          authorUserId: who(entry.by),
          createdAt,
        });
        continue;
      }
      const due = addDays(startedAt, entry.dueInDays);
      // The last two weeks' items are still open; older ones were done around their due date.
      // (…and one not done by now is open too: nothing is closed in the future.)
      const doneAt = addDays(due, (index % 4) - 1);
      const stillOpen = weeksAgo <= newest + 1 || doneAt >= now;
      const closedAt = stillOpen ? null : doneAt;
      items += 1;
      if (stillOpen) open += 1;
      await db.insert(actionItems).values({
        workspaceId,
        title: entry.item,
        side: entry.side,
        ownerUserId: who(entry.owner),
        dueOn: localDate(due, zone),
        status: stillOpen ? "open" : "done",
        origin: "sync",
        syncMeetingId: meeting.id,
        syncBlock: entry.block,
        createdAt,
        closedAt,
        closedByUserId: closedAt ? who(entry.owner) : null,
      });
    }
  }
  const [notes] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(syncNotes)
    .where(sql`${syncNotes.workspaceId} = ${workspaceId}`);
  options.log(
    `Weekly syncs: ${syncs.length} held (Tuesdays 10:00, Sanne facilitating), ${notes?.n ?? 0} notes and decisions, ${items} action items (${open} still open)`,
  );
}
