// Words for the large workspace (bench/generate.ts): Bench Logistics sells warehouse and
// transport software worldwide, with sales pools per region. People, companies, sources,
// campaigns, content and the trade-fair and webinar calendar a year of leads comes from.
import { Weighted } from "./generate-random";

export const site = "https://www.bench-logistics.example";

export const regionNames = ["EMEA", "NA", "APAC", "LATAM"] as const;
export type Region = (typeof regionNames)[number];

type NameGroup = "nl" | "de" | "en" | "fr" | "es" | "it" | "nordic" | "pl" | "pt" | "ja" | "in";

interface CountryInfo {
  code: string;
  names: NameGroup;
  legal: readonly string[];
}

const country = (code: string, names: NameGroup, ...legal: string[]): CountryInfo => ({
  code,
  names,
  legal,
});

export const regions: Record<
  Region,
  { share: number; utcHour: number; countries: Weighted<CountryInfo> }
> = {
  EMEA: {
    share: 45,
    utcHour: 10,
    countries: new Weighted([
      [country("NL", "nl", "B.V."), 22],
      [country("DE", "de", "GmbH", "GmbH & Co. KG"), 18],
      [country("GB", "en", "Ltd", "plc"), 16],
      [country("BE", "nl", "NV", "BV"), 7],
      [country("FR", "fr", "SAS", "SA"), 10],
      [country("ES", "es", "S.L.", "S.A."), 6],
      [country("IT", "it", "S.r.l.", "S.p.A."), 6],
      [country("SE", "nordic", "AB"), 4],
      [country("PL", "pl", "Sp. z o.o."), 5],
      [country("DK", "nordic", "A/S", "ApS"), 3],
      [country("AE", "en", "LLC", "FZE"), 3],
    ]),
  },
  NA: {
    share: 30,
    utcHour: 17,
    countries: new Weighted([
      [country("US", "en", "Inc.", "LLC", "Corp."), 86],
      [country("CA", "en", "Inc.", "Ltd."), 14],
    ]),
  },
  APAC: {
    share: 15,
    utcHour: 3,
    countries: new Weighted([
      [country("AU", "en", "Pty Ltd"), 22],
      [country("SG", "en", "Pte Ltd"), 14],
      [country("JP", "ja", "K.K.", "Co., Ltd."), 14],
      [country("IN", "in", "Pvt Ltd", "Ltd"), 24],
      [country("NZ", "en", "Ltd"), 5],
      [country("HK", "en", "Ltd", "Limited"), 9],
      [country("MY", "en", "Sdn Bhd"), 5],
    ]),
  },
  LATAM: {
    share: 10,
    utcHour: 15,
    countries: new Weighted([
      [country("BR", "pt", "Ltda.", "S.A."), 45],
      [country("MX", "es", "S.A. de C.V."), 30],
      [country("CL", "es", "SpA"), 9],
      [country("CO", "es", "S.A.S."), 10],
      [country("AR", "es", "S.A.", "S.R.L."), 6],
    ]),
  },
};

export const regionTable = new Weighted(regionNames.map((r) => [r, regions[r].share] as const));

