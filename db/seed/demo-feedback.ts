// The demo's five-field feedback: what the rep filed when accepting, rejecting or qualifying a
// lead (and when a worked lead ended), minutes after the move, mostly from Slack. Rejections
// carry the reason the lead's history gives; a rep who found the company smaller or in another
// trade than the form said corrects the lead, so the Feedback page can say "under 10 employees"
// about Facebook.
import type { FeedbackOutcome, FeedbackReason, LeadStatus } from "../enums";
import type { feedback } from "../schema";
import type { Dice } from "./demo-leads";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

type Odds = readonly (readonly [option: string, chance: number])[];

interface Verdict {
  outcome: FeedbackOutcome;
  reason: FeedbackReason;
  texts: readonly (string | null)[];
  missing?: Odds;
  objections?: Odds;
  nextSteps?: readonly (string | null)[];
}

/** Sales' rejection reasons in the lead history → the form the rep filed with it. */
const rejections: Record<string, Verdict> = {
  "Outside target size": {
    outcome: "disqualified",
    reason: "outside_target_size",
    texts: [], // says what the rep found: see correctSize
    missing: [["company_size", 0.7]],
    nextSteps: ["Small-business nurture track", "Point them to the self-serve plan", null],
  },
  "No budget": {
    outcome: "disqualified",
    reason: "no_budget",
    texts: [
      "No budget this year; maybe after the summer",
      "The budget went to a new truck",
      "Expected a free tool",
      null,
    ],
    missing: [["budget", 0.5]],
    objections: [["price", 0.7]],
  },
  "No need": {
    outcome: "disqualified",
    reason: "no_need",
    texts: [
      "Downloaded it out of curiosity, no project",
      "Their ERP covers it for now",
      "Warehouse too small to need a WMS",
      null,
    ],
    missing: [["use_case", 0.35]],
    objections: [
      ["has_solution", 0.45],
      ["no_priority", 0.4],
    ],
  },
  "Bad timing": {
    outcome: "disqualified",
    reason: "bad_timing",
    texts: [
      "Busy moving to a new warehouse until spring",
      "Call again after peak season",
      "Contract with their current supplier runs until next year",
    ],
    missing: [["timeline", 0.4]],
    objections: [
      ["timing", 0.7],
      ["contract_lock_in", 0.25],
    ],
    nextSteps: ["Call again in three months", "Invite to the spring webinar", null],
  },
  Duplicate: {
    outcome: "disqualified",
    reason: "duplicate",
    texts: ["A colleague is already in talks with us", "Same person as last week's demo request"],
  },
  "Bad data": {
    outcome: "disqualified",
    reason: "bad_data",
    texts: ["Phone number does not exist", "E-mail bounced", "Made-up name on the form"],
    missing: [
      ["phone_number", 0.6],
      ["correct_contact", 0.4],
    ],
  },
  "Wrong industry": {
    outcome: "disqualified",
    reason: "wrong_industry",
    texts: [], // says what the rep found: see correctIndustry
  },
  Competitor: {
    outcome: "disqualified",
    reason: "competitor",
    texts: ["Works for a WMS vendor", "Consultant at a competing integrator"],
  },
  Student: {
    outcome: "disqualified",
    reason: "student",
    texts: ["Student writing a thesis on warehouse software", "Intern doing market research"],
    nextSteps: ["Sent the whitepaper, nothing else", null],
  },
};

/** How a worked lead ended (after it was accepted) → the form the rep filed, when they did. */
const endings: Record<string, Verdict> = {
  "Bad timing: no project before next year": {
    outcome: "recycled",
    reason: "bad_timing",
    texts: ["No project before next year", null],
    objections: [["timing", 0.6]],
    missing: [["timeline", 0.3]],
  },
  "No response after 6 attempts": {
    outcome: "no_response",
    reason: "other",
    texts: ["Six attempts by phone and e-mail, no answer"],
    missing: [["phone_number", 0.4]],
  },
  "Project postponed: back to nurture": {
    outcome: "recycled",
    reason: "bad_timing",
    texts: ["The board postponed the project", "Waiting for the new warehouse manager"],
    objections: [["no_priority", 0.5]],
  },
  "No budget": {
    outcome: "disqualified",
    reason: "no_budget",
    texts: ["Budget frozen after a bad quarter", null],
    objections: [["price", 0.7]],
  },
  "No need": {
    outcome: "disqualified",
    reason: "no_need",
    texts: ["Decided the spreadsheets will do", null],
  },
  "Staying with their current system": {
    outcome: "disqualified",
    reason: "no_need",
    texts: ["Staying with their current system"],
    objections: [
      ["has_solution", 0.9],
      ["contract_lock_in", 0.3],
    ],
  },
};

