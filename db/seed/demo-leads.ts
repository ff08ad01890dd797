// The demo's lead data: MQL v1 (active) and v2 (proposed, waiting for sales), an active SQL v1,
// and a year of leads from eight sources with their touchpoints, lifecycle events and a few
// repeat questions. Definitions go through the real workflow; leads are built in memory (judged
// with the real evaluation, routed by the real rules: demo-routing.ts, with the rep's feedback:
// demo-feedback.ts) and inserted in batches in one transaction, so the seed stays fast.
// A seeded PRNG makes every run produce the same data shape for the same `now`.

import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  type CriteriaGroup,
  criteriaGroupSchema,
  type EvaluatedTouchpoint,
  evaluateDefinition,
} from "../../app/definitions/criteria";
import {
  addComment,
  approveVersion,
  createDraft,
  type DefinitionContent,
  proposeVersion,
} from "../../app/definitions/versions.server";
import { leadForEvaluation, touchpointDedupeKey } from "../../app/leads/intake.server";
import { canMove, openStatuses } from "../../app/leads/lifecycle";
import type { Database } from "../client";
import {
  type DefinitionVersion,
  definitionApprovals,
  definitionComments,
  definitionVersions,
  feedback,
  type Lead,
  type LeadStatus,
  leadEvents,
  leadNotes,
  leads,
  type MemberRole,
  type TouchpointKind,
  touchpoints,
} from "../schema";
import { backdateVersionAudit } from "./backdate";
import { type DemoFeedback, demoFeedback } from "./demo-feedback";
import type { DemoRouting } from "./demo-routing";

export interface DemoMember {
  userId: string;
  role: MemberRole;
  isTeamLead: boolean;
  name: string;
}

export const demoSources = [
  "Google Ads",
  "LinkedIn",
  "Facebook",
  "Webinar",
  "Trade fair",
  "Partner referral",
  "Organic",
  "Outbound",
] as const;
type Source = (typeof demoSources)[number];

const defaultSeed = 20_260_301;
const batchSize = 500;
const site = "https://www.noordzee-logistiek.example";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast, seedable PRNG (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Dice {
  constructor(private readonly next: () => number) {}
  float() {
    return this.next();
  }
  chance(p: number) {
    return this.next() < p;
  }
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number) {
    return min + this.next() * (max - min);
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal around a median; sigma is the spread of the logarithm. */
  logNormal(median: number, sigma: number) {
    return median * Math.exp(sigma * this.normal());
  }
  poisson(lambda: number) {
    if (lambda <= 0) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = this.next();
    while (product > limit) {
      k++;
      product *= this.next();
    }
    return k;
  }
}

// ---------------------------------------------------------------------------------------------
// Time in Europe/Amsterdam (EU summer time: last Sunday of March to last Sunday of October)

function lastSundayUtc(year: number, month: number) {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

function offsetHours(ms: number) {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9) ? 2 : 1;
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
}

function local(ms: number): LocalTime {
  const d = new Date(ms + offsetHours(ms) * HOUR);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours() + d.getUTCMinutes() / 60,
  };
}

/** A local wall-clock time (day may overflow, as with Date.UTC) → epoch milliseconds. */
function fromLocal(year: number, month: number, day: number, hour: number) {
  const wall = Date.UTC(year, month, day) + Math.round(hour * HOUR);
  return wall - offsetHours(wall - HOUR) * HOUR;
}

const open = 8.5;
const close = 17.5;
const isWorkday = (weekday: number) => weekday >= 1 && weekday <= 5;

/** The moment itself when the office is open, else the next opening (08:30 on a workday). */
function nextOpening(ms: number) {
  const l = local(ms);
  if (isWorkday(l.weekday) && l.hour < open) return fromLocal(l.year, l.month, l.day, open);
  if (isWorkday(l.weekday) && l.hour < close) return ms;
  for (let days = 1; days <= 7; days++) {
    const candidate = fromLocal(l.year, l.month, l.day + days, open);
    if (isWorkday(local(candidate).weekday)) return candidate;
  }
  return ms;
}

function addBusinessHours(ms: number, hours: number) {
  let at = nextOpening(ms);
  let remaining = hours * HOUR;
  for (;;) {
    const l = local(at);
    const closing = fromLocal(l.year, l.month, l.day, close);
    if (at + remaining <= closing) return at + remaining;
    remaining -= closing - at;
    at = nextOpening(closing + MINUTE);
  }
}

// ---------------------------------------------------------------------------------------------
// Definitions

const targetIndustries = ["Logistics", "Transport", "Manufacturing", "Wholesale", "E-commerce"];

function rules(group: CriteriaGroup): CriteriaGroup {
  return criteriaGroupSchema.parse(group);
}

const mqlV1: DefinitionContent = {
  kind: "mql",
  title: "MQL: logistics SMB showing buying intent",
  prose:
    "A marketing-qualified lead works at a Dutch, Belgian or German company of 10 to 500 " +
    "employees in logistics, transport, manufacturing, wholesale or e-commerce, and has shown " +
    "buying intent: visited our pricing page in the last 30 days, downloaded a whitepaper or " +
    "attended a webinar or trade fair in the last 90 days, or built up an engagement score of " +
    "at least 15. We only hand over leads with company, job title, company size and country " +
    "filled in; anything incomplete stays with marketing until it is complete.",
  rules: rules({
    match: "all",
    criteria: [
      { type: "company_size", min: 10, max: 500 },
      { type: "industry", anyOf: targetIndustries },
      { type: "country", anyOf: ["NL", "BE", "DE"] },
      {
        match: "any",
        criteria: [
          { type: "pricing_page_visited", withinDays: 30 },
          { type: "content_downloaded", contentType: "whitepaper", withinDays: 90 },
          { type: "event_attended", withinDays: 90 },
          { type: "engagement_score", min: 15 },
        ],
      },
    ],
  }),
  requiredFields: ["country"],
};

const mqlV2: DefinitionContent = {
  kind: "mql",
  title: "MQL: wider size band, any download counts",
  prose:
    "Marketing's proposal after the third quarter. The same target industries and countries " +
    "as version 1, with a wider size band: 5 to 1,000 employees, so small e-commerce companies " +
    "that outgrow their spreadsheets and larger shippers are handed over too. Buying intent now " +
    "counts any download (whitepaper, case study or checklist) in the last 90 days, and the " +
    "engagement score threshold drops from 15 to 12. Data requirements are unchanged.",
  rules: rules({
    match: "all",
    criteria: [
      { type: "company_size", min: 5, max: 1000 },
      { type: "industry", anyOf: targetIndustries },
      { type: "country", anyOf: ["NL", "BE", "DE"] },
      {
        match: "any",
        criteria: [
          { type: "pricing_page_visited", withinDays: 30 },
          { type: "content_downloaded", withinDays: 90 },
          { type: "event_attended", withinDays: 90 },
          { type: "engagement_score", min: 12 },
        ],
      },
    ],
  }),
  requiredFields: ["country"],
};

const sqlV1: DefinitionContent = {
  kind: "sql",
  title: "SQL: confirmed on the first sales call",
  prose:
    "A sales-qualified lead is an accepted lead that the rep has confirmed on a first call: " +
    "there is a real warehouse or transport-planning problem, a budget or a budget holder we " +
    "have spoken to, a decision-maker involved, and a plan to choose a system within six " +
    "months. Budget, authority, need and timing cannot be checked by a machine, so the criteria " +
    "below only check the profile; the rep confirms the rest on the call and says so when " +
    "moving the lead to SQL.",
  rules: rules({
    match: "all",
    criteria: [
      { type: "company_size", min: 10, max: 500 },
      { type: "industry", anyOf: targetIndustries },
      { type: "country", anyOf: ["NL", "BE", "DE"] },
    ],
  }),
  requiredFields: ["country", "industry"],
};

// ---------------------------------------------------------------------------------------------
// People and companies