// biome-ignore format: word lists
const firstNames: Record<NameGroup, readonly string[]> = {
  nl: ["Jeroen", "Marieke", "Sander", "Lisa", "Bas", "Anouk", "Thijs", "Femke", "Mark", "Sophie", "Martijn", "Iris", "Wouter", "Eline", "Joris", "Bram", "Nina", "Ruud", "Saskia", "Koen", "Maaike", "Youssef", "Fatima", "Pieter-Jan", "Lotte", "Stijn", "Elke", "Hanne"],
  de: ["Lukas", "Katrin", "Stefan", "Julia", "Andreas", "Sabine", "Markus", "Anja", "Tobias", "Claudia", "Thomas", "Jörg", "Birgit", "Felix", "Lena", "Jonas", "Miriam", "Uwe", "Heike", "Matthias"],
  en: ["James", "Emma", "Oliver", "Sarah", "Michael", "Jessica", "David", "Emily", "Daniel", "Hannah", "Chris", "Laura", "Ryan", "Megan", "Matthew", "Rachel", "Andrew", "Olivia", "Kevin", "Grace", "Brian", "Ashley", "Tyler", "Natalie", "Jason", "Amanda", "Ahmed", "Priya", "Wei", "Mei"],
  fr: ["Camille", "Julien", "Claire", "Nicolas", "Chloé", "Thomas", "Manon", "Antoine", "Léa", "Mathieu", "Pauline", "Guillaume", "Sophie", "Maxime"],
  es: ["Alejandro", "Lucía", "Carlos", "María", "Javier", "Sofía", "Diego", "Valentina", "Miguel", "Camila", "Andrés", "Daniela", "Jorge", "Gabriela", "Luis", "Paula", "Fernando", "Isabella"],
  it: ["Marco", "Giulia", "Luca", "Francesca", "Alessandro", "Chiara", "Matteo", "Sara", "Davide", "Elena", "Andrea", "Federica"],
  nordic: ["Erik", "Anna", "Lars", "Ingrid", "Magnus", "Sofia", "Johan", "Maja", "Henrik", "Freja", "Anders", "Karin", "Mads", "Line"],
  pl: ["Piotr", "Anna", "Tomasz", "Katarzyna", "Marcin", "Magdalena", "Paweł", "Agnieszka", "Krzysztof", "Monika", "Michał", "Joanna"],
  pt: ["João", "Ana", "Pedro", "Mariana", "Lucas", "Beatriz", "Gabriel", "Juliana", "Rafael", "Fernanda", "Bruno", "Camila", "Thiago", "Larissa"],
  ja: ["Hiroshi", "Yuki", "Takashi", "Aiko", "Kenji", "Sakura", "Daisuke", "Haruka", "Satoshi", "Emi", "Ryo", "Naomi"],
  in: ["Rahul", "Priya", "Amit", "Sneha", "Vikram", "Ananya", "Arjun", "Kavya", "Rohan", "Pooja", "Sanjay", "Neha", "Aditya", "Divya"],
};
// biome-ignore format: word lists
const lastNames: Record<NameGroup, readonly string[]> = {
  nl: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "Peeters", "Maes", "Claes", "Willems", "Wouters", "Yilmaz", "El Amrani"],
  de: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Zimmermann"],
  en: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Patel", "Chen", "Nguyen", "O'Brien", "Murphy", "Campbell"],
  fr: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel"],
  es: ["García", "Rodríguez", "Martínez", "López", "González", "Hernández", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Ortiz"],
  it: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"],
  nordic: ["Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Jensen", "Nielsen", "Hansen", "Pedersen", "Lindqvist", "Berg"],
  pl: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak"],
  pt: ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Almeida", "Carvalho"],
  ja: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada"],
  in: ["Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Reddy", "Iyer", "Nair", "Mehta", "Joshi", "Rao", "Desai", "Kapoor"],
};

export function personName(group: NameGroup, u1: number, u2: number) {
  const firsts = firstNames[group];
  const lasts = lastNames[group];
  return {
    first: firsts[Math.floor(u1 * firsts.length)] as string,
    last: lasts[Math.floor(u2 * lasts.length)] as string,
  };
}

/** "María José García-López" → "maria.jose.garcia-lopez" style e-mail local parts. */
const asciiCache = new Map<string, string>();
export function ascii(text: string) {
  let plain = asciiCache.get(text);
  if (plain === undefined) {
    plain = text
      .replace(/ß/g, "ss")
      .replace(/ł/g, "l")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    if (asciiCache.size < 100_000) asciiCache.set(text, plain);
  }
  return plain;
}

export function emailLocal(first: string, last: string, style: number) {
  const f = ascii(first).replace(/[^a-z]/g, "");
  const l = ascii(last).replace(/[^a-z-]/g, "");
  if (style < 0.55) return `${f}.${l.replace(/-/g, "")}`;
  if (style < 0.8) return `${f.charAt(0)}${l.replace(/-/g, "")}`;
  if (style < 0.92) return `${f}`;
  return `${f}.${l.charAt(0)}`;
}

