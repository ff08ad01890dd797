// The large workspace's year, lead by lead (bench/generate.ts). Each lead is simulated on its own
// from a PRNG seeded by (seed, lead number): where it came from, its touches, whether the real
// MQL evaluation (app/definitions/criteria.ts) makes it an MQL or holds it back, the rep the
// region's pool gives it, what the rep does (attempts, accept or reject, SQL, the deal and its
// end), the five-field feedback, and the SLA clocks all that starts and stops — with the same
// rules as app/sla/clocks.server.ts and the sweeper. Nothing happens at or after `to`.
import type { CriteriaGroup, EvaluatedTouchpoint } from "../../app/definitions/criteria";
import { evaluateDefinition } from "../../app/definitions/criteria";
import type {
  ActivityKind,
  FeedbackOutcome,
  LeadStatus,
  SlaClockKind,
  SlaClockState,
  TouchpointKind,
} from "../../db/enums";
import { type BusinessCalendar, DAY, HOUR } from "./generate-calendar";
import { hash32, mix32, Random, UuidFactory, uuidTags, Weighted } from "./generate-random";
import {
  blogPosts,
  downloads,
  emailLocal,
  facebookCampaigns,
  fairs,
  forms,
  googleCampaigns,
  googleTerms,
  jobTitles,
  linkedinCampaigns,
  makeCompany,
  nextSteps,
  nurtureCampaigns,
  organicTerms,
  partners,
  personName,
  pricingUrl,
  type Region,
  reasonTexts,
  regionNames,
  regions,
  regionTable,
  rejectFeedback,
  rejectReasons,
  type Source,
  site,
  sourceProfiles,
  sourceTables,
  webinarTopics,
} from "./generate-vocabulary";

const MINUTE = 60_000;

/** The agreement's sales terms (app/sla/terms.ts defaultSlaTerms) the clocks follow. */
export interface SalesTerms {
  firstContactHours: number;
  attempts: number;
  attemptDays: number;
  feedbackHours: number;
  escalationHours: number;
  /** The owner's Nth breach within the window goes to the team lead at once. */
  repeatBreaches: number;
  repeatWindowDays: number;
}

export interface RepSetup {
  userId: string;
  name: string;
  email: string;
  region: Region;
}

export interface WorldSetup {
  workspaceId: string;
  definition: { id: string; version: number; rules: CriteriaGroup; requiredFields: string[] };
  agreementId: string;
  terms: SalesTerms;
  reps: RepSetup[];
  pools: Record<
    Region,
    { poolId: string; name: string; ruleId: string; ruleName: string; rulePosition: number }
  >;
  noRegionRule: { ruleId: string; ruleName: string; rulePosition: number };
  marketers: string[];
  calendar: BusinessCalendar;
}

export interface Rep extends RepSetup {
  index: number;
  /** Median business hours to the first attempt. */
  speed: number;
  /** Attempts per accepted lead (mean). */
  attempts: number;
  acceptBias: number;
  feedbackChance: number;
  /** Median business hours from an outcome to the feedback form. */
  feedbackDelay: number;
  absences: [number, number][];
}

interface Webinar {
  at: number;
  topic: string;
  campaign: string;
}

interface Fair {
  name: string;
  start: number;
  end: number;
  region: Region;
}

export interface PlanTouch {
  kind: TouchpointKind;
  source: string | null;
  campaign: string | null;
  content: string | null;
  contentType: string | null;
  url: string | null;
  term: string | null;
  at: number;
}

export interface PlanEvent {
  from: LeadStatus | null;
  to: LeadStatus;
  at: number;
  actor: string | null;
  label: string | null;
  reason: string | null;
  version: string | null;
}

export interface PlanActivity {
  at: number;
  kind: ActivityKind;
  channel: "slack" | "web" | "api";
  note: string | null;
}

export interface PlanFeedback {
  at: number;
  outcome: FeedbackOutcome;
  reason: string;
  reasonText: string | null;
  missing: string[];
  objections: string[];
  nextStep: string | null;
  channel: "slack" | "web";
}

export interface PlanClock {
  kind: SlaClockKind;
  startedAt: number;
  warnAt: number;
  dueAt: number;
  target: number | null;
  state: SlaClockState;
  warnedAt: number | null;
  metAt: number | null;
  breachedAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
  /** For a breached clock: when it goes (or went) to the team lead. */
  escalateAt: number | null;
  escalatedAt: number | null;
}

export interface PlanDeal {
  name: string;
  amountCents: number;
  grossMargin: number | null;
  openedAt: number;
  status: "open" | "won" | "lost";
  closedAt: number | null;
  stage: string;
  probability: number;
  closeDate: string;
  updatedAt: number;
}

export interface LeadPlan {
  index: number;
  id: string;
  createdAt: number;
  receivedAt: number;
  updatedAt: number;
  externalId: string | null;
  email: string;
  firstName: string;
  lastName: string;
  company: string | null;
  companySize: number | null;
  industry: string | null;
  jobTitle: string | null;
  country: string | null;
  region: string | null;
  source: Source;
  campaign: string | null;
  content: string | null;
  partner: string | null;
  status: LeadStatus;
  owner: Rep | null;
  poolRegion: Region | null;
  routeReason: string | null;
  ruleId: string | null;
  ruleName: string | null;
  assignedAt: number | null;
  mqlAt: number | null;
  heldBackAt: number | null;
  qualification: string | null;
  touches: PlanTouch[];
  /** Touches besides the core ones, before the total is scaled to 5 per lead. */
  extraTouches: number;
  events: PlanEvent[];
  activities: PlanActivity[];
  feedback: PlanFeedback[];
  clocks: PlanClock[];
  deal: PlanDeal | null;
  /** Reached opportunity in the simulation (before the quota). */
  reachedOpportunity: boolean;
}

/** Decides, when a lead would become an opportunity, whether it does (the exact deal count). */
export interface FunnelControl {
  allowOpportunity(): boolean;
}

const weekdayFactor = [0.28, 1.1, 1.15, 1.1, 1.05, 0.9, 0.32]; // Sunday first (getUTCDay)
const monthFactor = [1.0, 1.05, 1.12, 1.02, 1.0, 0.95, 0.72, 0.66, 1.1, 1.15, 1.1, 0.78];