// biome-ignore format: a word list
const dutchFirstNames = [
  "Jeroen", "Marieke", "Sander", "Lisa", "Bas", "Anouk", "Thijs", "Femke", "Mark", "Sophie",
  "Kevin", "Linda", "Martijn", "Iris", "Wouter", "Eline", "Joris", "Bram", "Nina", "Tim",
  "Laura", "Rick", "Esther", "Niels", "Ilse", "Dennis", "Manon", "Jasper", "Kim", "Erik",
  "Monique", "Ruud", "Petra", "Stefan", "Saskia", "Michiel", "Judith", "Hans", "Ingrid",
  "Gert-Jan", "Marloes", "Arjen", "Wendy", "Rob", "Chantal", "Koen", "Maaike", "Youssef",
  "Fatima", "Mehmet", "Priya", "Jan-Willem", "Annemarie", "Hugo", "Floor",
] as const;
// biome-ignore format: a word list
const dutchLastNames = [
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
  "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
  "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
  "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
  "van den Broek", "de Bruijn", "van der Heijden", "Schouten", "van Beek", "Willems",
  "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal",
  "Prins", "Blom", "Huisman", "de Lange", "Kuipers", "van Wijk", "Post", "Yilmaz", "El Amrani",
] as const;
// biome-ignore format: a word list
const flemishFirstNames = [
  "Pieter-Jan", "Wout", "Jens", "Lotte", "Hanne", "Koen", "Stijn", "Elke", "Bart", "Griet",
  "Tom", "An", "Kristof", "Leen", "Thomas", "Sofie", "Nathalie", "Julien", "Camille", "Dries",
] as const;
// biome-ignore format: a word list
const flemishLastNames = [
  "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
  "De Smet", "Dubois", "Lambert", "Vermeulen", "Hermans", "Van den Bossche", "De Clercq",
  "Verstraete", "Vandenberghe", "Van Damme", "Coppens",
] as const;
// biome-ignore format: a word list
const germanFirstNames = [
  "Jan", "Lukas", "Katrin", "Stefan", "Julia", "Andreas", "Sabine", "Markus", "Anja", "Tobias",
  "Claudia", "Thomas", "Jörg", "Birgit",
] as const;
// biome-ignore format: a word list
const germanLastNames = [
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
  "Schulz", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Janßen",
] as const;

type Country = "NL" | "BE" | "DE";
type Weighted<T = string> = readonly (readonly [T, number])[];

const regions: Record<Country, readonly (readonly [string, number, readonly string[]])[]> = {
  NL: [
    ["Zuid-Holland", 22, ["Rotterdam", "Barendrecht", "Bleiswijk", "Dordrecht", "Ridderkerk"]],
    ["Noord-Brabant", 22, ["Tilburg", "Waalwijk", "Moerdijk", "Eindhoven", "Breda", "Oss"]],
    ["Noord-Holland", 12, ["Amsterdam", "Zaandam", "Hoofddorp", "Alkmaar"]],
    ["Gelderland", 12, ["Nijmegen", "Tiel", "Apeldoorn", "Ede", "Doetinchem"]],
    ["Limburg", 9, ["Venlo", "Born", "Roermond", "Heerlen"]],
    ["Utrecht", 8, ["Utrecht", "Amersfoort", "Nieuwegein", "Veenendaal"]],
    ["Overijssel", 6, ["Zwolle", "Deventer", "Enschede", "Hengelo"]],
    ["Flevoland", 3, ["Almere", "Lelystad"]],
    ["Zeeland", 2, ["Vlissingen", "Goes", "Terneuzen"]],
    ["Friesland", 2, ["Heerenveen", "Leeuwarden", "Drachten"]],
    ["Groningen", 1.5, ["Groningen", "Veendam"]],
    ["Drenthe", 1.5, ["Emmen", "Assen", "Hoogeveen"]],
  ],
  BE: [
    ["Antwerpen", 35, ["Antwerpen", "Mechelen", "Geel", "Turnhout"]],
    ["Oost-Vlaanderen", 22, ["Gent", "Aalst", "Sint-Niklaas"]],
    ["West-Vlaanderen", 15, ["Brugge", "Kortrijk", "Roeselare"]],
    ["Vlaams-Brabant", 12, ["Leuven", "Vilvoorde", "Zaventem"]],
    ["Limburg", 10, ["Genk", "Hasselt", "Lommel"]],
    ["Henegouwen", 3, ["Charleroi", "Mons"]],
    ["Luik", 3, ["Luik", "Verviers"]],
  ],
  DE: [
    ["Nordrhein-Westfalen", 55, ["Duisburg", "Düsseldorf", "Köln", "Dortmund", "Kleve"]],
    ["Niedersachsen", 20, ["Hannover", "Osnabrück", "Emden"]],
    ["Hamburg", 10, ["Hamburg"]],
    ["Bremen", 8, ["Bremen"]],
    ["Hessen", 7, ["Frankfurt am Main", "Kassel"]],
  ],
};

/** NL ~70%, BE ~20%, DE ~10%; Dutch campaigns and Dutch fairs draw mostly Dutch leads. */
const countryMix: Record<"default" | "brandNl" | "dutchEvent", Weighted<Country>> = {
  default: [
    ["NL", 70],
    ["BE", 20],
    ["DE", 10],
  ],
  brandNl: [
    ["NL", 95],
    ["BE", 5],
  ],
  dutchEvent: [
    ["NL", 85],
    ["BE", 12],
    ["DE", 3],
  ],
};

const industryWeights: Weighted = [
  ["Logistics", 24],
  ["Transport", 22],
  ["Manufacturing", 14],
  ["Wholesale", 12],
  ["E-commerce", 10],
  ["Retail", 6],
  ["Food & beverage", 4],
  ["Construction", 3],
  ["Automotive", 2],
  ["Consultancy", 2],
];
const facebookIndustryWeights: Weighted = [
  ["E-commerce", 30],
  ["Retail", 18],
  ["Logistics", 12],
  ["Transport", 10],
  ["Wholesale", 8],
  ["Food & beverage", 8],
  ["Construction", 6],
  ["Consultancy", 8],
];

const webshopWords = [
  ["Fiets", "Tuin", "Dier", "Koffie", "Speelgoed", "Sport", "Keuken", "Lampen", "Baby", "Wijn"],
  ["plein", "huis", "depot", "kopen", "expert", "paradijs", "winkel", "markt"],
] as const;

/** Company-name patterns per industry; {S} is a surname, {P} a place. */
const namePatterns: Record<Country, Record<string, readonly string[]>> = {
  NL: {
    Logistics: [
      "{S} Logistiek B.V.",
      "{S} Logistics",
      "{P} Warehousing B.V.",
      "{S} Fulfilment",
      "{S} Distributie B.V.",
      "Logistiek Centrum {P}",
    ],
    Transport: [
      "{S} Transport B.V.",
      "Transportbedrijf {S}",
      "{S} Koeltransport",
      "{S} Internationaal Transport",
      "{S} Expeditie B.V.",
      "{S} & Zn. Transport",
    ],
    Manufacturing: [
      "{S} Metaalbewerking B.V.",
      "{S} Kunststoffen",
      "{S} Verpakkingen B.V.",
      "{S} Machinebouw",
      "{P} Food Products B.V.",
    ],
    Wholesale: [
      "{S} Groothandel B.V.",
      "{S} Trading",
      "{S} Bouwmaterialen B.V.",
      "{S} Foodservice",
      "{S} Technische Groothandel",
    ],
    Retail: ["{S} Mode", "{S} Wonen", "Tuincentrum {S}", "{S} Witgoed"],
    "Food & beverage": ["{S} Bakkerijen", "{S} Zuivel B.V.", "Brouwerij {P}", "{S} Versmarkt"],
    Construction: ["{S} Bouw B.V.", "Bouwbedrijf {S}", "{S} Installatietechniek"],
    Automotive: ["{S} Autoparts", "Autobedrijf {S}", "{S} Truck Service"],
    Consultancy: ["{S} Advies", "{S} & Partners", "{S} Interim Management"],
  },
  BE: {
    Logistics: ["{S} Logistics BV", "{S} Distributie NV", "{P} Warehousing NV", "{S} Logistiek BV"],
    Transport: ["{S} Transport NV", "Transport {S} BV", "{S} Koeltransport BV", "{S} Expeditie NV"],
    Manufacturing: ["{S} Metaal NV", "{S} Verpakking BV", "{S} Machinebouw NV"],
    Wholesale: ["{S} Groothandel BV", "{S} Trading NV", "{S} Foodservice BV"],
    Retail: ["{S} Wonen BV", "{S} Mode"],
    "Food & beverage": ["Brouwerij {S}", "{S} Chocolaterie BV", "{S} Voeding NV"],
    Construction: ["{S} Bouw NV", "Bouwonderneming {S}"],
    Automotive: ["{S} Auto-onderdelen BV", "Garage {S}"],
    Consultancy: ["{S} Consult BV", "{S} & Partners"],
  },
  DE: {
    Logistics: ["{S} Logistik GmbH", "{S} Lagerlogistik GmbH", "{P} Logistik Zentrum GmbH"],
    Transport: ["Spedition {S} GmbH", "{S} Transporte GmbH & Co. KG", "{S} Kühltransporte GmbH"],
    Manufacturing: ["{S} Maschinenbau GmbH", "{S} Kunststofftechnik GmbH", "{S} Verpackung GmbH"],
    Wholesale: ["{S} Großhandel GmbH", "{S} Handels GmbH", "{S} Baustoffe GmbH"],
    Retail: ["{S} Wohnen GmbH", "Modehaus {S}"],
    "Food & beverage": ["Brauerei {S}", "{S} Feinkost GmbH"],
    Construction: ["{S} Bau GmbH", "Bauunternehmung {S}"],
    Automotive: ["Autohaus {S}", "{S} Fahrzeugteile GmbH"],
    Consultancy: ["{S} Beratung GmbH", "{S} & Partner"],
  },
};