export const industries = new Weighted([
  ["Logistics", 20],
  ["Transport", 16],
  ["Manufacturing", 14],
  ["Wholesale", 11],
  ["E-commerce", 11],
  ["Retail", 8],
  ["Food & beverage", 6],
  ["Automotive", 4],
  ["Pharma", 3],
  ["Construction", 3],
  ["Consultancy", 2],
  ["Software", 2],
] as const);

const industryWords: Record<string, readonly string[]> = {
  Logistics: ["Logistics", "Fulfilment", "Warehousing", "Distribution", "Supply Chain", "3PL"],
  Transport: ["Transport", "Freight", "Cargo", "Haulage", "Shipping", "Express"],
  Manufacturing: [
    "Manufacturing",
    "Industries",
    "Metalworks",
    "Plastics",
    "Packaging",
    "Machinery",
  ],
  Wholesale: ["Trading", "Wholesale", "Supplies", "Import", "Distributors"],
  "E-commerce": ["Online", "Shop", "Direct", "Commerce", "Store"],
  Retail: ["Retail", "Stores", "Home", "Fashion", "Outlet"],
  "Food & beverage": ["Foods", "Fresh", "Dairy", "Beverages", "Bakeries"],
  Automotive: ["Auto Parts", "Motors", "Automotive", "Truck Service"],
  Pharma: ["Pharma", "Life Sciences", "Medical", "Health"],
  Construction: ["Construction", "Building Supplies", "Installations"],
  Consultancy: ["Consulting", "Advisory", "Partners"],
  Software: ["Software", "Systems", "Labs"],
};

// biome-ignore format: word lists
const brandStems = [
  "Nord", "Atlas", "Nova", "Delta", "Orion", "Polar", "Rhine", "Maas", "Baltic", "Pacific",
  "Atlantic", "Summit", "Vertex", "Apex", "Blue Line", "Greenway", "Ironbridge", "Silverline",
  "Golden Gate", "Swift", "Rapid", "Prime", "Union", "Global", "Metro", "Euro", "Trans", "Inter",
  "Northstar", "Sunrise", "Harbor", "Bridgeport", "Crown", "Eagle", "Falcon", "Lion", "Kestrel",
  "Meridian", "Horizon", "Pioneer", "Keystone", "Redwood", "Cedar", "Granite", "Coastal",
  "Highland", "Riverside", "Lakeside", "Westfield", "Eastgate", "Southport", "Zenith", "Vanguard",
  "Quantum", "Nimbus", "Aurora", "Borealis", "Sirius", "Vega", "Lyra", "Titan", "Evergreen",
];

export interface Company {
  name: string;
  domain: string;
  country: string;
  names: NameGroup;
  industry: string;
  size: number;
}

function roundSize(size: number) {
  if (size > 1000) return Math.round(size / 50) * 50;
  if (size > 200) return Math.round(size / 10) * 10;
  if (size > 50) return Math.round(size / 5) * 5;
  return Math.max(1, Math.round(size));
}

/** A company from four uniform numbers (from a hash of its number): the same on every run. */
export function makeCompany(region: Region, u: readonly number[]): Company {
  const at = (i: number) => u[i] ?? 0.5;
  const info = regions[region].countries.at(at(0));
  const industry = industries.at(at(1));
  // Employees: log-normal, median ~60, most between 5 and 1,000.
  const z = Math.sqrt(-2 * Math.log(1 - at(2))) * Math.cos(2 * Math.PI * at(3));
  const size = roundSize(Math.min(60_000, Math.max(1, 60 * Math.exp(1.35 * z))));
  const stemFromName = at(4) < 0.35;
  const stem = stemFromName
    ? lastNames[info.names][Math.floor(at(5) * lastNames[info.names].length)]
    : brandStems[Math.floor(at(5) * brandStems.length)];
  const words = industryWords[industry] ?? ["Group"];
  const word = words[Math.floor(at(6) * words.length)] as string;
  const legal = info.legal[Math.floor(at(7) * info.legal.length)] as string;
  const core = `${stem} ${word}`;
  const slug = ascii(core)
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "");
  return {
    name: `${core} ${legal}`,
    domain: `${slug}${Math.floor(at(8) * 90 + 10)}.example`,
    country: info.code,
    names: info.names,
    industry,
    size,
  };
}

