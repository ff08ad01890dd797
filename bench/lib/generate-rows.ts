// A simulated lead (generate-model.ts) as COPY rows for each table it touches, plus the browsing
// between its core touches (page views, e-mail and ad clicks, searches), as many as make the
// workspace's total exactly five touchpoints per lead.

import { DAY } from "./generate-calendar";
import type { CopyStream } from "./generate-copy";
import { num, text, ts, words } from "./generate-copy";
import { breachSentence, type LeadPlan, type PlanTouch, type World } from "./generate-model";
import { hash32, type Random, uuidTags } from "./generate-random";
import {
  blogPosts,
  browsePages,
  googleCampaigns,
  googleTerms,
  nurtureCampaigns,
  organicTerms,
  type Region,
  site,
} from "./generate-vocabulary";

export const bulkTables = [
  "leads",
  "touchpoints",
  "lead_events",
  "activities",
  "sla_clocks",
  "sla_breaches",
  "feedback",
  "deals",
  "routing_decisions",
] as const;
export type BulkTable = (typeof bulkTables)[number];

export const columns: Record<BulkTable, readonly string[]> = {
  leads: [
    "id",
    "workspace_id",
    "external_id",
    "email",
    "first_name",
    "last_name",
    "company",
    "company_size",
    "industry",
    "job_title",
    "country",
    "region",
    "source",
    "campaign",
    "content",
    "partner",
    "status",
    "owner_user_id",
    "assigned_at",
    "queue",
    "pool_id",
    "margin_tier",
    "expected_value_cents",
    "definition_version_id",
    "qualification",
    "held_back_at",
    "mql_at",
    "created_at",
    "received_at",
    "updated_at",
  ],
  touchpoints: [
    "id",
    "workspace_id",
    "lead_id",
    "kind",
    "source",
    "campaign",
    "content",
    "content_type",
    "url",
    "term",
    "occurred_at",
    "dedupe_key",
    "created_at",
  ],
  lead_events: [
    "id",
    "workspace_id",
    "lead_id",
    "from_status",
    "to_status",
    "occurred_at",
    "actor_user_id",
    "actor_label",
    "reason",
    "definition_version_id",
  ],
  activities: [
    "id",
    "workspace_id",
    "lead_id",
    "user_id",
    "kind",
    "note",
    "occurred_at",
    "external_id",
    "channel",
    "created_at",
  ],
  sla_clocks: [
    "id",
    "workspace_id",
    "lead_id",
    "agreement_id",
    "kind",
    "owner_user_id",
    "segment",
    "target",
    "started_at",
    "warn_at",
    "due_at",
    "state",
    "warned_at",
    "met_at",
    "breached_at",
    "cancelled_at",
    "cancel_reason",
    "created_at",
  ],
  sla_breaches: [
    "id",
    "workspace_id",
    "side",
    "kind",
    "subject_key",
    "clock_id",
    "period_result_id",
    "lead_id",
    "owner_user_id",
    "segment",
    "due_at",
    "detected_at",
    "summary",
    "level",
    "escalate_at",
    "escalated_at",
    "reassigned_to_user_id",
  ],
  feedback: [
    "id",
    "workspace_id",
    "lead_id",
    "author_user_id",
    "outcome",
    "reason",
    "reason_text",
    "missing_information",
    "missing_information_text",
    "objections",
    "objections_text",
    "next_step",
    "channel",
    "idempotency_key",
    "created_at",
  ],
  deals: [
    "id",
    "workspace_id",
    "external_id",
    "lead_id",
    "name",
    "amount_cents",
    "gross_margin",
    "stage",
    "probability",
    "status",
    "opened_at",
    "close_date",
    "closed_at",
    "owner_user_id",
    "contact_email",
    "created_at",
    "updated_at",
  ],
  routing_decisions: [
    "id",
    "workspace_id",
    "lead_id",
    "rule_id",
    "rule_name",
    "pool_id",
    "queue",
    "assigned_user_id",
    "previous_user_id",
    "reason",
    "manual",
    "actor_user_id",
    "created_at",
  ],
};

const N = "\\N";

export class RowEmitter {
  private readonly counters = {
    touch: 0,
    event: 0,
    activity: 0,
    clock: 0,
    breach: 0,
    feedback: 0,
    deal: 0,
    decision: 0,
    dialer: 0,
  };
  /** Raw touches so far (core + extra), and touches written, for the exact total. */
  private rawSoFar = 0;
  private written = 0;

  constructor(
    private readonly w: World,
    private readonly streams: Record<BulkTable, CopyStream>,
    /** Touches to write per raw touch (≥ 1), so the total is exactly the target. */
    private readonly ratio: number,
  ) {}

  get touchesWritten() {
    return this.written;
  }