export class World {
  readonly reps: Rep[];
  readonly pools: Record<Region, { members: number[]; pointer: number }>;
  readonly webinars: Webinar[];
  readonly fairs: Fair[];
  readonly uuid: UuidFactory;
  readonly companiesPerRegion: Record<Region, number>;
  readonly days: number;
  /** Per rep: the breaches so far (due, detected), for the sweeper's repeat-offender rule. */
  readonly breachLog: { due: number; detected: number }[][];
  private readonly regionIndex: Record<Region, number> = { EMEA: 0, NA: 1, APAC: 2, LATAM: 3 };

  constructor(
    readonly setup: WorldSetup,
    readonly seed: number,
    readonly leads: number,
    readonly from: number,
    readonly to: number,
  ) {
    this.days = Math.round((to - from) / DAY);
    this.uuid = new UuidFactory(seed);
    const rng = new Random(hash32(seed, 0xbeef));
    this.reps = setup.reps.map((rep, index) => {
      rng.reseed(hash32(seed, index, 0x5a1e5));
      const absences: [number, number][] = [];
      for (let k = 0; k < 2; k++) {
        const start = from + rng.float() * (to - from);
        absences.push([start, start + rng.between(5, 15) * DAY]);
      }
      return {
        ...rep,
        index,
        speed: Math.min(6, Math.max(0.2, rng.logNormal(0.9, 0.55))),
        attempts: rng.between(2.6, 4.6),
        acceptBias: rng.between(0.92, 1.06),
        feedbackChance: rng.between(0.72, 0.97),
        feedbackDelay: Math.min(30, Math.max(0.3, rng.logNormal(3, 0.7))),
        absences,
      };
    });
    this.breachLog = this.reps.map(() => []);
    this.pools = Object.fromEntries(
      regionNames.map((region) => [
        region,
        {
          members: this.reps.filter((rep) => rep.region === region).map((rep) => rep.index),
          pointer: 0,
        },
      ]),
    ) as Record<Region, { members: number[]; pointer: number }>;
    const companies = Math.max(2_000, Math.round(leads * 0.35));
    this.companiesPerRegion = Object.fromEntries(
      regionNames.map((region) => [
        region,
        Math.max(200, Math.round((companies * regions[region].share) / 100)),
      ]),
    ) as Record<Region, number>;

    // Two webinars a month (2nd Tuesday, 4th Thursday, 15:00 UTC), topics in turn.
    this.webinars = [];
    const first = new Date(from - 40 * DAY);
    let topic = 0;
    for (let m = 0; m < 16; m++) {
      const y = first.getUTCFullYear();
      const month = first.getUTCMonth() + m;
      for (const [weekday, nth] of [
        [2, 2],
        [4, 4],
      ] as const) {
        const firstDay = new Date(Date.UTC(y, month, 1)).getUTCDay();
        const day = 1 + ((weekday - firstDay + 7) % 7) + (nth - 1) * 7;
        const at = Date.UTC(y, month, day, 15);
        const name = webinarTopics[topic++ % webinarTopics.length] as string;
        const ym = new Date(at).toISOString().slice(0, 7);
        this.webinars.push({ at, topic: name, campaign: `Webinar ${ym}: ${name}` });
      }
    }
    this.webinars.sort((a, b) => a.at - b.at);

    this.fairs = [];
    const fromYear = new Date(from).getUTCFullYear();
    for (const fair of fairs) {
      for (const year of [fromYear, fromYear + 1]) {
        const start = Date.UTC(year, fair.month, fair.day, 8);
        if (start >= from && start + fair.days * DAY < to) {
          this.fairs.push({
            name: fair.name.replace("{Y}", String(year)),
            start,
            end: start + (fair.days - 1) * DAY + 10 * HOUR,
            region: fair.region,
          });
        }
      }
    }
  }

  /** A fair on, or over less than a week ago, in the region. */
  recentFair(region: Region, at: number): Fair | null {
    for (const fair of this.fairs)
      if (fair.region === region && at >= fair.start && at < fair.end + 7 * DAY) return fair;
    return null;
  }

  /** Leads per day: weekday, season, a year's growth, fairs, and day-to-day noise. */
  dayCounts(): number[] {
    const rng = new Random(hash32(this.seed, 0xda75));
    const weights: number[] = [];
    for (let d = 0; d < this.days; d++) {
      const start = this.from + d * DAY;
      const date = new Date(start + 12 * HOUR);
      let w = (weekdayFactor[date.getUTCDay()] ?? 1) * (monthFactor[date.getUTCMonth()] ?? 1);
      const dom = date.getUTCDate();
      if ((date.getUTCMonth() === 11 && dom >= 22) || (date.getUTCMonth() === 0 && dom <= 2))
        w *= 0.35;
      w *= 0.85 + (0.3 * d) / this.days;
      for (const fair of this.fairs)
        if (start + 12 * HOUR >= fair.start && start < fair.end + 5 * DAY)
          w *= 1 + (0.6 * regions[fair.region].share) / 100;
      w *= Math.exp(0.09 * rng.normal());
      weights.push(w);
    }
    const total = weights.reduce((sum, w) => sum + w, 0);
    const exact = weights.map((w) => (w / total) * this.leads);
    const counts = exact.map(Math.floor);
    let missing = this.leads - counts.reduce((sum, n) => sum + n, 0);
    const order = exact
      .map((value, day) => ({ day, rest: value - Math.floor(value) }))
      .sort((a, b) => b.rest - a.rest || a.day - b.day);
    for (const { day } of order) {
      if (missing <= 0) break;
      counts[day] = (counts[day] ?? 0) + 1;
      missing--;
    }
    return counts;
  }

  /** The day's leads: arrival instants (by the region's office hours) and regions, in order. */
  dayLeads(day: number, count: number): { at: number; region: Region }[] {
    const rng = new Random(hash32(this.seed, day, 0xd4));
    const start = this.from + day * DAY;
    const out: { at: number; region: Region }[] = [];
    for (let k = 0; k < count; k++) {
      const region = rng.weighted(regionTable);
      let hour = regions[region].utcHour + 3.2 * rng.normal();
      hour = ((hour % 24) + 24) % 24;
      const at = start + Math.floor(hour * HOUR + rng.float() * MINUTE);
      out.push({ at: Math.min(at, start + DAY - 1), region });
    }
    return out.sort((a, b) => a.at - b.at);
  }