export const jobTitles = new Weighted([
  ["Head of Operations", 8],
  ["Operations Manager", 10],
  ["Logistics Manager", 10],
  ["Warehouse Manager", 9],
  ["Supply Chain Manager", 8],
  ["Supply Chain Director", 4],
  ["VP Operations", 3],
  ["COO", 3],
  ["CEO", 3],
  ["Managing Director", 4],
  ["Owner", 4],
  ["Founder", 2],
  ["Transport Planner", 6],
  ["Logistics Coordinator", 6],
  ["Purchasing Manager", 4],
  ["Procurement Lead", 2],
  ["IT Manager", 4],
  ["CIO", 1],
  ["Head of E-commerce", 3],
  ["Fulfilment Lead", 3],
  ["Inventory Analyst", 3],
  ["Business Analyst", 2],
  ["CFO", 1],
  ["Finance Manager", 2],
  ["Project Manager", 3],
  ["Consultant", 2],
  ["Marketing Manager", 2],
  ["Customer Service Lead", 2],
  ["Student", 2],
] as const);

// ---------------------------------------------------------------------------------------------
// Sources, campaigns and content

export const sources = [
  "Google Ads",
  "Organic",
  "LinkedIn",
  "Facebook",
  "Email",
  "Webinar",
  "Events",
  "Partner",
  "Direct",
  "Outbound",
] as const;
export type Source = (typeof sources)[number];

/** How each source is typed in settings (marketing-sourced pipeline counts the first). */
export const sourceKindsOf: Record<Source, "marketing" | "sales" | "partner"> = {
  "Google Ads": "marketing",
  Organic: "marketing",
  LinkedIn: "marketing",
  Facebook: "marketing",
  Email: "marketing",
  Webinar: "marketing",
  Events: "marketing",
  Partner: "partner",
  Direct: "marketing",
  Outbound: "sales",
};

export interface SourceProfile {
  /** Share of leads (Events only while a fair is on or just over in the lead's region). */
  weight: number;
  /** Median days from the first touch to the lead. */
  lagDays: number;
  /** Chance the lead looked at the pricing page in the weeks before. */
  pricing: number;
  /** Chance the lead converted on gated content (a download) rather than a form. */
  download: number;
  /** Sales acceptance, MQL to SQL (of accepted), SQL to opportunity. */
  accept: number;
  sql: number;
  opportunity: number;
  /** Euros per lead, for the campaign costs (null: not a paid source). */
  costPerLead: number | null;
}