  emit(plan: LeadPlan, fill: Random) {
    const { w, streams } = this;
    const ws = w.setup.workspaceId;
    const lead = plan.id;
    const owner = plan.owner?.userId ?? null;
    const pool = plan.poolRegion ? w.setup.pools[plan.poolRegion] : null;
    fill.reseed(hash32(w.seed, plan.index, 2));

    streams.leads.row(
      `${lead}\t${ws}\t${text(plan.externalId)}\t${text(plan.email)}\t${text(plan.firstName)}\t${text(plan.lastName)}\t${text(plan.company)}\t${num(plan.companySize)}\t${text(plan.industry)}\t${text(plan.jobTitle)}\t${text(plan.country)}\t${text(plan.region)}\t${text(plan.source)}\t${text(plan.campaign)}\t${text(plan.content)}\t${text(plan.partner)}\t${plan.status}\t${owner ?? N}\t${ts(plan.assignedAt)}\t${N}\t${pool?.poolId ?? N}\t${N}\t${N}\t${w.setup.definition.id}\t${text(plan.qualification)}\t${ts(plan.heldBackAt)}\t${ts(plan.mqlAt)}\t${ts(plan.createdAt)}\t${ts(plan.receivedAt)}\t${ts(plan.updatedAt)}\n`,
    );

    // Touches: the core ones and enough browsing to reach this lead's share of the total.
    this.rawSoFar += plan.touches.length + plan.extraTouches;
    const wanted = Math.round(this.rawSoFar * this.ratio) - this.written;
    const extra = Math.max(0, wanted - plan.touches.length);
    const all = plan.touches.concat(this.browsing(plan, extra, fill));
    for (const t of all) {
      const stored =
        t.at <= plan.createdAt
          ? plan.receivedAt
          : Math.min(w.to - 1, t.at + 1_000 + (t.at % 300_000));
      const id = w.uuid.makeAt(uuidTags.touchpoint, this.counters.touch, Math.max(stored, t.at));
      const key = `g:${this.counters.touch++}`;
      streams.touchpoints.row(
        `${id}\t${ws}\t${lead}\t${t.kind}\t${text(t.source)}\t${text(t.campaign)}\t${text(t.content)}\t${text(t.contentType)}\t${text(t.url)}\t${text(t.term)}\t${ts(t.at)}\t${key}\t${ts(Math.max(stored, t.at))}\n`,
      );
    }
    this.written += all.length;

    for (const e of plan.events) {
      const id = w.uuid.makeAt(uuidTags.leadEvent, this.counters.event++, e.at);
      streams.lead_events.row(
        `${id}\t${ws}\t${lead}\t${e.from ?? N}\t${e.to}\t${ts(e.at)}\t${e.actor ?? N}\t${text(e.label)}\t${text(e.reason)}\t${e.version ?? N}\n`,
      );
    }

    if (plan.owner && plan.assignedAt !== null && pool) {
      const id = w.uuid.makeAt(uuidTags.routingDecision, this.counters.decision++, plan.assignedAt);
      streams.routing_decisions.row(
        `${id}\t${ws}\t${lead}\t${plan.ruleId ?? N}\t${text(plan.ruleName)}\t${pool.poolId}\t${N}\t${owner}\t${N}\t${text(plan.routeReason)}\tf\t${N}\t${ts(plan.assignedAt)}\n`,
      );
    }

    for (const a of plan.activities) {
      const external = a.channel === "api" ? `dialer-${7_000_001 + this.counters.dialer++}` : null;
      const stored = Math.max(
        a.at,
        Math.min(w.to - 1, a.at + (a.channel === "api" ? 60_000 : 2_000)),
      );
      const id = w.uuid.makeAt(uuidTags.activity, this.counters.activity++, stored);
      streams.activities.row(
        `${id}\t${ws}\t${lead}\t${owner ?? N}\t${a.kind}\t${text(a.note)}\t${ts(a.at)}\t${text(external)}\t${a.channel}\t${ts(stored)}\n`,
      );
    }

    for (const f of plan.feedback) {
      const n = this.counters.feedback++;
      const id = w.uuid.makeAt(uuidTags.feedback, n, f.at);
      const key =
        f.channel === "slack"
          ? `slack:V${(90_000_000 + n).toString(36).toUpperCase()}`
          : `web:${id}`;
      streams.feedback.row(
        `${id}\t${ws}\t${lead}\t${owner ?? N}\t${f.outcome}\t${f.reason}\t${text(f.reasonText)}\t${words(f.missing)}\t${N}\t${words(f.objections)}\t${N}\t${text(f.nextStep)}\t${f.channel}\t${key}\t${ts(f.at)}\n`,
      );
    }

    for (const c of plan.clocks) {
      const id = w.uuid.makeAt(uuidTags.slaClock, this.counters.clock++, c.startedAt);
      streams.sla_clocks.row(
        `${id}\t${ws}\t${lead}\t${w.setup.agreementId}\t${c.kind}\t${owner ?? N}\t${N}\t${num(c.target)}\t${ts(c.startedAt)}\t${ts(c.warnAt)}\t${ts(c.dueAt)}\t${c.state}\t${ts(c.warnedAt)}\t${ts(c.metAt)}\t${ts(c.breachedAt)}\t${ts(c.cancelledAt)}\t${text(c.cancelReason)}\t${ts(c.startedAt)}\n`,
      );
      if (c.state === "breached" && c.breachedAt !== null) {
        const breach = w.uuid.makeAt(uuidTags.slaBreach, this.counters.breach++, c.breachedAt);
        const level = c.escalatedAt !== null ? "team_lead" : "owner";
        streams.sla_breaches.row(
          `${breach}\t${ws}\tsales\t${c.kind}\tclock:${id}\t${id}\t${N}\t${lead}\t${owner ?? N}\t${N}\t${ts(c.dueAt)}\t${ts(c.breachedAt)}\t${text(breachSentence(plan, c, w.setup.calendar.timeZone))}\t${level}\t${ts(c.escalateAt)}\t${ts(c.escalatedAt)}\t${N}\n`,
        );
      }
    }

    if (plan.deal) {
      const d = plan.deal;
      const n = this.counters.deal++;
      const id = w.uuid.makeAt(uuidTags.deal, n, d.openedAt);
      streams.deals.row(
        `${id}\t${ws}\ths-deal-${80_000_001 + n}\t${lead}\t${text(d.name)}\t${d.amountCents}\t${num(d.grossMargin)}\t${text(d.stage)}\t${d.probability}\t${d.status}\t${ts(d.openedAt)}\t${d.closeDate}\t${ts(d.closedAt)}\t${owner ?? N}\t${text(plan.email)}\t${ts(d.openedAt)}\t${ts(Math.max(d.updatedAt, d.openedAt))}\n`,
      );
    }
  }