  company(region: Region, u: number) {
    const k = Math.floor(this.companiesPerRegion[region] * u ** 1.6);
    const base = hash32(this.seed, this.regionIndex[region] * 10_000_000 + k, 0xc0);
    const numbers: number[] = [];
    let h = base;
    for (let i = 0; i < 9; i++) {
      h = mix32(h + 0x9e3779b9 + i);
      numbers.push(h / 4_294_967_296);
    }
    return makeCompany(region, numbers);
  }

  /** The next rep of the region's pool who is not away (round-robin, weight 1 each). */
  pickRep(region: Region, at: number): Rep {
    const pool = this.pools[region];
    const size = pool.members.length;
    for (let tries = 0; tries < size; tries++) {
      const rep = this.reps[pool.members[pool.pointer++ % size] as number] as Rep;
      if (!rep.absences.some(([start, end]) => at >= start && at < end)) return rep;
    }
    return this.reps[pool.members[pool.pointer++ % size] as number] as Rep;
  }

  webinarFor(at: number): { webinar: Webinar; live: boolean } {
    const upcoming = this.webinars.find((w) => w.at > at && w.at - at < 21 * DAY);
    if (upcoming) return { webinar: upcoming, live: true };
    let past = this.webinars[0] as Webinar;
    for (const w of this.webinars) if (w.at <= at) past = w;
    return { webinar: past, live: false };
  }
}

function touch(
  kind: TouchpointKind,
  at: number,
  fields: Partial<Omit<PlanTouch, "kind" | "at">>,
): PlanTouch {
  return {
    kind,
    at: Math.round(at),
    source: fields.source ?? null,
    campaign: fields.campaign ?? null,
    content: fields.content ?? null,
    contentType: fields.contentType ?? null,
    url: fields.url ?? null,
    term: fields.term ?? null,
  };
}

const ym = (at: number) => new Date(at).toISOString().slice(0, 7);
const quarterOf = (at: number) => {
  const d = new Date(at);
  return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
};

/** Moving here means the contact was reached: first contact and attempts are met. */
const contactReached: LeadStatus[] = ["sql", "opportunity", "won"];
/** Moving here ends the work on a lead: running contact clocks stop without a verdict. */
const workEnded: LeadStatus[] = ["rejected", "disqualified", "recycled", "lost"];
/** Outcomes the owner owes five-field feedback on (app/sla/clocks.server.ts feedbackOwedOn). */
const feedbackOwedOn: LeadStatus[] = ["rejected", "sql", "disqualified", "recycled"];

const activityKinds = new Weighted<ActivityKind>([
  ["call", 50],
  ["email", 30],
  ["linkedin", 12],
  ["other", 5],
  ["meeting", 3],
]);
const activityChannels = new Weighted<"slack" | "web" | "api">([
  ["slack", 45],
  ["web", 25],
  ["api", 30],
]);
const activityNotes = [
  "Left a voicemail",
  "No answer",
  "Sent follow-up e-mail",
  "Spoke briefly, call back tomorrow",
  "Connected on LinkedIn",
  null,
  null,
  null,
  null,
] as const;

/**
 * One lead's year. Deterministic: the lead's number and the world's seed decide everything, and
 * the world's round-robin state is advanced exactly once per routed lead.
 */