export const sourceProfiles: Record<Source, SourceProfile> = {
  "Google Ads": {
    weight: 21,
    lagDays: 5,
    pricing: 0.13,
    download: 0.2,
    accept: 0.72,
    sql: 0.51,
    opportunity: 0.7,
    costPerLead: 55,
  },
  Organic: {
    weight: 17,
    lagDays: 15,
    pricing: 0.14,
    download: 0.27,
    accept: 0.74,
    sql: 0.51,
    opportunity: 0.7,
    costPerLead: null,
  },
  LinkedIn: {
    weight: 13,
    lagDays: 10,
    pricing: 0.09,
    download: 0.36,
    accept: 0.66,
    sql: 0.46,
    opportunity: 0.68,
    costPerLead: 130,
  },
  Facebook: {
    weight: 8,
    lagDays: 3,
    pricing: 0.06,
    download: 0.5,
    accept: 0.45,
    sql: 0.29,
    opportunity: 0.55,
    costPerLead: 18,
  },
  Email: {
    weight: 7,
    lagDays: 30,
    pricing: 0.11,
    download: 0.27,
    accept: 0.7,
    sql: 0.46,
    opportunity: 0.65,
    costPerLead: 4,
  },
  Webinar: {
    weight: 7,
    lagDays: 10,
    pricing: 0.08,
    download: 0.1,
    accept: 0.78,
    sql: 0.51,
    opportunity: 0.68,
    costPerLead: 40,
  },
  Events: {
    weight: 40,
    lagDays: 0,
    pricing: 0.06,
    download: 0,
    accept: 0.76,
    sql: 0.53,
    opportunity: 0.7,
    costPerLead: 320,
  },
  Partner: {
    weight: 6,
    lagDays: 3,
    pricing: 0.4,
    download: 0.2,
    accept: 0.88,
    sql: 0.63,
    opportunity: 0.75,
    costPerLead: null,
  },
  Direct: {
    weight: 7,
    lagDays: 8,
    pricing: 0.2,
    download: 0.1,
    accept: 0.75,
    sql: 0.53,
    opportunity: 0.72,
    costPerLead: null,
  },
  Outbound: {
    weight: 6,
    lagDays: 12,
    pricing: 0.08,
    download: 0.3,
    accept: 0.92,
    sql: 0.55,
    opportunity: 0.72,
    costPerLead: null,
  },
};

export const sourceTables = {
  withoutEvents: new Weighted(
    sources.filter((s) => s !== "Events").map((s) => [s, sourceProfiles[s].weight] as const),
  ),
  withEvents: new Weighted(sources.map((s) => [s, sourceProfiles[s].weight] as const)),
};

const googleByRegion = new Map<Region, Weighted<string>>();
export function googleCampaigns(region: Region): Weighted<string> {
  let table = googleByRegion.get(region);
  if (!table) {
    table = new Weighted<string>([
      [`Google Ads – WMS – ${region}`, 55],
      ["Google Ads – Brand", 25],
      ["Google Ads – TMS – Global", 12],
      ["Google Ads – Competitor terms", 8],
    ]);
    googleByRegion.set(region, table);
  }
  return table;
}
export const googleTerms: Record<string, readonly string[]> = {
  WMS: [
    "warehouse management system",
    "wms software",
    "cloud wms",
    "wms for 3pl",
    "inventory management software",
    "warehouse software pricing",
    "best wms for ecommerce",
    "magazijnbeheer software",
    "lagerverwaltungssoftware",
  ],
  Brand: ["bench logistics", "bench wms", "bench logistics pricing", "bench logistics login"],
  TMS: ["transport management system", "tms software", "route planning software", "freight tms"],
  Competitor: ["manhattan wms alternative", "sap ewm alternative", "blue yonder alternative"],
};
export const organicTerms = [
  "what is a wms",
  "wms vs erp",
  "warehouse kpis",
  "how to reduce picking errors",
  "peak season warehouse checklist",
  "cross docking explained",
  "3pl billing software",
  "slotting optimization",
];

const linkedinByRegion = new Map<Region, Weighted<string>>();
export function linkedinCampaigns(region: Region): Weighted<string> {
  let table = linkedinByRegion.get(region);
  if (!table) {
    table = new Weighted<string>([
      [`LinkedIn – Ops leaders – ${region}`, 40],
      ["LinkedIn – Whitepaper: Warehouse automation ROI", 30],
      ["LinkedIn – ABM – Enterprise", 15],
      ["LinkedIn – Retargeting", 15],
    ]);
    linkedinByRegion.set(region, table);
  }
  return table;
}
export const facebookCampaigns = new Weighted([
  ["Facebook – SMB e-commerce", 70],
  ["Facebook – Retargeting", 30],
] as const);
export const nurtureCampaigns = ["Nurture – WMS buyers guide", "Nurture – Peak season"] as const;