  /** Browsing around the lead's core touches: most before it became a lead, some after. */
  private browsing(plan: LeadPlan, count: number, fill: Random): PlanTouch[] {
    if (count <= 0) return [];
    const w = this.w;
    const first = plan.touches.reduce((min, t) => Math.min(min, t.at), plan.createdAt);
    const before = plan.createdAt - first;
    const afterEnd = Math.min(w.to - 1_000, plan.createdAt + 90 * DAY);
    const region = (plan.region ?? "EMEA") as Region;
    const out: PlanTouch[] = [];
    const touchAt = (
      kind: PlanTouch["kind"],
      at: number,
      source: string | null,
      campaign: string | null,
      content: string | null,
      url: string | null,
      term: string | null,
    ): PlanTouch => ({ kind, at, source, campaign, content, contentType: null, url, term });
    for (let k = 0; k < count; k++) {
      const late = before < 10 * 60_000 || fill.chance(0.15);
      const at = Math.round(
        late && afterEnd > plan.createdAt
          ? plan.createdAt + 60_000 + fill.float() * Math.max(0, afterEnd - plan.createdAt - 60_000)
          : first + fill.float() * Math.max(0, before),
      );
      const roll = fill.float();
      if (roll < 0.55) {
        const path = fill.pick(browsePages);
        const r = fill.float();
        const source = r < 0.45 ? null : r < 0.6 ? "Direct" : "Organic";
        out.push(touchAt("page_view", at, source, null, null, `${site}${path}`, null));
      } else if (roll < 0.73) {
        const post = fill.pick(blogPosts);
        const campaign = fill.chance(0.75)
          ? `Newsletter ${ts(at).slice(0, 7)}`
          : fill.pick(nurtureCampaigns);
        out.push(
          touchAt(
            "email_click",
            at,
            "Email",
            campaign,
            post.content,
            `${site}/blog/${post.slug}`,
            null,
          ),
        );
      } else if (roll < 0.88) {
        const r = fill.float();
        const [source, campaign] =
          r < 0.4
            ? ["Google Ads", "Google Ads – Brand"]
            : r < 0.75
              ? ["LinkedIn", "LinkedIn – Retargeting"]
              : ["Facebook", "Facebook – Retargeting"];
        out.push(
          touchAt(
            "ad_click",
            at,
            source,
            campaign,
            "Retargeting: customer story",
            `${site}/customers`,
            null,
          ),
        );
      } else if (fill.chance(0.6)) {
        const term = fill.pick(organicTerms);
        const url = `${site}/blog/${fill.pick(blogPosts).slug}`;
        out.push(touchAt("search_term", at, "Organic", null, null, url, term));
      } else {
        const campaign = googleCampaigns(region).at(fill.float());
        const group = campaign.includes("Brand")
          ? "Brand"
          : campaign.includes("TMS")
            ? "TMS"
            : "WMS";
        const term = fill.pick(googleTerms[group] ?? []);
        const url = `${site}/${group === "TMS" ? "tms" : "wms"}`;
        out.push(touchAt("search_term", at, "Google Ads", campaign, null, url, term));
      }
    }
    return out;
  }

  async flushIfFull() {
    for (const stream of Object.values(this.streams)) if (stream.full) await stream.flush();
  }
}