export function simulateLead(
  w: World,
  rng: Random,
  index: number,
  createdAt: number,
  region: Region,
  control: FunnelControl,
  detail: boolean,
): LeadPlan {
  const { setup } = w;
  const TO = w.to;
  const cal = setup.calendar;
  rng.reseed(hash32(w.seed, index, 1));

  // --- Who and where from ---
  const fair = w.recentFair(region, createdAt);
  const source = rng.weighted(fair ? sourceTables.withEvents : sourceTables.withoutEvents);
  const profile = sourceProfiles[source];
  let company = w.company(region, rng.float());
  if (source === "Facebook")
    for (let t = 0; t < 2 && company.size >= 50; t++) company = w.company(region, rng.float());
  if (source === "Outbound" || source === "Events")
    if (company.size < 50) company = w.company(region, rng.float());
  const person = personName(company.names, rng.float(), rng.float());
  const email = `${emailLocal(person.first, person.last, rng.float())}@${company.domain}`;
  let jobTitle: string | null = rng.chance(0.035) ? null : rng.weighted(jobTitles);
  const companySize = rng.chance(0.03) ? null : company.size;
  const industry = rng.chance(0.04) ? null : company.industry;
  let companyName: string | null = rng.chance(0.008) ? null : company.name;
  let country: string | null = rng.chance(0.015) ? null : company.country;
  const leadRegion: string | null = rng.chance(0.02) ? null : region;
  const externalId = rng.chance(0.65) ? `hs-${3_000_001 + index}` : null;
  const imported = source === "Events";
  const receivedAt = Math.min(
    TO - 1,
    imported
      ? Math.round(createdAt + rng.between(20 * MINUTE, 4 * HOUR))
      : Math.round(createdAt + rng.between(1_500, 90_000)),
  );

  // --- Touches: the first one (its source is the lead's), the conversion, buying signals ---
  const touches: PlanTouch[] = [];
  let lag = profile.lagDays === 0 ? 0 : Math.min(120, rng.logNormal(profile.lagDays, 1)) * DAY;
  lag = Math.max(0, Math.min(lag, createdAt - w.from - HOUR));
  const firstAt = createdAt - lag;
  let campaign: string | null = null;
  let content: string | null = null;
  let partner: string | null = null;
  let forcedDownload = false;
  let webinarAttendance: PlanTouch | null = null;
  switch (source) {
    case "Google Ads": {
      campaign = rng.weighted(googleCampaigns(region));
      const group = campaign.includes("Brand")
        ? "Brand"
        : campaign.includes("TMS")
          ? "TMS"
          : campaign.includes("Competitor")
            ? "Competitor"
            : "WMS";
      touches.push(
        touch("search_term", firstAt, {
          source,
          campaign,
          term: rng.pick(googleTerms[group] ?? []),
          url: `${site}/${group === "TMS" ? "tms" : "wms"}`,
        }),
      );
      break;
    }
    case "Organic": {
      const post = rng.pick(blogPosts);
      content = post.content;
      touches.push(
        touch("search_term", firstAt, {
          source,
          term: rng.pick(organicTerms),
          content: post.content,
          url: `${site}/blog/${post.slug}`,
        }),
      );
      break;
    }
    case "LinkedIn": {
      campaign = rng.weighted(linkedinCampaigns(region));
      forcedDownload = campaign.includes("Whitepaper");
      touches.push(
        touch("ad_click", firstAt, {
          source,
          campaign,
          content: forcedDownload
            ? "Sponsored: Warehouse automation ROI"
            : "Carousel: 3 warehouse KPIs",
          url: `${site}/${forcedDownload ? "resources/automation-roi" : "wms"}`,
        }),
      );
      break;
    }
    case "Facebook": {
      campaign = rng.weighted(facebookCampaigns);
      touches.push(
        touch("ad_click", firstAt, {
          source,
          campaign,
          content: "Video: picking in 60 seconds",
          url: `${site}/wms`,
        }),
      );
      break;
    }
    case "Email": {
      campaign = rng.chance(0.7) ? `Newsletter ${ym(firstAt)}` : rng.pick(nurtureCampaigns);
      const post = rng.pick(blogPosts);
      touches.push(
        touch("email_click", firstAt, {
          source,
          campaign,
          content: post.content,
          url: `${site}/blog/${post.slug}`,
        }),
      );
      break;
    }
    case "Webinar": {
      const { webinar, live } = w.webinarFor(createdAt);
      campaign = webinar.campaign;
      content = webinar.topic;
      touches.push(
        touch("form", createdAt, {
          source,
          campaign,
          content: `Webinar registration: ${webinar.topic}`,
          url: `${site}/webinars`,
        }),
      );
      if (!live)
        webinarAttendance = touch("webinar", createdAt + 5 * MINUTE, {
          source,
          campaign,
          content: `On demand: ${webinar.topic}`,
          url: `${site}/webinars`,
        });
      else if (rng.chance(0.55) && webinar.at < TO)
        webinarAttendance = touch("webinar", webinar.at, {
          source,
          campaign,
          content: webinar.topic,
          url: `${site}/webinars`,
        });
      break;
    }
    case "Events": {
      const f = fair as Fair;
      campaign = f.name;
      content = f.name;
      const at = createdAt < f.end ? createdAt : f.start + rng.float() * (f.end - f.start);
      touches.push(touch("event", Math.min(at, createdAt), { source, campaign, content: f.name }));
      break;
    }
    case "Partner": {
      partner = rng.weighted(partners);
      touches.push(touch("partner_referral", firstAt, { source, content: partner }));
      break;
    }
    case "Direct":
      touches.push(touch("page_view", firstAt, { source, url: `${site}/` }));
      break;
    case "Outbound": {
      campaign = `Outbound – ${region} – ${quarterOf(createdAt)}`;
      touches.push(
        touch("email_click", firstAt, {
          source,
          campaign,
          content: "Sequence step 2: customer story",
          url: `${site}/customers`,
        }),
      );
      break;
    }
  }
  // The conversion that made the lead (the webinar form and the fair scan already did).
  if (source !== "Webinar" && source !== "Events" && !(source === "Partner" && rng.chance(0.5))) {
    if (forcedDownload || rng.chance(profile.download)) {
      const item = forcedDownload
        ? (downloads[0] as (typeof downloads)[number])
        : rng.pick(downloads);
      content ??= item.content;
      touches.push(
        touch("content_download", createdAt, {
          source,
          campaign,
          content: item.content,
          contentType: item.contentType,
          url: `${site}/resources/${item.slug}`,
        }),
      );
    } else if (source === "Outbound") {
      touches.push(
        touch("form", createdAt, {
          source,
          campaign,
          content: "Meeting booked",
          url: `${site}/meet`,
        }),
      );
    } else {
      const form = rng.weighted(forms);
      touches.push(
        touch("form", createdAt, {
          source,
          campaign,
          content: form.content,
          url: `${site}${form.path}`,
        }),
      );
    }
  }
  if (rng.chance(profile.pricing)) {
    const window = Math.min(Math.max(lag, 2 * HOUR), 25 * DAY);
    touches.push(
      touch("page_view", Math.max(firstAt, createdAt - rng.float() * window), {
        url: pricingUrl,
        content: "Pricing",
        contentType: "pricing",
      }),
    );
  }
  if (webinarAttendance) touches.push(webinarAttendance);
  const extraTouches = Math.floor(rng.logNormal(2.05, 0.95));

  // --- Qualification: the real evaluation, when the lead arrives and when it moves later ---
  const evaluated = {
    email,
    first_name: person.first,
    last_name: person.last,
    company: companyName,
    company_size: companySize,
    industry,
    job_title: jobTitle,
    country,
    region: leadRegion,
  };
  const definition = setup.definition;
  const events: PlanEvent[] = [];
  let status: LeadStatus = "new";
  let last = createdAt - 1;
  const move = (
    to: LeadStatus,
    at: number,
    by: {
      actor?: string | null;
      label?: string | null;
      reason?: string | null;
      version?: string | null;
    },
  ): boolean => {
    const when = Math.max(Math.round(at), last + 1);
    if (when >= TO) return false;
    events.push({
      from: events.length === 0 ? null : status,
      to,
      at: when,
      actor: by.actor ?? null,
      label: by.label ?? null,
      reason: by.reason ?? null,
      version: by.version ?? null,
    });
    status = to;
    last = when;
    return true;
  };
  move("new", createdAt, {
    label: imported ? "csv import" : "api",
    reason: `Received from ${source}`,
  });
  // Set by judge(); an object, so the narrowing of `let`s does not hide the closure's writes.
  const verdict: { mqlAt: number | null; heldBackAt: number | null; qualification: string | null } =
    { mqlAt: null, heldBackAt: null, qualification: null };
  const judge = (at: number) => {
    if (status !== "new" || at >= TO) return;
    const seen: EvaluatedTouchpoint[] = [];
    for (const t of touches)
      if (t.at <= at)
        seen.push({
          kind: t.kind,
          url: t.url,
          content: t.content,
          contentType: t.contentType,
          occurredAt: new Date(t.at),
        });
    const evaluation = evaluateDefinition({
      lead: evaluated,
      touchpoints: seen,
      rules: definition.rules,
      requiredFields: definition.requiredFields,
      now: new Date(at),
    });
    const record = () =>
      detail
        ? JSON.stringify({
            versionId: definition.id,
            version: definition.version,
            qualifies: evaluation.qualifies,
            missingFields: evaluation.missingFields,
            results: evaluation.results,
            evaluatedAt: new Date(at).toISOString(),
          })
        : "";
    if (evaluation.qualifies) {
      if (
        move("mql", at, {
          label: "qualification",
          reason: `Meets MQL definition v${definition.version} with complete data`,
          version: definition.id,
        })
      ) {
        verdict.mqlAt = last;
        verdict.qualification = record();
      }
    } else if (evaluation.meetsCriteria && verdict.heldBackAt === null) {
      verdict.heldBackAt = at;
      verdict.qualification = record();
    }
  };
  judge(createdAt);
  if (webinarAttendance && webinarAttendance.at > createdAt) judge(webinarAttendance.at);
  if (status === "new" && verdict.heldBackAt !== null && rng.chance(0.55)) {
    // Marketing completes the data and the lead is judged again.
    const completedAt = cal.addBusinessHours(verdict.heldBackAt, rng.logNormal(6, 1));
    if (completedAt < TO) {
      if (!jobTitle) jobTitle = rng.weighted(jobTitles);
      if (!companyName) companyName = company.name;
      if (!country) country = company.country;
      evaluated.job_title = jobTitle;
      evaluated.company = companyName;
      evaluated.country = country;
      judge(completedAt);
    }
  }
  if (
    status === "new" &&
    verdict.heldBackAt === null &&
    (companySize ?? 0) >= 50 &&
    jobTitle &&
    companyName &&
    country &&
    rng.chance(0.08)
  ) {
    // Comes back later with a buying signal.
    const at = Math.round(createdAt + Math.min(200, rng.logNormal(12, 0.8)) * DAY);
    if (at < TO) {
      const item = rng.pick(downloads);
      touches.push(
        rng.chance(0.6)
          ? touch("page_view", at, { url: pricingUrl, content: "Pricing", contentType: "pricing" })
          : touch("content_download", at, {
              source: rng.chance(0.5) ? "Email" : null,
              campaign: null,
              content: item.content,
              contentType: item.contentType,
              url: `${site}/resources/${item.slug}`,
            }),
      );
      judge(at);
    }
  }

  const plan: LeadPlan = {
    index,
    id: w.uuid.makeAt(uuidTags.lead, index, receivedAt),
    createdAt,
    receivedAt,
    updatedAt: receivedAt,
    externalId,
    email,
    firstName: person.first,
    lastName: person.last,
    company: companyName,
    companySize,
    industry,
    jobTitle,
    country,
    region: leadRegion,
    source,
    campaign,
    content,
    partner,
    status,
    owner: null,
    poolRegion: null,
    routeReason: null,
    ruleId: null,
    ruleName: null,
    assignedAt: null,
    mqlAt: verdict.mqlAt,
    heldBackAt: verdict.heldBackAt,
    qualification: null,
    touches,
    extraTouches,
    events,
    activities: [],
    feedback: [],
    clocks: [],
    deal: null,
    reachedOpportunity: false,
  };
  const marketer = () => rng.pick(setup.marketers);

  if (verdict.mqlAt === null) {
    // Not an MQL: most wait with marketing; some are tidied up.
    const later = Math.round(createdAt + rng.between(7, 40) * DAY);
    if (jobTitle === "Student" && rng.chance(0.8))
      move("disqualified", later, { actor: marketer(), reason: "Student" });
    else if ((companySize ?? 99) < 10 && rng.chance(0.2))
      move("recycled", later, {
        actor: marketer(),
        reason: "Under 10 employees: small-business nurture track",
      });
    else if (rng.chance(0.05))
      move("recycled", later, { actor: marketer(), reason: "Not sales-ready: nurture track" });
    else if (rng.chance(0.035))
      move("disqualified", later, {
        actor: marketer(),
        reason: rng.pick(["Competitor", "Bad data", "Job seeker", "Wrong industry"]),
      });
  } else {
    simulateSales(w, rng, plan, verdict.mqlAt, region, control, move, marketer);
  }
  plan.status = status;
  plan.qualification = verdict.qualification;
  plan.updatedAt = Math.max(receivedAt, last);
  if (detail) deriveClocks(w, plan);
  return plan;
}

