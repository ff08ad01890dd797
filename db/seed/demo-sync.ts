// The demo's weekly-sync inputs: marketing's calendar from twelve weeks back to eight weeks ahead
// (webinars, the Logistica trade fair, whitepapers, e-mail campaigns for a Dutch logistics SaaS)
// and about thirty requests from sales over the last twelve weeks: the older ones answered, done
// or declined, the recent ones still open or planned. Dates are relative to `now`.

import { calendarWindow } from "../../app/sync/calendar";
import type { Database } from "../client";
import type { CalendarItemKind, SalesRequestStatus } from "../enums";
import { marketingCalendarItems, salesRequests } from "../schema";
import type { DemoMember } from "./demo-leads";

const DAY = 86_400_000;

/** A local date moved by whole days (dates carry no time, so UTC arithmetic is exact). */
function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

interface DemoCalendarItem {
  /** Weeks from this week's Monday, and the weekday (0 = Monday). */
  week: number;
  day: number;
  /** Days it lasts; 1 when it is one day. */
  days?: number;
  kind: CalendarItemKind;
  title: string;
  channel?: string;
  description?: string;
  owner: "sanne" | "lars";
}

const calendar: DemoCalendarItem[] = [
  {
    week: -12,
    day: 1,
    kind: "webinar",
    title: "Webinar: real-time track & trace for shippers",
    channel: "Zoom",
    owner: "lars",
  },
  {
    week: -11,
    day: 0,
    days: 21,
    kind: "campaign",
    title: "Google Ads: warehouse management (autumn)",
    channel: "Google Ads",
    owner: "sanne",
  },
  {
    week: -10,
    day: 2,
    kind: "content",
    title: "Whitepaper: the true cost of an empty kilometre",
    channel: "Website",
    owner: "lars",
  },
  {
    week: -9,
    day: 3,
    kind: "email",
    title: "Newsletter: carrier onboarding checklist",
    channel: "Newsletter",
    owner: "lars",
  },
  {
    week: -8,
    day: 1,
    days: 3,
    kind: "event",
    title: "Logistica trade fair, Utrecht (stand C112)",
    channel: "Jaarbeurs Utrecht",
    owner: "sanne",
    description:
      "Three days on the stand; every scanned badge becomes a lead with source 'Logistica'.",
  },
  {
    week: -7,
    day: 1,
    days: 10,
    kind: "email",
    title: "Follow-up sequence for Logistica visitors",
    channel: "E-mail",
    owner: "lars",
  },
  {
    week: -6,
    day: 2,
    kind: "webinar",
    title: "Webinar: CO₂ reporting for transport (CSRD)",
    channel: "Zoom",
    owner: "lars",
  },
  {
    week: -5,
    day: 0,
    kind: "content",
    title: "Customer case: Van Dijk Transport cuts planning time by 30%",
    channel: "Website",
    owner: "sanne",
  },
  {
    week: -4,
    day: 0,
    days: 28,
    kind: "campaign",
    title: "LinkedIn: cold-chain visibility",
    channel: "LinkedIn Ads",
    owner: "sanne",
  },
  {
    week: -3,
    day: 3,
    kind: "email",
    title: "Newsletter: planning for peak season",
    channel: "Newsletter",
    owner: "lars",
  },
  {
    week: -2,
    day: 1,
    kind: "webinar",
    title: "Webinar: dock scheduling without spreadsheets",
    channel: "Zoom",
    owner: "lars",
  },
  {
    week: -1,
    day: 2,
    kind: "content",
    title: "Price sheet refresh for the Benelux",
    channel: "Sales kit",
    owner: "sanne",
  },
  {
    week: 0,
    day: 1,
    kind: "content",
    title: "Whitepaper: European road freight outlook",
    channel: "Website",
    owner: "lars",
    description: "Gated download; leads arrive with source 'Content'.",
  },
  {
    week: 0,
    day: 3,
    kind: "email",
    title: "E-mail to dormant trial accounts",
    channel: "E-mail",
    owner: "lars",
  },
  {
    week: 1,
    day: 1,
    kind: "webinar",
    title: "Webinar: customs after the new EU rules",
    channel: "Zoom",
    owner: "lars",
    description:
      "With a customs broker from Rotterdam; sales gets the attendee list the next morning.",
  },
  {
    week: 1,
    day: 0,
    days: 28,
    kind: "campaign",
    title: "Google Ads: transport management (winter)",
    channel: "Google Ads",
    owner: "sanne",
  },
  {
    week: 2,
    day: 2,
    kind: "content",
    title: "Customer case: pharma distribution in Venlo",
    channel: "Website",
    owner: "sanne",
  },
  {
    week: 3,
    day: 1,
    days: 2,
    kind: "event",
    title: "Transport & Logistiek Belgium, Antwerp",
    channel: "Antwerp Expo",
    owner: "sanne",
  },
  {
    week: 3,
    day: 3,
    kind: "email",
    title: "Newsletter: year-end capacity planning",
    channel: "Newsletter",
    owner: "lars",
  },
  {
    week: 4,
    day: 2,
    kind: "webinar",
    title: "Webinar: route optimisation live demo",
    channel: "Zoom",
    owner: "lars",
  },
  {
    week: 5,
    day: 0,
    kind: "content",
    title: "Whitepaper: electrifying the last mile",
    channel: "Website",
    owner: "lars",
  },
  {
    week: 6,
    day: 1,
    days: 14,
    kind: "email",
    title: "Nurture sequence: warehouse prospects",
    channel: "E-mail",
    owner: "lars",
  },
  {
    week: 7,
    day: 3,
    kind: "event",
    title: "Customer round table, Rotterdam",
    channel: "Own event",
    owner: "sanne",
  },
];

