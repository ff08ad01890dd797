// 100,000 journeys for timing the attribution models in-process, in the shape the report feeds
// them (app/attribution/report.server.ts: journeyOf, asJourney): per lead and per dimension
// (source, campaign, content), the touches that name one up to the conversion (else the lead's
// own as its one touch), each with its age in days.
// Loaded from the bench database: a fixed sample of the workspace's leads, converting when the
// lead has a won deal (at its close, valued at its amount), else running to the data's end — the
// population Markov learns from. When the database holds fewer leads (--quick), the rest is
// synthesised from a seeded PRNG with the same channels and lengths.
import type postgres from "postgres";
import type { Journey } from "../../app/attribution/models";
import { mulberry32 } from "../../db/seed/demo-leads";

const DAY = 86_400_000;

export const dimensions = ["source", "campaign", "content"] as const;
export type Dimension = (typeof dimensions)[number];
export type JourneySets = Record<Dimension, Journey[]>;

interface SampleLead {
  id: string;
  source: string | null;
  campaign: string | null;
  content: string | null;
  won_at: Date | null;
  amount_cents: string | null;
}

interface SampleTouch {
  lead_id: string;
  source: string | null;
  campaign: string | null;
  content: string | null;
  occurred_at: Date;
}

export async function loadJourneys(
  sql: postgres.Sql,
  options: { workspaceId: string; end: Date; count: number },
): Promise<{ journeys: JourneySets; loaded: number; channels: number; touches: number }> {
  // A fixed sample, spread over the whole year: ordered by a hash of the id.
  const sample = await sql<SampleLead[]>`
    select l.id, l.source, l.campaign, l.content, w.closed_at as won_at, w.amount_cents::text as amount_cents
    from leads l
    left join lateral (
      select d.closed_at, d.amount_cents from deals d
      where d.lead_id = l.id and d.status = 'won' and d.closed_at <= ${options.end}
      order by d.closed_at limit 1
    ) w on true
    where l.workspace_id = ${options.workspaceId} and l.created_at < ${options.end}
    order by md5(l.id::text)
    limit ${options.count}`;
  const touches = new Map<string, SampleTouch[]>();
  const ids = sample.map((lead) => lead.id);
  for (let i = 0; i < ids.length; i += 10_000) {
    const chunk = ids.slice(i, i + 10_000);
    const rows = await sql<SampleTouch[]>`
      select lead_id, source, campaign, content, occurred_at from touchpoints
      where workspace_id = ${options.workspaceId} and lead_id = any(${chunk}::uuid[])
      order by lead_id, occurred_at, id`;
    for (const row of rows) {
      const list = touches.get(row.lead_id) ?? [];
      list.push(row);
      touches.set(row.lead_id, list);
    }
  }
  const journeyOf = (lead: SampleLead, dimension: Dimension): Journey => {
    const at = lead.won_at ?? options.end;
    const before = (touches.get(lead.id) ?? []).filter((t) => t.occurred_at <= at);
    const named = before.filter((t) => t[dimension] !== null);
    const path = named.length
      ? named.map((t) => ({ channel: t[dimension] as string, occurredAt: t.occurred_at }))
      : [{ channel: lead[dimension] ?? "(none)", occurredAt: before[0]?.occurred_at ?? at }];
    return {
      touches: path.map((t) => ({
        channel: t.channel,
        daysBeforeConversion: Math.max(0, (at.getTime() - t.occurredAt.getTime()) / DAY),
      })),
      converted: lead.won_at !== null,
      value: lead.won_at ? Number(lead.amount_cents) : 0,
    };
  };
  const sets = {} as JourneySets;
  for (const dimension of dimensions) {
    const journeys = sample.map((lead) => journeyOf(lead, dimension));
    if (journeys.length < options.count)
      journeys.push(...synthesizeJourneys(options.count - journeys.length, journeys));
    sets[dimension] = journeys;
  }
  const all = dimensions.flatMap((dimension) => sets[dimension]);
  return {
    journeys: sets,
    loaded: sample.length,
    channels: new Set(all.flatMap((j) => j.touches.map((t) => t.channel))).size,
    touches: all.reduce((sum, journey) => sum + journey.touches.length, 0),
  };
}

const defaultChannels = [
  "google_ads",
  "linkedin",
  "organic_search",
  "webinar",
  "event",
  "newsletter",
  "referral",
  "facebook",
  "partner",
  "direct",
  "outbound",
  "content_syndication",
];

/**
 * Journeys from a seeded PRNG: channels (and their mix) and path lengths drawn like `like`'s
 * when it has any, else from a dozen typical channels; 1–12 touches over up to 180 days; about
 * 3% converting, valued €5,000–€100,000.
 */
export function synthesizeJourneys(count: number, like: readonly Journey[] = []): Journey[] {
  // Seeded: the same journeys on every run and machine.
  const random = mulberry32(20_240_601);
  const pool = like.length
    ? like.flatMap((journey) => journey.touches.map((touch) => touch.channel))
    : defaultChannels.flatMap((channel, i) =>
        new Array<string>(defaultChannels.length - i).fill(channel),
      );
  const lengths = like.length ? like.map((journey) => journey.touches.length) : [];
  const journeys: Journey[] = [];
  for (let i = 0; i < count; i++) {
    const n = lengths.length
      ? (lengths[Math.floor(random() * lengths.length)] as number)
      : 1 + Math.floor(random() ** 2 * 12);
    const span = random() * 180;
    const ages = Array.from({ length: n }, () => random() * span).sort((a, b) => b - a);
    const converted = random() < 0.03;
    journeys.push({
      touches: ages.map((age) => ({
        channel: pool[Math.floor(random() * pool.length)] as string,
        daysBeforeConversion: age,
      })),
      converted,
      value: converted ? Math.round(500_000 + random() * 9_500_000) : 0,
    });
  }
  return journeys;
}