type Move = (
  to: LeadStatus,
  at: number,
  by: {
    actor?: string | null;
    label?: string | null;
    reason?: string | null;
    version?: string | null;
  },
) => boolean;

function simulateSales(
  w: World,
  rng: Random,
  plan: LeadPlan,
  mqlAt: number,
  region: Region,
  control: FunnelControl,
  move: Move,
  marketer: () => string,
) {
  const { setup } = w;
  const cal = setup.calendar;
  const TO = w.to;
  const profile = sourceProfiles[plan.source];
  // Routing: the region's rule and pool (no region: the EMEA pool, by its own rule).
  const poolRegion: Region = plan.region ? region : "EMEA";
  const pool = setup.pools[poolRegion];
  const rule = plan.region
    ? { id: pool.ruleId, name: pool.ruleName, position: pool.rulePosition }
    : {
        id: setup.noRegionRule.ruleId,
        name: setup.noRegionRule.ruleName,
        position: setup.noRegionRule.rulePosition,
      };
  const rep = w.pickRep(poolRegion, mqlAt);
  plan.owner = rep;
  plan.poolRegion = poolRegion;
  plan.assignedAt = mqlAt;
  plan.ruleId = rule.id;
  plan.ruleName = rule.name;
  plan.routeReason = `Rule ${rule.position} "${rule.name}": ${
    plan.region ? `region is ${plan.region}` : "region is empty"
  }; pool "${pool.name}": round-robin (weight 1 of ${w.pools[poolRegion].members.length})`;
  const owner = rep.userId;
  const activities = plan.activities;
  const feedback = plan.feedback;
  const workFrom = Math.max(mqlAt, plan.receivedAt);

  const attempt = (at: number, kind?: ActivityKind) => {
    if (at >= TO) return;
    activities.push({
      at: Math.round(at),
      kind: kind ?? rng.weighted(activityKinds),
      channel: rng.weighted(activityChannels),
      note: rng.pick(activityNotes),
    });
  };
  const fileFeedback = (at: number, form: Omit<PlanFeedback, "at" | "channel">) => {
    if (!rng.chance(rep.feedbackChance)) return;
    const filedAt = cal.addBusinessHours(at, Math.min(60, rng.logNormal(rep.feedbackDelay, 1)));
    if (filedAt >= TO) return;
    feedback.push({ ...form, at: filedAt, channel: rng.chance(0.72) ? "slack" : "web" });
  };
  const some = <T>(options: readonly T[], chance: number) =>
    options.filter(() => rng.chance(chance)) as T[];
  /** Attempts from the first one until `until` (exclusive), about `count` of them. */
  const attempts = (firstAt: number, count: number, until: number) => {
    let at = firstAt;
    for (let k = 0; k < count && at < until; k++) {
      attempt(at);
      at = cal.nextOpen(at + rng.logNormal(1.1, 0.7) * DAY * (k === 0 ? 0.6 : 1));
    }
  };

  // Never picked up (an SLA breach waiting for the weekly sync).
  if (rng.chance(0.025)) return;

  const contacted = !rng.chance(0.03);
  const firstContact = contacted
    ? cal.addBusinessHours(workFrom, Math.min(80, rng.logNormal(rep.speed, 0.8)))
    : Number.POSITIVE_INFINITY;
  let acceptChance = profile.accept * rep.acceptBias;
  if ((plan.companySize ?? 0) < 100) acceptChance *= 0.93;
  if (plan.jobTitle === "Student") acceptChance = 0;
  const accepted = rng.chance(acceptChance);

  if (!accepted) {
    const beforeContact = !contacted || rng.chance(0.45);
    const rejectedAt = beforeContact
      ? cal.addBusinessHours(workFrom, Math.min(60, rng.logNormal(2.5, 1.1)))
      : cal.addBusinessHours(firstContact, Math.min(20, rng.logNormal(0.5, 1)));
    if (!beforeContact || firstContact < rejectedAt) attempt(firstContact);
    const reason = plan.jobTitle === "Student" ? "Student" : rng.weighted(rejectReasons);
    if (move("rejected", rejectedAt, { actor: owner, reason })) {
      const form = rejectFeedback[reason] ?? rejectFeedback["No need"];
      if (form)
        fileFeedback(rejectedAt, {
          outcome: form.outcome,
          reason: form.reason,
          reasonText: rng.pick(reasonTexts[form.reason] ?? [null]),
          missing: some(form.missing, 0.5),
          objections: some(form.objections, 0.5),
          nextStep: rng.pick(nextSteps),
        });
      if (rng.chance(0.3))
        move("recycled", rejectedAt + rng.between(2, 10) * DAY, {
          actor: marketer(),
          reason: "Back to nurture after sales rejection",
        });
    }
    return;
  }

  const acceptedAt = contacted
    ? cal.addBusinessHours(firstContact, Math.min(16, rng.logNormal(0.4, 1)))
    : cal.addBusinessHours(workFrom, Math.min(40, rng.logNormal(3, 1)));
  if (
    !move("sal", acceptedAt, {
      actor: owner,
      reason: rng.chance(0.6) ? "Accepted in Slack" : "Accepted in Baton",
    })
  ) {
    attempts(firstContact, 2, TO);
    return;
  }
  const count = Math.max(1, rng.poisson(rep.attempts));
  const sqlAt = cal.nextOpen(acceptedAt + Math.min(90, rng.logNormal(6, 0.6)) * DAY);
  if (rng.chance(profile.sql)) {
    attempts(firstContact, count, sqlAt);
    if (rng.chance(0.6))
      attempt(Math.max(acceptedAt + 10 * MINUTE, sqlAt - rng.between(1, 6) * HOUR), "meeting");
    if (
      move("sql", sqlAt, {
        actor: owner,
        reason: rng.pick([
          "Need, budget and timing confirmed on the first call",
          "Decision-maker on the call; selection planned this half year",
          "Budget approved; wants to go live before peak season",
        ]),
      })
    ) {
      fileFeedback(sqlAt, {
        outcome: "accepted",
        reason: "good_fit",
        reasonText: rng.pick(reasonTexts.good_fit ?? [null]),
        missing: some(["timeline", "decision_maker", "current_solution"], 0.15),
        objections: some(["price", "integration", "needs_approval"], 0.2),
        nextStep: rng.pick(["Demo booked", "Proposal next week", "Site visit planned"]),
      });
      const opportunityAt = cal.nextOpen(sqlAt + Math.min(120, rng.logNormal(8, 0.55)) * DAY);
      const wouldOpen = rng.chance(profile.opportunity) && opportunityAt < TO;
      if (wouldOpen) plan.reachedOpportunity = true;
      if (wouldOpen && control.allowOpportunity()) {
        openDeal(w, rng, plan, opportunityAt, move, marketer);
      } else if (rng.chance(0.7)) {
        const recycle = rng.chance(0.55);
        const endAt = Math.round(sqlAt + rng.between(5, 40) * DAY);
        if (
          move(recycle ? "recycled" : "disqualified", endAt, {
            actor: owner,
            reason: recycle ? "Project postponed: back to nurture" : "No budget after all",
          })
        )
          fileFeedback(endAt, {
            outcome: recycle ? "recycled" : "disqualified",
            reason: recycle ? "bad_timing" : "no_budget",
            reasonText: null,
            missing: some(["budget", "timeline"], 0.3),
            objections: some(["price", "timing", "no_priority"], 0.4),
            nextStep: recycle ? "Call again next quarter" : null,
          });
      }
    }
  } else if (rng.chance(0.9)) {
    const endAt = cal.nextOpen(acceptedAt + rng.between(4, 35) * DAY);
    attempts(firstContact, count + 1, endAt);
    const recycle = rng.chance(0.55);
    const reason = recycle
      ? rng.pick(["Bad timing: no project before next year", "No response after 6 attempts"])
      : rng.pick(["No budget", "No need", "Staying with their current system"]);
    if (move(recycle ? "recycled" : "disqualified", endAt, { actor: owner, reason })) {
      const noResponse = reason.startsWith("No response");
      fileFeedback(endAt, {
        outcome: recycle ? (noResponse ? "no_response" : "recycled") : "disqualified",
        reason: recycle
          ? noResponse
            ? "other"
            : "bad_timing"
          : reason === "No budget"
            ? "no_budget"
            : "no_need",
        reasonText: noResponse ? "Six attempts by phone and e-mail, no answer" : null,
        missing: some(["budget", "timeline", "decision_maker"], 0.25),
        objections: some(["timing", "has_solution", "no_priority"], 0.35),
        nextStep: rng.pick(nextSteps),
      });
    }
  } else {
    attempts(firstContact, count, TO);
  }
}