/** Accepted leads: what the rep heard, with a typical pattern per source. */
const acceptedMissing: Record<string, Odds> = {
  default: [
    ["budget", 0.12],
    ["timeline", 0.12],
    ["decision_maker", 0.1],
    ["current_solution", 0.08],
  ],
  "Google Ads": [
    ["budget", 0.5],
    ["timeline", 0.12],
    ["decision_maker", 0.1],
  ],
  "Partner referral": [
    ["current_solution", 0.5],
    ["budget", 0.1],
  ],
  Webinar: [
    ["timeline", 0.5],
    ["decision_maker", 0.15],
  ],
};
const acceptedObjections: Record<string, Odds> = {
  default: [
    ["price", 0.15],
    ["integration", 0.12],
    ["needs_approval", 0.1],
    ["contract_lock_in", 0.05],
  ],
  LinkedIn: [
    ["needs_approval", 0.5],
    ["price", 0.15],
  ],
  Organic: [
    ["price", 0.5],
    ["integration", 0.1],
  ],
  "Trade fair": [
    ["integration", 0.5],
    ["price", 0.15],
  ],
  Webinar: [
    ["timing", 0.45],
    ["price", 0.1],
  ],
};
const accepted: Verdict = {
  outcome: "accepted",
  reason: "good_fit",
  texts: [
    "Warehouse of 4,000 m² still run on Excel",
    "Two sites, planning by hand",
    "Growing fast; current WMS can't keep up",
    "Fits our target exactly",
    null,
    null,
  ],
  nextSteps: [
    "Demo booked",
    "Call with their IT next week",
    "Site visit planned",
    "Sending a proposal",
    null,
  ],
};

const qualifiedTexts = [
  "Qualified on the call: need, budget and timing confirmed",
  "Decision-maker joined the call; selection this half year",
  "Budget approved; wants to go live before peak season",
  null,
];

const otherIndustries = ["Retail", "Consultancy", "Construction", "Food & beverage", "Automotive"];

interface DemoLeadFacts {
  source: string;
  companySize: number | null;
  industry: string | null;
}

interface MoveFacts {
  fromStatus: LeadStatus | null;
  toStatus: LeadStatus;
  occurredAt: Date;
  actorUserId: string | null;
  reason: string | null;
}

export interface DemoFeedback {
  rows: (typeof feedback.$inferInsert)[];
  /** What the rep found the company to be, where the form was wrong. */
  corrected: { companySize?: number; industry?: string };
}

function roundSize(size: number) {
  return size > 200 ? Math.round(size / 10) * 10 : size;
}

function picks(dice: Dice, odds: Odds | undefined) {
  return (odds ?? []).filter(([, chance]) => dice.chance(chance)).map(([option]) => option);
}

export function demoFeedback(options: {
  dice: Dice;
  workspaceId: string;
  leadId: string;
  ownerUserId: string;
  lead: DemoLeadFacts;
  events: readonly MoveFacts[];
  now: number;
}): DemoFeedback {
  const { dice, lead } = options;
  const result: DemoFeedback = { rows: [], corrected: {} };

  const file = (move: MoveFacts, verdict: Verdict, reasonText: string | null) => {
    const slack = dice.chance(0.85);
    const delay = slack
      ? dice.between(10 * SECOND, 4 * MINUTE)
      : dice.between(5 * MINUTE, 2 * HOUR);
    const missing = picks(dice, verdict.missing);
    const objections = picks(dice, verdict.objections);
    result.rows.push({
      workspaceId: options.workspaceId,
      leadId: options.leadId,
      authorUserId: options.ownerUserId,
      outcome: verdict.outcome,
      reason: verdict.reason,
      reasonText,
      missingInformation: missing,
      missingInformationText: null,
      objections,
      objectionsText: null,
      nextStep: verdict.nextSteps ? dice.pick(verdict.nextSteps) : null,
      channel: slack ? "slack" : "web",
      createdAt: new Date(Math.min(options.now, move.occurredAt.getTime() + delay)),
    });
  };

  const correctSize = () => {
    const said = lead.companySize;
    const small = lead.source === "Facebook" || dice.chance(0.5);
    const actual = small ? dice.int(2, 9) : roundSize(dice.int(600, 2500));
    result.corrected.companySize = actual;
    if (said === null) return `${actual} employees`;
    return small
      ? dice.pick([
          `Webshop run by ${actual} people; the form said ${said}`,
          `${actual} employees, not ${said} as on the form`,
        ])
      : `Part of a group with ${actual} employees; the form said ${said}`;
  };
  const correctIndustry = () => {
    const actual = dice.pick(otherIndustries);
    result.corrected.industry = actual;
    return `Listed as ${lead.industry ?? "unknown"}, but they are in ${actual.toLowerCase()}`;
  };

  const acceptedHere: Verdict = {
    ...accepted,
    missing: acceptedMissing[lead.source] ?? acceptedMissing.default,
    objections: acceptedObjections[lead.source] ?? acceptedObjections.default,
  };
  for (const move of options.events) {
    if (move.actorUserId !== options.ownerUserId) continue;
    if (move.toStatus === "rejected") {
      // Every rejection comes with its form: the Reject button opens it.
      const verdict = rejections[move.reason ?? ""] ?? rejections["No need"];
      if (!verdict) continue;
      const text =
        verdict.reason === "outside_target_size"
          ? correctSize()
          : verdict.reason === "wrong_industry"
            ? correctIndustry()
            : dice.pick(verdict.texts);
      file(move, verdict, text);
    } else if (move.toStatus === "sal") {
      if (!dice.chance(0.85)) continue;
      file(move, acceptedHere, dice.pick(accepted.texts));
    } else if (move.toStatus === "sql") {
      // Qualifying a lead owes marketing the form again (the SLA's feedback clock): most file it.
      if (!dice.chance(0.9)) continue;
      file(move, acceptedHere, dice.pick(qualifiedTexts));
    } else if (move.fromStatus === "sal" || move.fromStatus === "sql") {
      const verdict = endings[move.reason ?? ""];
      if (!verdict || !dice.chance(0.8)) continue;
      file(move, verdict, dice.pick(verdict.texts));
    }
  }
  return result;
}