export const downloads = [
  {
    content: "Whitepaper: Warehouse automation ROI",
    contentType: "whitepaper",
    slug: "automation-roi",
  },
  { content: "Whitepaper: Peak season playbook", contentType: "whitepaper", slug: "peak-season" },
  { content: "E-book: Choosing a WMS in 7 steps", contentType: "ebook", slug: "choosing-a-wms" },
  { content: "Case study: Cold chain at NordFrost", contentType: "case study", slug: "nordfrost" },
  {
    content: "Case study: Scaling a 3PL at Rhein Cargo",
    contentType: "case study",
    slug: "rhein-cargo",
  },
  { content: "Checklist: Cross-border e-commerce", contentType: "checklist", slug: "cross-border" },
  {
    content: "Report: State of warehousing 2026",
    contentType: "report",
    slug: "state-of-warehousing",
  },
  { content: "Template: Warehouse KPI dashboard", contentType: "template", slug: "kpi-dashboard" },
] as const;

export const blogPosts = [
  { content: "What is a WMS, and when do you need one?", slug: "what-is-a-wms" },
  { content: "WMS vs ERP: who does what", slug: "wms-vs-erp" },
  { content: "12 warehouse KPIs that matter", slug: "warehouse-kpis" },
  { content: "How to cut picking errors in half", slug: "picking-errors" },
  { content: "Peak season checklist for warehouses", slug: "peak-season-checklist" },
  { content: "Cross-docking explained", slug: "cross-docking" },
  { content: "3PL billing without spreadsheets", slug: "3pl-billing" },
  { content: "Slotting optimisation in practice", slug: "slotting" },
] as const;

export const forms = new Weighted([
  [{ content: "Demo request", path: "/demo" }, 45],
  [{ content: "Contact sales", path: "/contact-sales" }, 25],
  [{ content: "Free trial", path: "/trial" }, 20],
  [{ content: "Quote request", path: "/request-a-quote" }, 10],
] as const);

/** Pages people browse; no pricing page (that is a buying signal of its own). */
export const browsePages = [
  "/",
  "/wms",
  "/tms",
  "/platform",
  "/integrations",
  "/integrations/sap",
  "/integrations/shopify",
  "/customers",
  "/customers/nordfrost",
  "/security",
  "/about",
  "/careers",
  "/docs/api",
  ...blogPosts.map((post) => `/blog/${post.slug}`),
] as const;

export const pricingUrl = `${site}/pricing`;

export const partners = new Weighted([
  ["Van der Meer ERP Consultancy", 18],
  ["LogiConnect Integrations", 16],
  ["Brink Supply Chain Advisory", 12],
  ["Rhein-Maas Consulting GmbH", 10],
  ["Atlantic Systems Integrators", 14],
  ["Pacific Rim Logistics Partners", 10],
  ["Andes Tech Partners", 8],
  ["Shopify Plus agency network", 12],
] as const);

export const webinarTopics = [
  "Peak season playbook",
  "From spreadsheets to WMS",
  "Warehouse automation on a budget",
  "Cross-border e-commerce fulfilment",
  "Cutting picking errors",
  "3PL billing made simple",
  "Slotting and replenishment",
  "Returns without the pain",
  "Yard and dock scheduling",
  "Integrating WMS with SAP",
  "Labour planning for warehouses",
  "Sustainable logistics",
] as const;