const openStages = [
  { stage: "Discovery", probability: 0.2, days: 14 },
  { stage: "Demo", probability: 0.3, days: 30 },
  { stage: "Proposal", probability: 0.5, days: 55 },
  { stage: "Negotiation", probability: 0.7, days: 90 },
  { stage: "Contract sent", probability: 0.9, days: Number.POSITIVE_INFINITY },
] as const;

function openDeal(
  w: World,
  rng: Random,
  plan: LeadPlan,
  openedAt: number,
  move: Move,
  marketer: () => string,
) {
  const cal = w.setup.calendar;
  const size = plan.companySize ?? 50;
  const product =
    size < 50
      ? "Bench WMS Essentials"
      : size < 250
        ? "Bench WMS Professional"
        : "Bench WMS Enterprise";
  const withTms = rng.chance(0.3);
  const amountEuros = Math.min(
    2_000_000,
    (6_000 + Math.min(size, 5_000) * 110) * rng.logNormal(1, 0.45) * (withTms ? 1.35 : 1),
  );
  const amountCents = Math.max(100_000, Math.round(amountEuros / 100) * 10_000);
  const grossMargin = rng.chance(0.05)
    ? null
    : Math.round(
        Math.min(
          0.85,
          Math.max(0.2, (size > 500 ? 0.42 : size > 100 ? 0.55 : 0.66) + 0.06 * rng.normal()),
        ) * 100,
      ) / 100;
  if (!move("opportunity", openedAt, { label: "deal", reason: "Deal created in the CRM" })) return;
  const opened = plan.events[plan.events.length - 1]?.at ?? openedAt;
  const outcome = rng.weighted(
    new Weighted<"won" | "lost" | "open">([
      ["won", 33],
      ["lost", 47],
      ["open", 20],
    ]),
  );
  const closeAt = cal.nextOpen(opened + Math.min(220, rng.logNormal(42, 0.6)) * DAY);
  let status: "open" | "won" | "lost" = "open";
  let closedAt: number | null = null;
  if (outcome !== "open" && closeAt < w.to) {
    if (
      move(outcome, closeAt, {
        label: "deal",
        reason: outcome === "won" ? "Deal won in the CRM" : "Deal lost in the CRM",
      })
    ) {
      status = outcome;
      closedAt = plan.events[plan.events.length - 1]?.at ?? closeAt;
      if (outcome === "lost" && rng.chance(0.2))
        move("recycled", closedAt + rng.between(30, 90) * DAY, {
          actor: marketer(),
          reason: "Lost deal back to nurture for the next tender",
        });
    }
  }
  const age = (w.to - opened) / DAY;
  const stage =
    status === "won"
      ? { stage: "Closed won", probability: 1 }
      : status === "lost"
        ? { stage: "Closed lost", probability: 0 }
        : (openStages.find((s) => age < s.days) ?? openStages[openStages.length - 1]);
  const expected = Math.max(w.to + rng.between(3, 20) * DAY, opened + rng.logNormal(50, 0.5) * DAY);
  plan.deal = {
    name: `${plan.company ?? "Unknown company"} – ${product}${withTms ? " + TMS" : ""}`,
    amountCents,
    grossMargin,
    openedAt: opened,
    status,
    closedAt,
    stage: stage?.stage ?? "Proposal",
    probability: stage?.probability ?? 0.5,
    closeDate: cal.localDate(closedAt ?? expected),
    updatedAt: closedAt ?? Math.min(w.to - MINUTE, opened + rng.between(1, 20) * DAY),
  };
}