const dutchTitles: Weighted = [
  ["Logistiek manager", 8],
  ["Operations manager", 8],
  ["Head of Operations", 5],
  ["Directeur", 6],
  ["Algemeen directeur", 3],
  ["Eigenaar", 4],
  ["Planner", 6],
  ["Transportplanner", 4],
  ["Inkoper", 4],
  ["COO", 3],
  ["Warehouse manager", 7],
  ["Hoofd logistiek", 4],
  ["Supply chain manager", 5],
  ["Teamleider magazijn", 4],
  ["Financieel directeur", 2],
  ["CFO", 1],
  ["IT manager", 3],
  ["Projectmanager", 2],
  ["Medewerker binnendienst", 3],
  ["Logistiek medewerker", 3],
  ["Business controller", 1],
];
const flemishTitles: Weighted = [
  ...dutchTitles,
  ["Zaakvoerder", 6],
  ["Logistiek verantwoordelijke", 5],
  ["Aankoper", 3],
];
const germanTitles: Weighted = [
  ["Leiter Logistik", 8],
  ["Geschäftsführer", 6],
  ["Disponent", 5],
  ["Lagerleiter", 6],
  ["Head of Operations", 4],
  ["Einkäufer", 3],
  ["Supply Chain Manager", 4],
  ["COO", 1],
];
const smallBusinessTitles: Weighted = [
  ["Eigenaar", 14],
  ["Eigenaar webshop", 8],
  ["Student", 6],
  ["Medewerker", 6],
  ["Zzp'er", 3],
  ["Marketing medewerker", 3],
  ["Logistiek medewerker", 4],
  ["Operations manager", 3],
  ["Directeur", 3],
];

const companySizeMedian: Record<Source, number> = {
  "Google Ads": 45,
  Organic: 35,
  LinkedIn: 90,
  Facebook: 8,
  Webinar: 60,
  "Trade fair": 80,
  "Partner referral": 70,
  Outbound: 120,
};

interface Company {
  name: string;
  domain: string;
  country: Country;
  region: string;
  industry: string;
  size: number;
}

interface Contact {
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string | null;
  company: Company;
  companySize: number | null;
}