/** Trade fairs: month (0-based), day, days, region. */
export const fairs = [
  { name: "Manifest {Y} Las Vegas", month: 1, day: 9, days: 3, region: "NA" },
  { name: "LogiMAT {Y} Stuttgart", month: 2, day: 10, days: 3, region: "EMEA" },
  { name: "Logistica {Y} Utrecht", month: 2, day: 17, days: 3, region: "EMEA" },
  { name: "MODEX {Y} Atlanta", month: 2, day: 23, days: 4, region: "NA" },
  { name: "Intralogistica LATAM {Y} São Paulo", month: 3, day: 14, days: 3, region: "LATAM" },
  { name: "Transport Logistic {Y} Munich", month: 5, day: 2, days: 4, region: "EMEA" },
  { name: "Multimodal {Y} Birmingham", month: 5, day: 17, days: 3, region: "EMEA" },
  { name: "CeMAT Australia {Y} Melbourne", month: 6, day: 22, days: 3, region: "APAC" },
  { name: "Supply Chain Asia {Y} Singapore", month: 8, day: 16, days: 3, region: "APAC" },
  { name: "CSCMP EDGE {Y} Orlando", month: 9, day: 5, days: 3, region: "NA" },
  { name: "TransportCompleet {Y} Gorinchem", month: 9, day: 13, days: 3, region: "EMEA" },
  { name: "Expo Logística {Y} Mexico City", month: 9, day: 20, days: 2, region: "LATAM" },
  { name: "Intermodal Europe {Y} Rotterdam", month: 10, day: 11, days: 3, region: "EMEA" },
] as const satisfies readonly {
  name: string;
  month: number;
  day: number;
  days: number;
  region: Region;
}[];

// ---------------------------------------------------------------------------------------------
// Sales

export const rejectReasons = new Weighted([
  ["Outside target size", 20],
  ["No budget", 16],
  ["No need", 15],
  ["Bad timing", 14],
  ["Bad data", 9],
  ["Duplicate", 7],
  ["Wrong industry", 8],
  ["Competitor", 3],
  ["Student", 2],
  ["No response", 6],
] as const);

/** Rejection reason → the five-field form's outcome and reason code. */
export const rejectFeedback: Record<
  string,
  {
    outcome: "disqualified" | "no_response";
    reason: string;
    missing: readonly string[];
    objections: readonly string[];
  }
> = {
  "Outside target size": {
    outcome: "disqualified",
    reason: "outside_target_size",
    missing: ["company_size"],
    objections: [],
  },
  "No budget": {
    outcome: "disqualified",
    reason: "no_budget",
    missing: ["budget"],
    objections: ["price"],
  },
  "No need": {
    outcome: "disqualified",
    reason: "no_need",
    missing: ["use_case"],
    objections: ["has_solution", "no_priority"],
  },
  "Bad timing": {
    outcome: "disqualified",
    reason: "bad_timing",
    missing: ["timeline"],
    objections: ["timing", "contract_lock_in"],
  },
  "Bad data": {
    outcome: "disqualified",
    reason: "bad_data",
    missing: ["phone_number", "correct_contact"],
    objections: [],
  },
  Duplicate: { outcome: "disqualified", reason: "duplicate", missing: [], objections: [] },
  "Wrong industry": {
    outcome: "disqualified",
    reason: "wrong_industry",
    missing: [],
    objections: [],
  },
  Competitor: { outcome: "disqualified", reason: "competitor", missing: [], objections: [] },
  Student: { outcome: "disqualified", reason: "student", missing: [], objections: [] },
  "No response": {
    outcome: "no_response",
    reason: "other",
    missing: ["phone_number", "decision_maker"],
    objections: [],
  },
};

export const reasonTexts: Record<string, readonly (string | null)[]> = {
  outside_target_size: ["Only 6 people in the warehouse", "One-person webshop", null],
  no_budget: ["No budget this year", "Expected a free tool", null],
  no_need: ["Their ERP covers it for now", "Downloaded out of curiosity", null],
  bad_timing: ["Moving warehouse until spring", "Call again after peak season", null],
  bad_data: ["Phone number does not exist", "E-mail bounced", null],
  duplicate: ["A colleague is already in talks with us", null],
  wrong_industry: ["Marketing agency, not a shipper", "Recruitment firm", null],
  competitor: ["Works for a WMS vendor", null],
  student: ["Student writing a thesis", null],
  other: ["Six attempts, no answer", null],
  good_fit: ["Clear project, budget approved", "Decision-maker on the call", null],
};

export const nextSteps = [
  "Demo booked",
  "Proposal next week",
  "Nurture track",
  "Call again next quarter",
  "Send case study",
  null,
  null,
] as const;