// ---------------------------------------------------------------------------------------------
// SLA clocks, as app/sla/clocks.server.ts and the sweeper would have left them at `to`

type ClockEvent =
  | { at: number; type: "attempt" }
  | { at: number; type: "reached" }
  | { at: number; type: "ended"; status: LeadStatus }
  | { at: number; type: "warn" }
  | { at: number; type: "breach" }
  | { at: number; type: "feedback" }
  | { at: number; type: "newer" };

function sweepDelay(w: World, index: number, salt: number) {
  return 5_000 + (hash32(w.seed, index, salt) % 55_000);
}

function runClock(
  w: World,
  clock: PlanClock,
  events: ClockEvent[],
  options: { countAttempts?: { from: number; due: number; target: number } },
) {
  const TO = w.to;
  events.sort((a, b) => a.at - b.at);
  let made = 0;
  for (const event of events) {
    if (event.at >= TO) break;
    const open = clock.state === "running" || clock.state === "breached";
    switch (event.type) {
      case "warn":
        if (clock.state === "running" && clock.warnedAt === null && event.at < clock.dueAt)
          clock.warnedAt = event.at;
        break;
      case "breach":
        if (clock.state === "running") {
          clock.state = "breached";
          clock.breachedAt = event.at;
        }
        break;
      case "attempt":
      case "reached":
      case "feedback": {
        if (!open || clock.metAt !== null) break;
        if (event.type === "attempt" && options.countAttempts) {
          const { from, due, target } = options.countAttempts;
          if (event.at >= from && event.at <= due) made++;
          if (made < target) break;
        }
        if (clock.state === "running" && event.at <= clock.dueAt) clock.state = "met";
        clock.metAt = event.at;
        break;
      }
      case "ended":
        if (clock.state === "running") {
          clock.state = "cancelled";
          clock.cancelledAt = event.at;
          clock.cancelReason = `lead ${event.status}`;
        }
        break;
      case "newer":
        if (clock.state === "running") {
          clock.state = "cancelled";
          clock.cancelledAt = event.at;
          clock.cancelReason = "a newer outcome";
        }
        break;
    }
  }
}