function capitalise(name: string) {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function ascii(text: string) {
  return text
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function domainOf(company: string) {
  const base = ascii(company)
    .replace(/\b(b\.v\.|bv|nv|gmbh & co\. kg|gmbh|& zn\.)/g, "")
    .replace(/&/g, "en")
    .replace(/[^a-z0-9]/g, "");
  return `${base || "bedrijf"}.example`;
}

function webshopName(first: string, second: string, bv: boolean) {
  const joint = first.endsWith(second.charAt(0)) ? "-" : "";
  return `${first}${joint}${second}${bv ? " B.V." : ""}`;
}

function roundSize(size: number) {
  if (size > 200) return Math.round(size / 10) * 10;
  if (size > 50) return Math.round(size / 5) * 5;
  return size;
}

// ---------------------------------------------------------------------------------------------
// Campaigns, content and touchpoints

const googleCampaigns: Weighted = [
  ["Warehouse software – search", 55],
  ["Brand NL", 28],
  ["Transport planning – search", 17],
];
const googleTerms: Record<string, readonly string[]> = {
  "Warehouse software – search": [
    "wms software mkb",
    "warehouse management systeem",
    "magazijnbeheer software",
    "wms software",
    "voorraadbeheer software",
    "wms systeem kosten",
    "wms voor webshop",
    "magazijn software",
  ],
  "Brand NL": ["noordzee logistiek", "noordzee wms", "noordzee logistiek prijzen"],
  "Transport planning – search": [
    "transportplanning software",
    "ritplanning software",
    "planningssoftware transport",
    "routeplanner vrachtwagen",
  ],
};
const organicTerms = [
  "wms software mkb",
  "wat kost een wms",
  "magazijn inrichten tips",
  "verschil wms en erp",
  "peak season magazijn",
  "voorraadbeheer excel template",
  "wms exact online koppeling",
  "beste wms nederland",
];
const landingPages: Record<string, string> = {
  "Warehouse software – search": "/wms",
  "Brand NL": "/",
  "Transport planning – search": "/transportplanning",
  "LinkedIn – Operations managers": "/wms/functies",
  "LinkedIn – Whitepaper WMS": "/whitepapers/wms-kiezen",
  "Facebook – Q3 whitepaper": "/whitepapers/piekdrukte",
};
const browsePages = [
  "/",
  "/wms",
  "/wms/functies",
  "/transportplanning",
  "/integraties",
  "/integraties/exact-online",
  "/cases",
  "/blog/magazijn-inrichten",
  "/blog/wms-kiezen",
  "/blog/peak-season-checklist",
  "/over-ons",
  "/contact",
];
const pricingPage = `${site}/prijzen`;

const downloads = {
  wmsWhitepaper: { content: "Whitepaper: WMS kiezen in 7 stappen", contentType: "whitepaper" },
  peakWhitepaper: {
    content: "Whitepaper: Piekdrukte in het magazijn",
    contentType: "whitepaper",
  },
  caseTransport: { content: "Case study: Koeltransport Zeeland", contentType: "case study" },
  caseWholesale: { content: "Case study: Groothandel in Venlo", contentType: "case study" },
  checklistPeak: { content: "Checklist: Klaar voor peak season", contentType: "checklist" },
  checklistExcel: { content: "Checklist: Van Excel naar WMS", contentType: "checklist" },
} as const;
const anyDownload = Object.values(downloads);

type Form = readonly [content: string, url: string];
const demoForm: Form = ["Demo aanvragen", `${site}/demo-aanvragen`];
const newsletterForm: Form = ["Nieuwsbrief-aanmelding", `${site}/nieuwsbrief`];
const forms: readonly (readonly [Form, number])[] = [
  [demoForm, 55],
  [["Offerte aanvragen", `${site}/offerte`], 20],
  [["Contactformulier", `${site}/contact`], 25],
];

const partners: (readonly [string, number, Country | null])[] = [
  ["Van der Meer ERP Consultancy", 35, null],
  ["LogiConnect Integraties", 25, "NL"],
  ["Brink Supply Chain Advies", 20, "NL"],
  ["Flanders Logistics Partners", 12, "BE"],
  ["Rhein-Maas Consulting GmbH", 8, "DE"],
];
/** The partners referrals come from (the demo's "Partner referrals" routing rule lists them). */
export const demoPartners = partners.map(([name]) => name);

interface Touch {
  kind: TouchpointKind;
  source: string | null;
  campaign: string | null;
  content: string | null;
  contentType: string | null;
  url: string | null;
  term: string | null;
  at: number;
}

function touch(kind: TouchpointKind, at: number, fields: Partial<Omit<Touch, "kind" | "at">> = {}) {
  return {
    kind,
    at,
    source: fields.source ?? null,
    campaign: fields.campaign ?? null,
    content: fields.content ?? null,
    contentType: fields.contentType ?? null,
    url: fields.url ?? null,
    term: fields.term ?? null,
  } satisfies Touch;
}

// ---------------------------------------------------------------------------------------------
// The schedule: when leads arrive, from which source and campaign

interface Slot {
  at: number;
  source: Source;
  campaign: string | null;
  partner?: string;
  countryHint?: Country | null;
  /** Outbound: the rep who found the lead. */
  rep?: DemoMember;
}

interface Occasion {
  name: string;
  start: number;
  days: number;
  leads: number;
}

/** The nth given weekday of a month, in the most recent year it has already begun. */
function lastOccurrence(now: number, month: number, nth: number, weekday: number) {
  const year = local(now).year;
  for (const y of [year, year - 1]) {
    const first = new Date(Date.UTC(y, month, 1)).getUTCDay();
    const day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
    const start = fromLocal(y, month, day, 0);
    if (start < now - DAY) return { year: y, start };
  }
  throw new Error("no occurrence found");
}

const monthFactor = [0.95, 1.05, 1.15, 1.05, 1.0, 0.95, 0.55, 0.45, 1.0, 1.2, 1.1, 0.85];
const weekdayFactor = [0.15, 1.1, 1.1, 1.05, 1.0, 0.8, 0.2];

function seasonOf(l: LocalTime) {
  let factor = monthFactor[l.month] ?? 1;
  if (l.month === 11 && l.day >= 20) factor *= 0.35;
  if (l.month === 0 && l.day <= 3) factor *= 0.4;
  return factor;
}

function buildSchedule(dice: Dice, now: number, sales: DemoMember[]) {
  const days: { start: number; l: LocalTime }[] = [];
  const today = local(now);
  for (let back = 364; back >= 0; back--) {
    const start = fromLocal(today.year, today.month, today.day - back, 0);
    days.push({ start, l: local(start + 12 * HOUR) });
  }

  const logistica = lastOccurrence(now, 2, 2, 2);
  const transportCompleet = lastOccurrence(now, 9, 1, 2);
  const fairs: Occasion[] = [
    { name: `Logistica ${logistica.year} Utrecht`, start: logistica.start, days: 3, leads: 140 },
    { name: "TransportCompleet Gorinchem", start: transportCompleet.start, days: 3, leads: 110 },
  ];
  const webinars: Occasion[] = [
    {
      name: "Webinar: Peak season planning",
      start: lastOccurrence(now, 8, 2, 4).start,
      days: 1,
      leads: 75,
    },
    {
      name: "Webinar: Van Excel naar WMS",
      start: lastOccurrence(now, 1, 2, 4).start,
      days: 1,
      leads: 60,
    },
  ];
  const afterFair = (start: number) =>
    fairs.some((fair) => start >= fair.start && start < fair.start + 14 * DAY);

  // Always-on sources: a yearly target spread by season, weekday and the weeks after a fair.
  const alwaysOn: {
    source: Source;
    perYear: number;
    evenings: number;
    factor: (day: (typeof days)[0]) => number;
  }[] = [
    {
      source: "Google Ads",
      perYear: 640,
      evenings: 0.12,
      factor: (d) => (afterFair(d.start) ? 1.5 : 1),
    },
    {
      source: "Organic",
      perYear: 520,
      evenings: 0.15,
      factor: (d) => (afterFair(d.start) ? 1.4 : 1),
    },
    { source: "LinkedIn", perYear: 330, evenings: 0.1, factor: () => 1 },
    {
      source: "Partner referral",
      perYear: 140,
      evenings: 0,
      factor: (d) => (d.l.weekday % 6 ? 1 : 0),
    },
    { source: "Outbound", perYear: 170, evenings: 0, factor: (d) => (d.l.weekday % 6 ? 1 : 0) },
  ];
  const slots: Slot[] = [];
  const hourOfDay = (eveningShare: number) =>
    dice.chance(eveningShare)
      ? 19 + dice.float() * 4
      : dice.weighted([
          [8, 4],
          [9, 9],
          [10, 10],
          [11, 9],
          [12, 6],
          [13, 8],
          [14, 9],
          [15, 8],
          [16, 6],
          [17, 3],
        ] as const) + dice.float();

  for (const channel of alwaysOn) {
    const weights = days.map(
      (d) => seasonOf(d.l) * (weekdayFactor[d.l.weekday] ?? 1) * channel.factor(d),
    );
    const total = weights.reduce((sum, w) => sum + w, 0);
    days.forEach((d, index) => {
      const count = dice.poisson(((weights[index] ?? 0) * channel.perYear) / total);
      for (let n = 0; n < count; n++) {
        const at = fromLocal(d.l.year, d.l.month, d.l.day, hourOfDay(channel.evenings));
        slots.push(makeSlot(dice, channel.source, at, sales));
      }
    });
  }

  // Facebook: the Q3 whitepaper campaign only, July to September, its budget raised after the
  // summer holidays; leads come in evenings and weekends too.
  const budget = [0.5, 0.8, 1] as const;
  const q3 = days.filter((d) => d.l.month >= 6 && d.l.month <= 8);
  const q3Weight = (d: (typeof days)[0]) =>
    (budget[d.l.month - 6] ?? 1) * (d.l.weekday % 6 ? 1 : 0.85);
  const q3Total = q3.reduce((sum, d) => sum + q3Weight(d), 0);
  for (const d of q3) {
    const count = dice.poisson((210 * q3Weight(d)) / q3Total);
    for (let n = 0; n < count; n++) {
      const at = fromLocal(d.l.year, d.l.month, d.l.day, hourOfDay(0.4));
      slots.push({ at, source: "Facebook", campaign: "Facebook – Q3 whitepaper" });
    }
  }

  for (const fair of fairs) {
    const shares = [0.35, 0.4, 0.25];
    for (let day = 0; day < fair.days; day++) {
      const count = dice.poisson(fair.leads * (shares[day] ?? 0.3));
      const l = local(fair.start + day * DAY + 12 * HOUR);
      for (let n = 0; n < count; n++) {
        const at = fromLocal(l.year, l.month, l.day, dice.between(9.5, 17.5));
        slots.push({ at, source: "Trade fair", campaign: fair.name });
      }
    }
  }
  for (const webinar of webinars) {
    const count = dice.poisson(webinar.leads);
    const l = local(webinar.start + 12 * HOUR);
    for (let n = 0; n < count; n++) {
      // The webinar tool hands attendees and no-shows over after the 14:00–15:00 session.
      const at = fromLocal(l.year, l.month, l.day, dice.between(15.1, 15.6));
      slots.push({ at, source: "Webinar", campaign: webinar.name });
    }
  }

  return slots.filter((slot) => slot.at < now - 5 * MINUTE).sort((a, b) => a.at - b.at);
}

function makeSlot(dice: Dice, source: Source, at: number, sales: DemoMember[]): Slot {
  switch (source) {
    case "Google Ads":
      return { at, source, campaign: dice.weighted(googleCampaigns) };
    case "LinkedIn":
      return {
        at,
        source,
        campaign: dice.chance(0.55)
          ? "LinkedIn – Operations managers"
          : "LinkedIn – Whitepaper WMS",
      };
    case "Partner referral": {
      const partner = dice.weighted(partners.map(([name, weight]) => [name, weight] as const));
      const countryHint = partners.find(([name]) => name === partner)?.[2] ?? null;
      return { at, source, campaign: null, partner, countryHint };
    }
    case "Outbound": {
      const rep = dice.weighted(
        sales.map((member) => [member, member.isTeamLead ? 1 : 2] as const),
      );
      const campaign = dice.pick([
        "Outbound – 3PL warehouses",
        "Outbound – Wholesale Brabant",
        "Outbound – Cold chain",
      ]);
      return { at, source, campaign, rep };
    }
    default:
      return { at, source, campaign: null };
  }
}

// ---------------------------------------------------------------------------------------------
// The lifecycle of one lead

interface EventRow {
  id: string;
  workspaceId: string;
  leadId: string;
  fromStatus: LeadStatus | null;
  toStatus: LeadStatus;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  reason: string | null;
  definitionVersionId: string | null;
}

class Timeline {
  readonly events: EventRow[] = [];
  status: LeadStatus | null = null;
  last = 0;
  constructor(
    private readonly workspaceId: string,
    private readonly leadId: string,
    private readonly now: number,
  ) {}

  /** Records a move; refuses (false) when it would happen after `now`. */
  move(
    to: LeadStatus,
    at: number,
    by: { user?: string | null; label?: string; reason: string; version?: string },
  ): boolean {
    if (this.status !== null && !canMove(this.status, to)) {
      throw new Error(`Demo data: ${this.status} → ${to} is not an allowed move`);
    }
    const time = Math.max(at, this.last + SECOND);
    if (time > this.now) return false;
    this.events.push({
      id: randomUUID(),
      workspaceId: this.workspaceId,
      leadId: this.leadId,
      fromStatus: this.status,
      toStatus: to,
      occurredAt: new Date(time),
      actorUserId: by.user ?? null,
      actorLabel: by.user ? null : (by.label ?? null),
      reason: by.reason,
      definitionVersionId: by.version ?? null,
    });
    this.status = to;
    this.last = time;
    return true;
  }
}

const acceptRate: Record<Source, number> = {
  "Google Ads": 0.68,
  LinkedIn: 0.64,
  Facebook: 0.25,
  Webinar: 0.62,
  "Trade fair": 0.7,
  "Partner referral": 0.82,
  Organic: 0.68,
  Outbound: 0.88,
};
const sqlRate: Record<Source, number> = {
  "Google Ads": 0.45,
  LinkedIn: 0.42,
  Facebook: 0.2,
  Webinar: 0.4,
  "Trade fair": 0.45,
  "Partner referral": 0.6,
  Organic: 0.45,
  Outbound: 0.5,
};
const rejectReasons: Weighted = [
  ["No need", 20],
  ["No budget", 18],
  ["Bad timing", 14],
  ["Outside target size", 12],
  ["Duplicate", 8],
  ["Bad data", 7],
  ["Wrong industry", 6],
  ["Competitor", 5],
];
// The Facebook whitepaper drew webshops: on the call most turn out smaller than the form said.
const facebookRejectReasons: Weighted = [
  ["Outside target size", 70],
  ["No budget", 10],
  ["Student", 4],
  ["Bad data", 7],
  ["No need", 6],
  ["Duplicate", 3],
];
const lostReasons: Weighted = [
  ["Chose a competitor", 35],
  ["Price too high", 20],
  ["No decision: project stopped", 20],
  ["Went with their ERP's warehouse module", 15],
  ["Postponed to next year", 10],
];

// ---------------------------------------------------------------------------------------------
// The seed

export async function seedDemoLeads(options: {
  db: Database;
  workspaceId: string;
  members: DemoMember[];
  now: Date;
  log: (line: string) => void;
  /** Routes each new MQL (and logs why), as the app would on arrival. */
  routing: DemoRouting;
  random?: () => number;
}): Promise<{ leads: number; touchpoints: number; feedback: number }> {
  const { db, workspaceId, log } = options;
  const random = new Dice(options.random ?? mulberry32(defaultSeed));
  // Each lead draws from its own stream (seeded from the main one), so whether one lead's next
  // step has happened by `now` never changes the leads after it: runs differ only at the edge.
  let dice = random;
  const now = options.now.getTime();
  const member = (test: (m: DemoMember) => boolean, what: string) => {
    const found = options.members.find(test);
    if (!found) throw new Error(`The demo needs ${what}`);
    return found;
  };
  const marketingLead = member((m) => m.role === "marketing" && m.isTeamLead, "a marketing lead");
  const salesLead = member((m) => m.role === "sales" && m.isTeamLead, "a sales lead");
  const marketer =
    options.members.find((m) => m.role === "marketing" && !m.isTeamLead) ?? marketingLead;
  const sales = options.members.filter((m) => m.role === "sales");

  // --- Definitions, through the real workflow, then dated back ---
  log("Definitions: MQL v1 (active), MQL v2 (proposed), SQL v1 (active)…");
  const today = local(now);
  const businessDay = (daysAgo: number, hour: number) =>
    nextOpening(fromLocal(today.year, today.month, today.day - daysAgo, hour));
  const v1Created = businessDay(340, 10.2);
  const v1Proposed = addBusinessHours(v1Created, 9.5);
  const v1MarketingApproved = addBusinessHours(v1Proposed, 3);
  const activatedAt = addBusinessHours(v1MarketingApproved, 11);
  const sqlCreated = addBusinessHours(v1Created, 4);
  const sqlProposed = addBusinessHours(sqlCreated, 8);
  const sqlMarketingApproved = activatedAt + 20 * MINUTE;
  const sqlActivatedAt = sqlMarketingApproved + 25 * MINUTE;
  const v2Created = businessDay(16, 11.3);
  const v2Proposed = addBusinessHours(v2Created, 7);
  const v2MarketingApproved = v2Proposed + 12 * MINUTE;
  const daanComment = addBusinessHours(v2Proposed, 14);
  const sanneComment = addBusinessHours(daanComment, 5);

  const asApprover = (m: DemoMember) => ({
    userId: m.userId,
    membership: { role: m.role, isTeamLead: m.isTeamLead },
  });
  const v1 = await createDraft({
    db,
    workspaceId,
    actorUserId: marketingLead.userId,
    content: mqlV1,
  });
  await proposeVersion({ db, workspaceId, versionId: v1.id, actorUserId: marketingLead.userId });
  await approveVersion({ db, workspaceId, versionId: v1.id, approver: asApprover(marketingLead) });
  await approveVersion({
    db,
    workspaceId,
    versionId: v1.id,
    approver: asApprover(salesLead),
    now: new Date(activatedAt),
  });
  const sqlDefinition = await createDraft({
    db,
    workspaceId,
    actorUserId: salesLead.userId,
    content: sqlV1,
  });
  await proposeVersion({
    db,
    workspaceId,
    versionId: sqlDefinition.id,
    actorUserId: salesLead.userId,
  });
  await approveVersion({
    db,
    workspaceId,
    versionId: sqlDefinition.id,
    approver: asApprover(marketingLead),
  });
  await approveVersion({
    db,
    workspaceId,
    versionId: sqlDefinition.id,
    approver: asApprover(salesLead),
    now: new Date(sqlActivatedAt),
  });
  const v2 = await createDraft({
    db,
    workspaceId,
    actorUserId: marketingLead.userId,
    content: mqlV2,
  });
  await proposeVersion({ db, workspaceId, versionId: v2.id, actorUserId: marketingLead.userId });
  await approveVersion({ db, workspaceId, versionId: v2.id, approver: asApprover(marketingLead) });
  const comments = [
    {
      by: salesLead,
      at: daanComment,
      body:
        "Sales would rather not drop the 10-employee floor: Facebook leads under 10 employees " +
        "never convert. Happy with the lower engagement score and with counting case studies.",
    },
    {
      by: marketingLead,
      at: sanneComment,
      body:
        "Fair point. The what-if shows most of the extra MQLs come from the lower score and the " +
        "extra downloads, not from the size band, so I can live with keeping the floor at 10. " +
        "I will draft a version 3 with only those two changes.",
    },
  ];
  for (const comment of comments) {
    await addComment({
      db,
      workspaceId,
      versionId: v2.id,
      userId: comment.by.userId,
      body: comment.body,
    });
  }

  await backdateDefinitions(db, workspaceId, [
    {
      version: v1,
      created: v1Created,
      proposed: v1Proposed,
      approvals: { marketing: v1MarketingApproved, sales: activatedAt },
      activated: activatedAt,
    },
    {
      version: sqlDefinition,
      created: sqlCreated,
      proposed: sqlProposed,
      approvals: { marketing: sqlMarketingApproved, sales: sqlActivatedAt },
      activated: sqlActivatedAt,
    },
    {
      version: v2,
      created: v2Created,
      proposed: v2Proposed,
      approvals: { marketing: v2MarketingApproved },
      activated: null,
    },
  ]);
  for (const comment of comments) {
    await db
      .update(definitionComments)
      .set({ createdAt: new Date(comment.at) })
      .where(
        and(
          eq(definitionComments.versionId, v2.id),
          eq(definitionComments.userId, comment.by.userId),
        ),
      );
  }

  // --- Leads, in memory ---
  const slots = buildSchedule(random, now, sales);
  const leadSeed = Math.floor(random.float() * 2 ** 32);
  // Feedback draws from streams of its own, so it leaves the leads' own draws as they were.
  const feedbackSeed = Math.floor(random.float() * 2 ** 32);
  const leadRows: Lead[] = [];
  const touchRows: (typeof touchpoints.$inferInsert)[] = [];
  const eventRows: EventRow[] = [];
  const noteRows: (typeof leadNotes.$inferInsert)[] = [];
  const feedbackRows: DemoFeedback["rows"] = [];
  const companies: Company[] = [];
  const usedEmails = new Set<string>();
  const closedContacts: { contact: Contact; closedAt: number }[] = [];
  const dedupe = new Set<string>();
  let hubspotId = 48_211;

  const newCompany = (slot: Slot): Company => {
    const mix =
      slot.source === "Facebook" || slot.source === "Trade fair"
        ? countryMix.dutchEvent
        : slot.campaign === "Brand NL"
          ? countryMix.brandNl
          : countryMix.default;
    const country: Country = slot.countryHint ?? dice.weighted(mix);
    const industry = dice.weighted(
      slot.source === "Facebook" ? facebookIndustryWeights : industryWeights,
    );
    const regionRow = dice.weighted((regions[country] ?? []).map((row) => [row, row[1]] as const));
    const place = dice.pick(regionRow[2]);
    const surname = capitalise(
      dice.pick(
        country === "NL" ? dutchLastNames : country === "BE" ? flemishLastNames : germanLastNames,
      ),
    );
    const name =
      industry === "E-commerce" && country !== "DE"
        ? webshopName(dice.pick(webshopWords[0]), dice.pick(webshopWords[1]), dice.chance(0.5))
        : dice
            .pick(namePatterns[country][industry] ?? ["{S} B.V."])
            .replace("{S}", surname)
            .replace("{P}", place);
    let median = companySizeMedian[slot.source];
    if (industry === "E-commerce") median *= 0.5;
    if (industry === "Manufacturing") median *= 1.5;
    const sigma = slot.source === "Facebook" ? 0.9 : slot.source === "Outbound" ? 0.7 : 1.0;
    const size = Math.max(1, Math.min(4000, roundSize(Math.round(dice.logNormal(median, sigma)))));
    const company = { name, domain: domainOf(name), country, region: regionRow[0], industry, size };
    companies.push(company);
    return company;
  };

  const newContact = (slot: Slot): Contact => {
    const company =
      companies.length > 50 && slot.source !== "Facebook" && dice.chance(0.1)
        ? dice.pick(companies)
        : newCompany(slot);
    const { country } = company;
    const firstName = dice.pick(
      country === "NL" ? dutchFirstNames : country === "BE" ? flemishFirstNames : germanFirstNames,
    );
    const lastName =
      country === "NL"
        ? dice.pick(dutchLastNames)
        : country === "BE"
          ? dice.pick(flemishLastNames)
          : dice.pick(germanLastNames);
    const small = company.size < 10 || slot.source === "Facebook";
    let jobTitle: string | null = dice.weighted(
      small && dice.chance(0.7)
        ? smallBusinessTitles
        : country === "DE"
          ? germanTitles
          : country === "BE"
            ? flemishTitles
            : dutchTitles,
    );
    let companySize: number | null = company.size;
    const missing = dice.float();
    if (missing < 0.045) jobTitle = null;
    else if (missing < 0.06) companySize = null;
    if (jobTitle === "Student") companySize = dice.int(1, 25);

    const first = ascii(firstName).replace(/[^a-z]/g, "");
    const last = ascii(lastName).replace(/[^a-z]/g, "");
    const personal = slot.source === "Facebook" && company.size < 10 && dice.chance(0.4);
    const domain = personal
      ? dice.pick(["ziggo.example", "kpnmail.example", "hotmail.example", "gmail.example"])
      : company.domain;
    const candidates = personal
      ? [`${first}${last}@${domain}`, `${first}.${last}${dice.int(10, 99)}@${domain}`]
      : [`${first}.${last}@${domain}`, `${first[0]}.${last}@${domain}`, `${first}@${domain}`];
    let email = candidates.find((candidate) => !usedEmails.has(candidate));
    for (let n = 2; !email; n++) {
      const candidate = `${first}.${last}${n}@${domain}`;
      if (!usedEmails.has(candidate)) email = candidate;
    }
    usedEmails.add(email);
    return { firstName, lastName, email, jobTitle, company, companySize };
  };

  const journey = (slot: Slot, created: number): { touches: Touch[]; content: string | null } => {
    const list: Touch[] = [];
    const before = (days: number) => created - days * DAY;
    const between = (from: number) => from + dice.float() * (created - from);
    const pageViews = (from: number, count: number, pricing: number) => {
      for (let n = 0; n < count; n++)
        list.push(touch("page_view", between(from), { url: `${site}${dice.pick(browsePages)}` }));
      if (dice.chance(pricing)) list.push(touch("page_view", between(from), { url: pricingPage }));
    };
    const nurtureMail = (from: number) =>
      list.push(
        touch("email_click", between(from), {
          source: "Email",
          campaign: "Nurture – WMS",
          content: dice.pick(["Nieuwsbrief", "WMS-gids mail 2", "Klantverhaal van de maand"]),
          url: `${site}${dice.pick(browsePages)}`,
        }),
      );
    const form = (which?: Form) => {
      const [content, url] = which ?? dice.weighted(forms);
      list.push(touch("form", created, { content, url }));
      return content;
    };
    let content: string | null = null;

    switch (slot.source) {
      case "Google Ads": {
        const campaign = slot.campaign ?? "";
        const start = before(Math.min(30, dice.logNormal(3, 1.2)));
        const url = `${site}${landingPages[campaign] ?? "/"}`;
        list.push(
          touch("search_term", start, {
            source: "Google Ads",
            campaign,
            term: dice.pick(googleTerms[campaign] ?? ["wms software"]),
          }),
          touch("ad_click", start + 2 * SECOND, { source: "Google Ads", campaign, url }),
          touch("page_view", start + 4 * SECOND, { url }),
        );
        if (dice.chance(0.3)) {
          pageViews(start, dice.int(0, 1), 0.08);
          content = form(newsletterForm);
          break;
        }
        pageViews(start, dice.int(1, 4), 0.35);
        if (dice.chance(0.25))
          list.push(touch("content_download", between(start), dice.pick(anyDownload)));
        if (created - start > 2 * DAY && dice.chance(0.2)) nurtureMail(start);
        content = form();
        break;
      }
      case "Organic": {
        const start = before(Math.min(60, dice.logNormal(6, 1.2)));
        if (dice.chance(0.7))
          list.push(
            touch("search_term", start, { source: "Organic", term: dice.pick(organicTerms) }),
          );
        list.push(
          touch("page_view", start + 3 * SECOND, { url: `${site}${dice.pick(browsePages)}` }),
        );
        if (dice.chance(0.4)) {
          pageViews(start, dice.int(0, 2), 0.08);
          content = form(newsletterForm);
          break;
        }
        pageViews(start, dice.int(1, 5), 0.3);
        if (dice.chance(0.4))
          list.push(touch("content_download", between(start), dice.pick(anyDownload)));
        if (created - start > 3 * DAY && dice.chance(0.25)) nurtureMail(start);
        content = form();
        break;
      }
      case "LinkedIn": {
        const campaign = slot.campaign ?? "";
        const start = before(Math.min(20, dice.logNormal(1.5, 1.2)));
        const url = `${site}${landingPages[campaign] ?? "/"}`;
        list.push(touch("ad_click", start, { source: "LinkedIn", campaign, url }));
        if (campaign === "LinkedIn – Whitepaper WMS") {
          pageViews(start, dice.int(0, 2), 0.15);
          list.push(
            touch("content_download", created - SECOND, downloads.wmsWhitepaper),
            touch("form", created, { content: "LinkedIn Lead Gen: Whitepaper WMS" }),
          );
          content = downloads.wmsWhitepaper.content;
        } else {
          list.push(touch("page_view", start + 3 * SECOND, { url }));
          pageViews(start, dice.int(1, 4), 0.3);
          content = form(demoForm);
        }
        break;
      }
      case "Facebook": {
        const campaign = slot.campaign ?? "";
        const start = before(Math.min(5, dice.logNormal(0.05, 1.5)));
        list.push(
          touch("ad_click", start, {
            source: "Facebook",
            campaign,
            url: `${site}${landingPages[campaign] ?? "/"}`,
          }),
        );
        pageViews(start, dice.int(0, 2), 0.08);
        list.push(
          touch("content_download", created - SECOND, downloads.peakWhitepaper),
          touch("form", created, { content: "Whitepaper-formulier", url: `${site}/whitepapers` }),
        );
        content = downloads.peakWhitepaper.content;
        break;
      }
      case "Webinar": {
        const campaign = slot.campaign ?? "";
        const registered = created - dice.between(2, 20) * DAY;
        if (dice.chance(0.7))
          list.push(
            touch("email_click", registered - HOUR, {
              source: "Email",
              campaign,
              content: "Uitnodiging webinar",
              url: `${site}/webinars`,
            }),
          );
        else
          list.push(
            touch("ad_click", registered - 5 * MINUTE, {
              source: "LinkedIn",
              campaign: "LinkedIn – Operations managers",
              url: `${site}/webinars`,
            }),
          );
        list.push(
          touch("form", registered, { content: "Webinar-registratie", url: `${site}/webinars` }),
        );
        pageViews(registered, dice.int(0, 2), 0.15);
        if (dice.chance(0.7))
          list.push(
            touch("webinar", created - HOUR, { source: "Webinar", campaign, content: campaign }),
          );
        content = campaign;
        break;
      }
      case "Trade fair": {
        const fair = slot.campaign ?? "";
        if (dice.chance(0.25))
          list.push(
            touch("email_click", before(dice.between(5, 25)), {
              source: "Email",
              campaign: fair,
              content: "Gratis ticket: bezoek onze stand",
              url: `${site}/beurzen`,
            }),
          );
        if (dice.chance(0.3)) pageViews(before(30), dice.int(1, 2), 0.2);
        list.push(touch("event", created, { source: "Trade fair", campaign: fair, content: fair }));
        content = `Stand ${dice.pick(["B", "C", "D"])}.${dice.int(100, 320)}`;
        break;
      }
      case "Partner referral": {
        const start = before(dice.between(0.5, 10));
        pageViews(start, dice.int(2, 5), 0.5);
        if (dice.chance(0.4))
          list.push(
            touch(
              "content_download",
              between(start),
              dice.pick([downloads.caseTransport, downloads.caseWholesale]),
            ),
          );
        list.push(
          touch("partner_referral", created, {
            source: "Partner referral",
            content: slot.partner ?? null,
          }),
        );
        content = null;
        break;
      }
      case "Outbound": {
        const start = before(dice.between(3, 25));
        const mails = dice.int(1, 3);
        for (let n = 0; n < mails; n++)
          list.push(
            touch("email_click", start + (n * (created - start)) / (mails + 1), {
              source: "Outbound",
              campaign: slot.campaign,
              content: "Sequence: WMS live in 6 weeks",
              url: `${site}/cases`,
            }),
          );
        pageViews(start, dice.int(1, 4), 0.4);
        list.push(
          touch("form", created, { content: "Afspraak ingepland", url: `${site}/afspraak` }),
        );
        content = null;
        break;
      }
    }
    list.sort((a, b) => a.at - b.at);
    // 1–12 touches: keep the first touch and the conversion, drop the middle when too many.
    while (list.length > 12) list.splice(1 + Math.floor(dice.float() * (list.length - 2)), 1);
    return { touches: list, content };
  };

  const evaluate = (lead: Lead, touches: EvaluatedTouchpoint[], at: number) => {
    const evaluation = evaluateDefinition({
      lead: leadForEvaluation(lead),
      touchpoints: touches.filter((t) => t.occurredAt.getTime() <= at),
      rules: v1.rules,
      requiredFields: v1.requiredFields,
      now: new Date(at),
    });
    return {
      evaluation,
      qualification: {
        versionId: v1.id,
        version: v1.version,
        qualifies: evaluation.qualifies,
        missingFields: evaluation.missingFields,
        results: evaluation.results,
        evaluatedAt: new Date(at).toISOString(),
      },
    };
  };

  const workTime = (at: number) => {
    const opening = nextOpening(at);
    return opening === at ? at : opening + dice.between(0, 2.5) * HOUR;
  };

  for (const [index, slot] of slots.entries()) {
    dice = new Dice(mulberry32((leadSeed + Math.imul(index + 1, 0x9e3779b1)) >>> 0));
    const created = slot.at;
    const source = slot.source;
    const id = randomUUID();
    // Now and then someone whose earlier inquiry was closed asks again: a new lead.
    const repeatIndex =
      (source === "Organic" || source === "Google Ads") && dice.chance(0.03)
        ? closedContacts.findIndex((c) => c.closedAt < created - 30 * DAY && dice.chance(0.2))
        : -1;
    const contact =
      repeatIndex >= 0
        ? (closedContacts.splice(repeatIndex, 1)[0]?.contact ?? newContact(slot))
        : newContact(slot);
    const outboundRep = slot.rep ?? null;
    const imported = source === "Trade fair" || source === "Outbound";
    const receivedAt =
      source === "Trade fair"
        ? Math.min(now, addBusinessHours(created, dice.between(6, 20)))
        : created + dice.int(3, 90) * SECOND;
    const { touches, content } = journey(slot, created);
    if (!imported) hubspotId += dice.int(1, 40);

    const lead: Lead = {
      id,
      workspaceId,
      externalId: imported ? null : `hubspot-${hubspotId}`,
      email: contact.email,
      firstName: contact.firstName,
      lastName: contact.lastName,
      company: contact.jobTitle === "Student" ? "n.v.t." : contact.company.name,
      companySize: contact.companySize,
      industry: contact.company.industry,
      jobTitle: contact.jobTitle,
      country: contact.company.country,
      region: contact.company.region,
      source,
      campaign: slot.campaign,
      content,
      partner: slot.partner ?? null,
      status: "new",
      ownerUserId: outboundRep?.userId ?? null,
      assignedAt: outboundRep ? new Date(created) : null,
      queue: null,
      poolId: null,
      marginTier: null,
      expectedValueCents: null,
      definitionVersionId: null,
      qualification: null,
      heldBackAt: null,
      mqlAt: null,
      // Kept from the events and activities written below: refreshLeadFacts (demo.ts).
      reachedSal: false,
      reachedRejected: false,
      reachedSql: false,
      firstContactAt: null,
      createdAt: new Date(created),
      receivedAt: new Date(receivedAt),
      updatedAt: new Date(receivedAt),
    };

    for (const t of touches) {
      const input = {
        kind: t.kind,
        source: t.source,
        campaign: t.campaign,
        content: t.content,
        content_type: t.contentType,
        url: t.url,
        term: t.term,
        occurred_at: new Date(Math.round(t.at)).toISOString(),
        external_id: null,
      };
      const dedupeKey = touchpointDedupeKey(id, input);
      if (dedupe.has(dedupeKey)) continue;
      dedupe.add(dedupeKey);
      touchRows.push({
        workspaceId,
        leadId: id,
        kind: t.kind,
        source: t.source,
        campaign: t.campaign,
        content: t.content,
        contentType: t.contentType,
        url: t.url,
        term: t.term,
        occurredAt: new Date(input.occurred_at),
        dedupeKey,
        createdAt: new Date(receivedAt),
      });
    }
    const evaluated: EvaluatedTouchpoint[] = touches.map((t) => ({
      kind: t.kind,
      url: t.url,
      content: t.content,
      contentType: t.contentType,
      occurredAt: new Date(Math.round(t.at)),
    }));

    // --- Lifecycle ---
    const timeline = new Timeline(workspaceId, id, now);
    timeline.move("new", created, {
      user: outboundRep?.userId,
      label: source === "Trade fair" ? "csv import" : "api",
      reason: outboundRep
        ? "Added by sales: replied to an outbound sequence"
        : `Received from ${source}`,
    });
    const beforeActivation = created < activatedAt;
    const judgedAt = beforeActivation ? activatedAt : created;
    const mqlLabel = beforeActivation ? "definition activated" : "qualification";
    const mqlReason = `Meets MQL definition v${v1.version} with complete data`;
    let judged = evaluate(lead, evaluated, judgedAt);
    lead.qualification = judged.qualification;
    lead.definitionVersionId = v1.id;
    lead.updatedAt = new Date(Math.max(receivedAt, judgedAt));
    let mqlAt: number | null = null;
    if (judgedAt <= now && judged.evaluation.qualifies) {
      if (timeline.move("mql", judgedAt, { label: mqlLabel, reason: mqlReason, version: v1.id }))
        mqlAt = timeline.last;
    } else if (judgedAt <= now && judged.evaluation.meetsCriteria) {
      // Held back for incomplete data; marketing completes about half within a few days.
      lead.heldBackAt = new Date(judgedAt);
      const completedAt = addBusinessHours(judgedAt, dice.between(3, 30));
      if (dice.chance(0.55) && completedAt <= now) {
        if (!lead.jobTitle)
          lead.jobTitle = dice.weighted(
            contact.company.country === "DE" ? germanTitles : dutchTitles,
          );
        if (lead.companySize === null) lead.companySize = contact.company.size;
        judged = evaluate(lead, evaluated, completedAt);
        lead.qualification = judged.qualification;
        lead.updatedAt = new Date(completedAt);
        if (
          judged.evaluation.qualifies &&
          timeline.move("mql", completedAt, {
            label: "qualification",
            reason: mqlReason,
            version: v1.id,
          })
        )
          mqlAt = timeline.last;
      }
    }

    const closeWith = (at: number) => closedContacts.push({ contact, closedAt: at });
    if (mqlAt === null) {
      // Not an MQL: most stay with marketing as they are; some are tidied up after a while.
      const later = workTime(created + dice.between(7, 40) * DAY);
      const tiny = (lead.companySize ?? 99) < 10;
      if (lead.jobTitle === "Student" && dice.chance(0.8)) {
        if (timeline.move("disqualified", later, { user: marketer.userId, reason: "Student" }))
          closeWith(timeline.last);
      } else if (source === "Facebook" && tiny && dice.chance(0.75)) {
        const recycle = dice.chance(0.4);
        if (
          timeline.move(recycle ? "recycled" : "disqualified", later, {
            user: marketer.userId,
            reason: recycle
              ? "Under 10 employees: small-business nurture track"
              : "Outside target size",
          })
        )
          closeWith(timeline.last);
      } else if (dice.chance(0.06)) {
        if (
          timeline.move("recycled", later, {
            user: marketer.userId,
            reason: "Not sales-ready: moved to the nurture track",
          })
        )
          closeWith(timeline.last);
      } else if (dice.chance(0.04)) {
        if (
          timeline.move("disqualified", later, {
            user: marketer.userId,
            reason: dice.pick(["Competitor", "Bad data", "Job seeker", "Wrong industry"]),
          })
        )
          closeWith(timeline.last);
      }
    } else {
      lead.mqlAt = new Date(mqlAt);
      if (outboundRep) {
        options.routing.keep(id, outboundRep.userId, new Date(created));
      } else {
        const route = options.routing.route(
          id,
          {
            region: lead.region,
            country: lead.country,
            company_size: lead.companySize,
            industry: lead.industry,
            source: lead.source,
            campaign: lead.campaign,
            partner: lead.partner,
            margin_tier: null,
          },
          new Date(mqlAt),
        );
        lead.ownerUserId = route.assignedUserId;
        lead.poolId = route.poolId;
        lead.queue = route.queue;
      }
      lead.assignedAt ??= new Date(mqlAt);
      const by = { user: lead.ownerUserId };
      // Routed to a queue (nurture), the lead is marketing's again: sales never decides on it.
      const stale = dice.chance(0.025) || lead.ownerUserId === null;
      const decidedAt = addBusinessHours(
        Math.max(mqlAt, receivedAt),
        Math.min(40, dice.logNormal(3, 1.1)),
      );
      let rate = acceptRate[source];
      if ((lead.companySize ?? 0) < 20) rate *= 0.8;
      if (lead.jobTitle === "Student") rate = 0;
      const accepted = dice.chance(rate);
      if (stale) {
        // Never picked up: an SLA breach waiting to be discussed.
      } else if (!accepted) {
        const reason =
          lead.jobTitle === "Student"
            ? "Student"
            : dice.weighted(source === "Facebook" ? facebookRejectReasons : rejectReasons);
        if (timeline.move("rejected", decidedAt, { ...by, reason })) {
          closeWith(timeline.last);
          if (dice.chance(0.35))
            timeline.move("recycled", workTime(timeline.last + dice.between(2, 10) * DAY), {
              user: marketer.userId,
              reason: "Back to nurture after sales rejection",
            });
        }
      } else if (
        timeline.move("sal", decidedAt, {
          ...by,
          reason: dice.pick(["Accepted", "Accepted: call booked", "Accepted: fits our target"]),
        })
      ) {
        const sqlAt = workTime(timeline.last + dice.logNormal(7, 0.6) * DAY);
        if (dice.chance(sqlRate[source])) {
          if (
            timeline.move("sql", sqlAt, {
              ...by,
              reason: dice.pick([
                "Need, budget and timing confirmed on the first call",
                "Decision-maker on the call; selection planned this half year",
                "Budget approved; wants to go live before peak season",
              ]),
              version: sqlDefinition.id,
            })
          ) {
            const opportunityAt = workTime(timeline.last + dice.logNormal(9, 0.5) * DAY);
            if (dice.chance(0.55)) {
              if (
                timeline.move("opportunity", opportunityAt, {
                  ...by,
                  reason: dice.pick([
                    "Demo given; proposal requested",
                    "Quote sent",
                    "Proposal requested after a site visit",
                  ]),
                })
              ) {
                const outcome = dice.weighted([
                  ["won", 35],
                  ["lost", 45],
                  ["open", 20],
                ] as const);
                const closedAt = workTime(
                  timeline.last + Math.min(180, dice.logNormal(55, 0.5)) * DAY,
                );
                if (outcome === "won") {
                  timeline.move("won", closedAt, {
                    ...by,
                    reason: dice.pick([
                      "Contract signed",
                      "Signed: 3-year subscription",
                      "Order signed after a pilot",
                    ]),
                  });
                } else if (outcome === "lost") {
                  if (
                    timeline.move("lost", closedAt, { ...by, reason: dice.weighted(lostReasons) })
                  ) {
                    closeWith(timeline.last);
                    if (dice.chance(0.25))
                      timeline.move(
                        "recycled",
                        workTime(timeline.last + dice.between(30, 90) * DAY),
                        {
                          user: marketer.userId,
                          reason: "Lost deal back to nurture for the next tender",
                        },
                      );
                  }
                }
              }
            } else {
              const recycle = dice.chance(0.6);
              if (
                timeline.move(
                  recycle ? "recycled" : "disqualified",
                  opportunityAt + dice.between(5, 30) * DAY,
                  {
                    ...by,
                    reason: recycle ? "Project postponed: back to nurture" : "No budget",
                  },
                )
              )
                closeWith(timeline.last);
            }
          }
        } else if (dice.chance(0.93)) {
          const outcome = dice.weighted([
            ["recycled", 55],
            ["disqualified", 45],
          ] as const);
          if (
            timeline.move(outcome, workTime(sqlAt + dice.between(3, 35) * DAY), {
              ...by,
              reason:
                outcome === "recycled"
                  ? dice.pick([
                      "Bad timing: no project before next year",
                      "No response after 6 attempts",
                    ])
                  : dice.pick(["No budget", "No need", "Staying with their current system"]),
            })
          )
            closeWith(timeline.last);
        }
      }
    }

    lead.status = timeline.status ?? "new";
    lead.updatedAt = new Date(Math.max(lead.updatedAt.getTime(), timeline.last));
    if (lead.ownerUserId) {
      const filed = demoFeedback({
        dice: new Dice(mulberry32((feedbackSeed + Math.imul(index + 1, 0x85ebca6b)) >>> 0)),
        workspaceId,
        leadId: id,
        ownerUserId: lead.ownerUserId,
        lead: { source, companySize: lead.companySize, industry: lead.industry },
        events: timeline.events,
        now,
      });
      feedbackRows.push(...filed.rows);
      lead.companySize = filed.corrected.companySize ?? lead.companySize;
      lead.industry = filed.corrected.industry ?? lead.industry;
    }
    if (openStatuses.includes(lead.status) && mqlAt !== null && dice.chance(0.2)) {
      const askedAt = Math.min(now, workTime(mqlAt + dice.float() * (now - mqlAt)));
      if (askedAt - mqlAt > DAY) {
        const via = dice.pick([
          "Organic / Contactformulier",
          "Google Ads / Brand NL",
          "Email / Nieuwsbrief",
        ]);
        noteRows.push({
          workspaceId,
          leadId: id,
          kind: "repeat_question",
          body: `Repeat question from this contact on ${new Date(askedAt).toISOString().slice(0, 10)} via ${via}. Not a new lead: the contact's lead is still being worked.`,
          createdAt: new Date(askedAt),
        });
      }
    }
    leadRows.push(lead);
    eventRows.push(...timeline.events);
  }

  // --- Insert, in batches, in one transaction ---
  await db.transaction(async (tx) => {
    for (let i = 0; i < leadRows.length; i += batchSize)
      await tx.insert(leads).values(leadRows.slice(i, i + batchSize));
    for (let i = 0; i < touchRows.length; i += batchSize)
      await tx.insert(touchpoints).values(touchRows.slice(i, i + batchSize));
    for (let i = 0; i < eventRows.length; i += batchSize)
      await tx.insert(leadEvents).values(eventRows.slice(i, i + batchSize));
    for (let i = 0; i < noteRows.length; i += batchSize)
      await tx.insert(leadNotes).values(noteRows.slice(i, i + batchSize));
    for (let i = 0; i < feedbackRows.length; i += batchSize)
      await tx.insert(feedback).values(feedbackRows.slice(i, i + batchSize));
  });

  const count = (status: LeadStatus) => eventRows.filter((e) => e.toStatus === status).length;
  const format = (n: number) => n.toLocaleString("en-US");
  log(`Leads: ${format(leadRows.length)} with ${format(touchRows.length)} touchpoints`);
  log(
    `Funnel: ${format(count("mql"))} MQLs, ${format(count("sal"))} accepted, ${format(count("rejected"))} rejected, ${format(count("sql"))} SQLs, ${format(count("opportunity"))} opportunities, ${format(count("won"))} won, ${format(count("lost"))} lost; ${format(leadRows.filter((l) => l.heldBackAt).length)} held back, ${format(noteRows.length)} repeat questions`,
  );
  log(`Feedback: ${format(feedbackRows.length)} five-field forms from sales`);
  return { leads: leadRows.length, touchpoints: touchRows.length, feedback: feedbackRows.length };
}

/** Gives the definitions the history they would have had: created, proposed, approved, active. */
async function backdateDefinitions(
  db: Database,
  workspaceId: string,
  versions: {
    version: DefinitionVersion;
    created: number;
    proposed: number;
    approvals: Partial<Record<"marketing" | "sales", number>>;
    activated: number | null;
  }[],
) {
  for (const entry of versions) {
    const id = entry.version.id;
    await db
      .update(definitionVersions)
      .set({
        createdAt: new Date(entry.created),
        proposedAt: new Date(entry.proposed),
        ...(entry.activated === null ? {} : { activatedAt: new Date(entry.activated) }),
      })
      .where(and(eq(definitionVersions.id, id), eq(definitionVersions.workspaceId, workspaceId)));
    await backdateVersionAudit(db, {
      workspaceId,
      targetId: id,
      prefix: "definition",
      dates: entry,
    });
    for (const [team, at] of Object.entries(entry.approvals)) {
      await db
        .update(definitionApprovals)
        .set({ createdAt: new Date(at) })
        .where(
          and(
            eq(definitionApprovals.versionId, id),
            eq(definitionApprovals.team, team as "marketing" | "sales"),
          ),
        );
    }
  }
}