interface DemoRequest {
  daysAgo: number;
  by: "daan" | "fleur" | "ruben";
  channel: "web" | "slack";
  body: string;
  status: SalesRequestStatus;
  response?: string;
}

const requests: DemoRequest[] = [
  {
    daysAgo: 83,
    by: "daan",
    channel: "web",
    body: "A one-page comparison with Transporeon for prospects who already use it.",
    status: "done",
    response: "Battle card in the sales kit.",
  },
  {
    daysAgo: 80,
    by: "fleur",
    channel: "slack",
    body: "Case study from a cold-chain customer; three prospects asked this week.",
    status: "done",
    response: "Van Dijk case published in week -5.",
  },
  {
    daysAgo: 78,
    by: "ruben",
    channel: "slack",
    body: "Dutch version of the CO₂ whitepaper.",
    status: "done",
    response: "Translated and on the website.",
  },
  {
    daysAgo: 74,
    by: "daan",
    channel: "web",
    body: "Stop sending students from the whitepaper downloads; filter them out.",
    status: "done",
    response: "Form now asks for company; students are filtered by the MQL definition.",
  },
  {
    daysAgo: 70,
    by: "fleur",
    channel: "slack",
    body: "Invite list for the Logistica stand: our open opportunities in Brabant.",
    status: "done",
    response: "Sent 42 invitations with free tickets.",
  },
  {
    daysAgo: 67,
    by: "ruben",
    channel: "web",
    body: "Price sheet in euros per pallet place, not per user.",
    status: "declined",
    response: "Pricing stays per user; finance will explain the model at the next sync.",
  },
  {
    daysAgo: 63,
    by: "daan",
    channel: "slack",
    body: "Leads from the trade fair need the stand conversation notes attached.",
    status: "done",
    response: "Badge scanner notes now import into the lead's notes.",
  },
  {
    daysAgo: 60,
    by: "fleur",
    channel: "slack",
    body: "A short demo video (3 minutes) for the first e-mail after contact.",
    status: "done",
    response: "Recorded; link in the sales kit.",
  },
  {
    daysAgo: 56,
    by: "ruben",
    channel: "web",
    body: "Reference customers in Belgium we can name.",
    status: "done",
    response: "Two customers agreed; names in the sales kit.",
  },
  {
    daysAgo: 53,
    by: "daan",
    channel: "slack",
    body: "Webinar on customs and the new EU rules; customers keep asking.",
    status: "planned",
    response: "Planned for next week with a Rotterdam customs broker.",
  },
  {
    daysAgo: 49,
    by: "fleur",
    channel: "web",
    body: "LinkedIn campaign aimed at pharma distributors.",
    status: "declined",
    response: "Budget is in Google Ads this quarter; we revisit in Q2.",
  },
  {
    daysAgo: 46,
    by: "ruben",
    channel: "slack",
    body: "Update the ROI calculator with this year's diesel prices.",
    status: "done",
    response: "Updated.",
  },
  {
    daysAgo: 42,
    by: "daan",
    channel: "slack",
    body: "Attendee list of the CSRD webinar with who stayed to the end.",
    status: "done",
    response: "Shared in #sales; 38 stayed to the end.",
  },
  {
    daysAgo: 39,
    by: "fleur",
    channel: "web",
    body: "Objection handling sheet for 'we already have a TMS'.",
    status: "done",
    response: "Written with Daan; in the sales kit.",
  },
  {
    daysAgo: 35,
    by: "ruben",
    channel: "slack",
    body: "German-language brochure for prospects near the border.",
    status: "declined",
    response: "Not this year: fewer than 5% of leads are German.",
  },
  {
    daysAgo: 32,
    by: "daan",
    channel: "web",
    body: "More company-size data on Google Ads leads; a third arrive without it.",
    status: "planned",
    response: "Adding an enrichment step; live in two weeks.",
  },
  {
    daysAgo: 28,
    by: "fleur",
    channel: "slack",
    body: "Customer case for the Venlo pharma distributor.",
    status: "planned",
    response: "Interview done; publishing in two weeks.",
  },
  {
    daysAgo: 25,
    by: "ruben",
    channel: "slack",
    body: "Landing page for the Antwerp fair with a meeting booker.",
    status: "done",
    response: "Live; bookings go straight to Ruben's calendar.",
  },
  {
    daysAgo: 21,
    by: "daan",
    channel: "web",
    body: "A follow-up e-mail template for no-shows of webinars.",
    status: "done",
    response: "Template in the e-mail tool.",
  },
  {
    daysAgo: 19,
    by: "fleur",
    channel: "slack",
    body: "Fewer leads from the content downloads with job title 'student' or 'intern'.",
    status: "planned",
    response: "Tightening the form next sprint.",
  },
  {
    daysAgo: 16,
    by: "ruben",
    channel: "web",
    body: "Slides about our integration with Exact and AFAS.",
    status: "open",
  },
  {
    daysAgo: 14,
    by: "daan",
    channel: "slack",
    body: "Round table invitation list: top 20 accounts by pipeline.",
    status: "planned",
    response: "Sanne drafts the list with Daan this week.",
  },
  {
    daysAgo: 12,
    by: "fleur",
    channel: "slack",
    body: "One-pager on data security (ISO 27001) for procurement.",
    status: "open",
  },
  {
    daysAgo: 10,
    by: "ruben",
    channel: "web",
    body: "Tell us a week ahead which companies attend each webinar.",
    status: "done",
    response: "Registrations now post to #sales daily.",
  },
  {
    daysAgo: 8,
    by: "daan",
    channel: "slack",
    body: "A case study from a 3PL with more than 200 trucks.",
    status: "open",
  },
  {
    daysAgo: 6,
    by: "fleur",
    channel: "slack",
    body: "The Google Ads leads from Belgium have French-speaking contacts; can we get French copy?",
    status: "open",
  },
  {
    daysAgo: 5,
    by: "ruben",
    channel: "web",
    body: "Update the competitor comparison with Alpega's new pricing.",
    status: "open",
  },
  {
    daysAgo: 3,
    by: "daan",
    channel: "slack",
    body: "Short video for LinkedIn DMs explaining dock scheduling.",
    status: "open",
  },
  {
    daysAgo: 2,
    by: "fleur",
    channel: "web",
    body: "More leads from food distribution; our win rate there is twice the average.",
    status: "open",
  },
  {
    daysAgo: 1,
    by: "ruben",
    channel: "slack",
    body: "Pricing FAQ for the trial users who ask about multi-depot plans.",
    status: "open",
  },
];