function newClock(
  kind: SlaClockKind,
  startedAt: number,
  warnAt: number,
  dueAt: number,
  target: number | null,
): PlanClock {
  return {
    kind,
    startedAt,
    warnAt,
    dueAt,
    target,
    state: "running",
    warnedAt: null,
    metAt: null,
    breachedAt: null,
    cancelledAt: null,
    cancelReason: null,
    escalateAt: null,
    escalatedAt: null,
  };
}

export function deriveClocks(w: World, plan: LeadPlan) {
  if (!plan.owner || plan.assignedAt === null) return;
  const cal = w.setup.calendar;
  const terms = w.setup.terms;
  const start = plan.assignedAt;
  const owner = plan.owner.userId;
  const activityEvents: ClockEvent[] = plan.activities.map((a) => ({ at: a.at, type: "attempt" }));
  const statusEvents: ClockEvent[] = [];
  for (const event of plan.events) {
    if (event.at < start) continue;
    if (contactReached.includes(event.to)) statusEvents.push({ at: event.at, type: "reached" });
    else if (workEnded.includes(event.to))
      statusEvents.push({ at: event.at, type: "ended", status: event.to });
  }
  const breaches = w.breachLog[plan.owner.index] ?? [];
  const escalate = (clock: PlanClock, salt: number) => {
    if (clock.state !== "breached" || clock.breachedAt === null) return;
    // The sweeper's repeat rule: the owner's Nth breach in the window goes up at once.
    const detected = clock.breachedAt;
    const since = detected - terms.repeatWindowDays * DAY;
    let prior = 0;
    for (let k = breaches.length - 1, looked = 0; k >= 0 && looked < 400; k--, looked++) {
      const earlier = breaches[k] as { due: number; detected: number };
      if (earlier.detected < detected && earlier.due >= since) prior++;
    }
    breaches.push({ due: clock.dueAt, detected });
    if (prior + 1 >= terms.repeatBreaches) {
      clock.escalatedAt = detected;
      return;
    }
    const at = cal.addBusinessHours(clock.dueAt, terms.escalationHours);
    if (clock.metAt !== null && clock.metAt <= at) return;
    clock.escalateAt = at;
    const seen = at + sweepDelay(w, plan.index, salt);
    if (seen < w.to) clock.escalatedAt = seen;
  };

  const firstContact = newClock(
    "first_contact",
    start,
    cal.addBusinessHours(start, terms.firstContactHours * 0.75),
    cal.addBusinessHours(start, terms.firstContactHours),
    null,
  );
  runClock(
    w,
    firstContact,
    [
      ...activityEvents,
      ...statusEvents,
      { at: firstContact.warnAt + sweepDelay(w, plan.index, 11), type: "warn" },
      { at: firstContact.dueAt + sweepDelay(w, plan.index, 12), type: "breach" },
    ],
    {},
  );
  escalate(firstContact, 13);
  const attemptsDue = start + terms.attemptDays * DAY;
  const attempts = newClock(
    "attempts",
    start,
    start + Math.round((attemptsDue - start) * 0.75),
    attemptsDue,
    terms.attempts,
  );
  runClock(
    w,
    attempts,
    [
      ...activityEvents,
      ...statusEvents,
      { at: attempts.warnAt + sweepDelay(w, plan.index, 21), type: "warn" },
      { at: attempts.dueAt + sweepDelay(w, plan.index, 22), type: "breach" },
    ],
    { countAttempts: { from: start, due: attemptsDue, target: terms.attempts } },
  );
  escalate(attempts, 23);
  plan.clocks.push(firstContact, attempts);

  // Feedback owed on each of the owner's outcomes; a newer outcome replaces a running one.
  const outcomes = plan.events.filter(
    (event) => event.actor === owner && feedbackOwedOn.includes(event.to) && event.at >= start,
  );
  outcomes.forEach((outcome, k) => {
    const clock = newClock(
      "feedback",
      outcome.at,
      cal.addBusinessHours(outcome.at, terms.feedbackHours * 0.75),
      cal.addBusinessHours(outcome.at, terms.feedbackHours),
      null,
    );
    const next = outcomes[k + 1];
    const filed = plan.feedback
      .filter((f) => f.at >= outcome.at && (!next || f.at < next.at))
      .map((f): ClockEvent => ({ at: f.at, type: "feedback" }));
    runClock(
      w,
      clock,
      [
        ...filed.slice(0, 1),
        ...(next ? [{ at: next.at, type: "newer" } as ClockEvent] : []),
        { at: clock.warnAt + sweepDelay(w, plan.index, 31 + k), type: "warn" },
        { at: clock.dueAt + sweepDelay(w, plan.index, 41 + k), type: "breach" },
      ],
      {},
    );
    escalate(clock, 51 + k);
    plan.clocks.push(clock);
  });
}

/** The breach sentence, as the sweeper's clockSentence writes it. */
const dueFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});
export function breachSentence(plan: LeadPlan, clock: PlanClock, timeZone: string) {
  const format =
    timeZone === "Europe/Amsterdam"
      ? dueFormat
      : new Intl.DateTimeFormat("en-GB", {
          timeZone,
          weekday: "short",
          day: "numeric",
          month: "short",
          hour: "2-digit",
          minute: "2-digit",
        });
  const who = `${plan.firstName} ${plan.lastName}`;
  const subject = plan.company ? `${who} (${plan.company})` : who;
  const due = format.format(new Date(clock.dueAt));
  const ownerName = plan.owner?.name ?? "nobody";
  if (clock.kind === "first_contact")
    return `First contact with ${subject} was due ${due} for ${ownerName}; ${
      clock.metAt !== null && clock.metAt <= (clock.breachedAt ?? 0)
        ? "it came late"
        : "none was logged"
    }.`;
  if (clock.kind === "attempts")
    return `${ownerName} made fewer than ${clock.target} attempts on ${subject} by ${due}.`;
  return `Feedback on ${subject} was due from ${ownerName} ${due}; none was filed.`;
}