const closing: readonly SalesRequestStatus[] = ["done", "declined"];

export async function seedDemoSync(options: {
  db: Database;
  workspaceId: string;
  members: DemoMember[];
  now: Date;
  log: (line: string) => void;
}) {
  const { db, workspaceId, now } = options;
  const byFirstName = (first: string) => {
    const member = options.members.find((m) => m.name.toLowerCase().startsWith(first));
    if (!member) throw new Error(`The demo has no ${first}`);
    return member.userId;
  };
  const monday = calendarWindow(now, "Europe/Amsterdam", 1).startDate;
  await db.insert(marketingCalendarItems).values(
    calendar.map((item) => {
      const startsOn = shift(monday, item.week * 7 + item.day);
      const owner = byFirstName(item.owner);
      return {
        workspaceId,
        kind: item.kind,
        title: item.title,
        description: item.description ?? null,
        startsOn,
        endsOn: shift(startsOn, (item.days ?? 1) - 1),
        channel: item.channel ?? null,
        ownerUserId: owner,
        createdByUserId: owner,
        createdAt: new Date(Date.parse(`${startsOn}T09:00:00Z`) - 21 * DAY),
      };
    }),
  );
  const sanne = byFirstName("sanne");
  await db.insert(salesRequests).values(
    requests.map((request, index) => {
      const createdAt = new Date(now.getTime() - request.daysAgo * DAY - (index % 5) * 3_600_000);
      // Answered at the weekly sync after it was filed, at most a few days later.
      const respondedAt = request.response
        ? new Date(createdAt.getTime() + Math.min(request.daysAgo - 0.5, 3 + (index % 4)) * DAY)
        : null;
      return {
        workspaceId,
        body: request.body,
        requestedByUserId: byFirstName(request.by),
        channel: request.channel,
        status: request.status,
        response: request.response ?? null,
        respondedByUserId: request.response ? sanne : null,
        respondedAt,
        idempotencyKey: request.channel === "slack" ? `slack:need:demo-${index}` : null,
        createdAt,
        closedAt: closing.includes(request.status) ? respondedAt : null,
      };
    }),
  );
  options.log(`Weekly sync: ${calendar.length} calendar items, ${requests.length} sales requests`);
}
