import { describe, expect, it } from "vitest";
import {
  checkMapping,
  columnNames,
  compactMapping,
  detectDelimiter,
  firstEmailAddress,
  normalizeTouchpointKind,
  parseCompanySize,
  parseExportDate,
  parseFlag,
  parseMoneyToCents,
  parseShare,
  payloadField,
  rowToDealInput,
  rowToLeadInput,
  rowToTouchpointInput,
  suggestMapping,
} from "./presets";
import { validateDealRow, validateLeadRow, validateTouchpointRow } from "./rows";

const hubspotHeaders = [
  "Record ID",
  "First Name",
  "Last Name",
  "Email",
  "Company Name",
  "Job Title",
  "Number of Employees",
  "Industry",
  "Country/Region",
  "State/Region",
  "Original Source",
  "Original Source Drill-Down 1",
  "Original Source Drill-Down 2",
  "Create Date",
];

describe("suggestMapping", () => {
  it("recognises a HubSpot contacts export and maps every standard column", () => {
    expect(suggestMapping(hubspotHeaders)).toEqual({
      preset: "hubspot",
      mapping: {
        "Record ID": "external_id",
        "First Name": "first_name",
        "Last Name": "last_name",
        Email: "email",
        "Company Name": "company",
        "Job Title": "job_title",
        "Number of Employees": "company_size",
        Industry: "industry",
        "Country/Region": "country",
        "State/Region": "region",
        "Original Source": "source",
        "Original Source Drill-Down 1": "campaign",
        "Original Source Drill-Down 2": "content",
        "Create Date": "created_at",
      },
    });
  });

  it.each([
    [
      "Salesforce report labels",
      ["Lead ID", "First Name", "Last Name", "Company / Account", "Title", "No. of Employees"],
      {
        "Lead ID": "external_id",
        "First Name": "first_name",
        "Last Name": "last_name",
        "Company / Account": "company",
        Title: "job_title",
        "No. of Employees": "company_size",
      },
    ],
    [
      "Salesforce list view",
      ["Lead Source", "Primary Campaign Source", "Created Date", "State/Province", "Country"],
      {
        "Lead Source": "source",
        "Primary Campaign Source": "campaign",
        "Created Date": "created_at",
        "State/Province": "region",
        Country: "country",
      },
    ],
    [
      "Salesforce API names",
      [
        "Id",
        "FirstName",
        "LastName",
        "Company",
        "NumberOfEmployees",
        "LeadSource",
        "State",
        "CreatedDate",
      ],
      {
        Id: "external_id",
        FirstName: "first_name",
        LastName: "last_name",
        Company: "company",
        NumberOfEmployees: "company_size",
        LeadSource: "source",
        State: "region",
        CreatedDate: "created_at",
      },
    ],
  ])("recognises a %s export", (_name, headers, expected) => {
    const suggested = suggestMapping(headers);
    expect(suggested.preset).toBe("salesforce");
    expect(suggested.mapping).toEqual(expected);
  });

  it.each([
    [["external_id", "email", "company_size", "created_at"], "baton"],
    [["EMAIL", "  first name ", "Company_Size"], "baton"],
    [["record id", "EMAIL", "company name"], "hubspot"],
    [["LEAD ID", "title"], "salesforce"],
  ])("ignores case, spaces and underscores: %j → %s", (headers, preset) => {
    const suggested = suggestMapping(headers);
    expect(suggested.preset).toBe(preset);
    expect(Object.values(suggested.mapping).every((field) => field !== null)).toBe(true);
  });

  it("maps unknown columns to nothing and never fills one field twice", () => {
    expect(suggestMapping(["Email", "Favourite colour", "email"]).mapping).toEqual({
      Email: "email",
      "Favourite colour": null,
      email: null,
    });
  });

  it("uses the preset asked for, falling back to API names", () => {
    expect(suggestMapping(["Email", "Title", "partner"], { preset: "hubspot" }).mapping).toEqual({
      Email: "email",
      Title: null,
      partner: "partner",
    });
  });

  it("maps touchpoint files to touchpoint fields", () => {
    expect(
      suggestMapping(["lead_external_id", "kind", "occurred_at", "url", "Record ID"], {
        kind: "touchpoints",
      }).mapping,
    ).toEqual({
      lead_external_id: "lead_external_id",
      kind: "kind",
      occurred_at: "occurred_at",
      url: "url",
      "Record ID": null,
    });
  });
});

describe("checkMapping", () => {
  it.each([
    ["leads", { Email: "email" }, null],
    ["leads", { Id: "external_id" }, null],
    ["leads", { Company: "company" }, "imports.mapping.needsLeadIdentity"],
    ["leads", { Email: "email", Id: "email" }, "imports.mapping.duplicateField"],
    ["leads", { Email: "url" }, "imports.mapping.unknownField"],
    ["leads", { Nope: "email" }, "imports.mapping.unknownColumn"],
    ["touchpoints", { Id: "lead_external_id", Kind: "kind", At: "occurred_at" }, null],
    ["touchpoints", { Email: "email", Kind: "kind" }, "imports.mapping.needsTouchpointFields"],
  ] as const)("%s %j → %s", (kind, mapping, problem) => {
    expect(checkMapping(kind, ["Email", "Id", "Company", "Kind", "At"], mapping)).toBe(problem);
  });
});

describe("parseCompanySize", () => {
  it.each([
    ["250", 250],
    ["1,000", 1000],
    ["1.000", 1000],
    ["1 000", 1000],
    ["12.0", 12],
    ["51-200", 51],
    ["51 - 200", 51],
    ["1,001–5,000", 1001],
    ["201 to 500", 201],
    ["10,001+", 10001],
    ["0", 0],
    ["", null],
    ["   ", null],
    ["lots", undefined],
    ["12.5", undefined],
    ["1,00", 1],
    ["1,5", undefined],
    ["1,0000,000", undefined],
    ["500-50", undefined],
    ["-5", undefined],
  ])("%j → %s", (text, expected) => {
    expect(parseCompanySize(text)).toBe(expected);
  });
});

describe("parseExportDate", () => {
  it.each([
    // With an offset: that instant, whatever the workspace's zone.
    ["2026-03-01T09:30:00Z", "Europe/Amsterdam", "2026-03-01T09:30:00.000Z"],
    ["2026-03-01T09:30:00+01:00", "UTC", "2026-03-01T08:30:00.000Z"],
    ["2026-03-01T09:30:00.123-0500", "UTC", "2026-03-01T14:30:00.123Z"],
    // Without: wall-clock time in the workspace's zone (winter CET +1, summer CEST +2).
    ["2026-03-01 14:22", "Europe/Amsterdam", "2026-03-01T13:22:00.000Z"],
    ["2026-07-01 14:22:05", "Europe/Amsterdam", "2026-07-01T12:22:05.000Z"],
    ["2026-03-01T14:22", "UTC", "2026-03-01T14:22:00.000Z"],
    ["2026-03-01", "Europe/Amsterdam", "2026-02-28T23:00:00.000Z"],
    ["2026/03/01", "UTC", "2026-03-01T00:00:00.000Z"],
    // Year last: always day first.
    ["01/03/2026", "UTC", "2026-03-01T00:00:00.000Z"],
    ["1-3-2026", "UTC", "2026-03-01T00:00:00.000Z"],
    ["01.03.2026 14:22", "Europe/Amsterdam", "2026-03-01T13:22:00.000Z"],
    ["13/03/2026", "UTC", "2026-03-13T00:00:00.000Z"],
    ["01/03/2026, 2:22 PM", "UTC", "2026-03-01T14:22:00.000Z"],
    ["01/03/2026 12:05 am", "UTC", "2026-03-01T00:05:00.000Z"],
    ["", "UTC", null],
  ])("%j in %s → %s", (text, timeZone, expected) => {
    expect(parseExportDate(text, timeZone)).toBe(expected);
  });

  it.each([
    "03/25/2026", // US month-first: refused, never guessed
    "31/02/2026",
    "2026-02-30",
    "2026-13-01 10:00",
    "2026-03-01 25:00",
    "yesterday",
    "1 March 2026",
    "01/03/26",
    "01/03/2026 13:00 PM",
  ])("refuses %j", (text) => {
    expect(parseExportDate(text, "UTC")).toBeUndefined();
  });
});

describe("rowToLeadInput", () => {
  const mapping = {
    "Record ID": "external_id",
    Email: "email",
    "Company Name": "company",
    "Number of Employees": "company_size",
    "Create Date": "created_at",
    Notes: "not_a_field",
  };

  it("turns strings into the API's shape; empty cells become null", () => {
    expect(
      rowToLeadInput(
        {
          "Record ID": " 101 ",
          Email: "Ada@Example.com",
          "Company Name": "",
          "Number of Employees": "51-200",
          "Create Date": "01/03/2026 09:00",
          Notes: "ignored",
        },
        mapping,
        { timeZone: "Europe/Amsterdam" },
      ),
    ).toEqual({
      values: {
        external_id: "101",
        email: "Ada@Example.com",
        first_name: null,
        last_name: null,
        company: null,
        company_size: 51,
        industry: null,
        job_title: null,
        country: null,
        region: null,
        source: null,
        campaign: null,
        content: null,
        partner: null,
        created_at: "2026-03-01T08:00:00.000Z",
      },
      issues: [],
    });
  });

  it("names the cells it cannot convert", () => {
    const { values, issues } = rowToLeadInput(
      { "Number of Employees": "lots", "Create Date": "someday", Email: "a@b.nl" },
      mapping,
    );
    expect(values.company_size).toBeNull();
    expect(values.created_at).toBeNull();
    expect(issues).toEqual([
      { field: "company_size", message: "imports.convert.companySize" },
      { field: "created_at", message: "imports.convert.date" },
    ]);
  });
});

describe("rowToTouchpointInput", () => {
  it("leaves empty cells out and normalises the kind", () => {
    expect(
      rowToTouchpointInput(
        { Lead: "101", Kind: "Page View", At: "2026-03-01 10:00", Url: "", Email: "" },
        { Lead: "lead_external_id", Kind: "kind", At: "occurred_at", Url: "url", Email: "email" },
        { timeZone: "UTC" },
      ),
    ).toEqual({
      values: {
        lead_external_id: "101",
        kind: "page_view",
        occurred_at: "2026-03-01T10:00:00.000Z",
      },
      issues: [],
    });
  });

  it.each([
    ["Page view", "page_view"],
    ["content-download", "content_download"],
    ["AD_CLICK", "ad_click"],
  ])("kind %j → %s", (text, kind) => {
    expect(normalizeTouchpointKind(text)).toBe(kind);
  });
});

describe("validating rows with the API's schemas", () => {
  const mapping = { Id: "external_id", Email: "email", Size: "company_size", At: "created_at" };

  it.each([
    [{ Id: "1", Email: "ada@example.com", Size: "10", At: "" }, []],
    [{ Id: "", Email: "ada@example.com", Size: "", At: "" }, []],
    [{ Id: "2", Email: "not-an-email", Size: "", At: "" }, ["email"]],
    [{ Id: "3", Email: "", Size: "lots", At: "" }, ["company_size"]],
    [{ Id: "", Email: "", Size: "", At: "" }, ["email"]],
    [
      { Id: "4", Email: "x", Size: "lots", At: "31/02/2026" },
      ["company_size", "created_at", "email"],
    ],
  ])("%j → problems in %j", (row, fields) => {
    const result = validateLeadRow(row, mapping);
    if (fields.length === 0) {
      expect(result.ok).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues.map((issue) => issue.field).sort()).toEqual(fields);
    }
  });

  it("lower-cases e-mail addresses as the API does", () => {
    const result = validateLeadRow({ Email: " Ada@Example.COM " }, { Email: "email" });
    expect(result.ok && result.input.email).toBe("ada@example.com");
  });

  it("explains a missing lead reference on the lead's external id", () => {
    const result = validateTouchpointRow(
      { Kind: "page_view", At: "2026-03-01" },
      { Kind: "kind", At: "occurred_at" },
    );
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual([
      "lead_external_id",
    ]);
  });

  it("refuses an unknown touchpoint kind and an unreadable date", () => {
    const result = validateTouchpointRow(
      { Lead: "1", Kind: "carrier pigeon", At: "soon" },
      { Lead: "lead_external_id", Kind: "kind", At: "occurred_at" },
    );
    expect(result.ok ? [] : result.issues.map((issue) => issue.field).sort()).toEqual([
      "kind",
      "occurred_at",
    ]);
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3", ","],
    ["a;b;c\n1;2;3", ";"],
    ["a\tb\tc\n1\t2\t3", "\t"],
    ['"Company, Inc";b;c\n', ";"],
    ["single\n", ","],
    ['"x;y",b,c\r\n1;2;3;4;5', ","],
  ])("%j → %j", (csv, delimiter) => {
    expect(detectDelimiter(csv)).toBe(delimiter);
  });
});

describe("columnNames", () => {
  it("names blank columns and numbers repeated ones", () => {
    expect(columnNames(["\uFEFFEmail", " Email ", "", "Email (2)", "Email"])).toEqual([
      "Email",
      "Email (2)",
      "Column 3",
      "Email (2) (2)",
      "Email (3)",
    ]);
  });
});

// ——— deals ———

const hubspotDealHeaders = [
  "Record ID",
  "Deal Name",
  "Deal Stage",
  "Close Date",
  "Deal owner",
  "Amount",
  "Create Date",
  "Pipeline",
  "Deal probability",
  "Associated Contact",
  "Gross margin (%)",
];

const salesforceOpportunityHeaders = [
  "Opportunity Owner",
  "Account Name",
  "Opportunity Name",
  "Opportunity ID",
  "Stage",
  "Probability (%)",
  "Amount",
  "Close Date",
  "Created Date",
  "Won",
  "Closed",
  "Contact: Email",
  "Margin",
];

describe("deal presets", () => {
  it("recognise a HubSpot deals export", () => {
    expect(suggestMapping(hubspotDealHeaders, { kind: "deals" })).toEqual({
      preset: "hubspot",
      mapping: {
        "Record ID": "external_id",
        "Deal Name": "name",
        "Deal Stage": "stage",
        "Close Date": "close_date",
        "Deal owner": "owner_email",
        Amount: "amount",
        "Create Date": "created_at",
        Pipeline: null,
        "Deal probability": "probability",
        "Associated Contact": "email",
        "Gross margin (%)": "gross_margin",
      },
    });
  });

  it("recognise a Salesforce opportunities report and Data Loader's API names", () => {
    expect(suggestMapping(salesforceOpportunityHeaders, { kind: "deals" })).toEqual({
      preset: "salesforce",
      mapping: {
        "Opportunity Owner": "owner_email",
        "Account Name": null,
        "Opportunity Name": "name",
        "Opportunity ID": "external_id",
        Stage: "stage",
        "Probability (%)": "probability",
        Amount: "amount",
        "Close Date": "close_date",
        "Created Date": "created_at",
        Won: "is_won",
        Closed: "is_closed",
        "Contact: Email": "email",
        Margin: "gross_margin",
      },
    });
    expect(
      suggestMapping(["Id", "Name", "StageName", "Amount", "CloseDate", "IsWon", "IsClosed"], {
        kind: "deals",
      }).mapping,
    ).toEqual({
      Id: "external_id",
      Name: "name",
      StageName: "stage",
      Amount: "amount",
      CloseDate: "close_date",
      IsWon: "is_won",
      IsClosed: "is_closed",
    });
  });

  it("take the API's field names as the Baton format", () => {
    const headers = ["external_id", "name", "amount_cents", "gross_margin", "stage", "email"];
    expect(suggestMapping(headers, { kind: "deals" })).toEqual({
      preset: "baton",
      mapping: Object.fromEntries(headers.map((h) => [h, h])),
    });
  });

  it("need the CRM's id, a name and one amount before an import can start", () => {
    const headers = ["id", "deal", "amount", "cents"];
    expect(
      checkMapping("deals", headers, { id: "external_id", deal: "name", amount: "amount" }),
    ).toBeNull();
    expect(checkMapping("deals", headers, { deal: "name", amount: "amount" })).toBe(
      "imports.mapping.needsDealFields",
    );
    expect(checkMapping("deals", headers, { id: "external_id", deal: "name" })).toBe(
      "imports.mapping.needsDealFields",
    );
    expect(
      checkMapping("deals", headers, {
        id: "external_id",
        deal: "name",
        amount: "amount",
        cents: "amount_cents",
      }),
    ).toBe("imports.mapping.duplicateField");
    expect(checkMapping("deals", headers, { id: "first_name" })).toBe(
      "imports.mapping.unknownField",
    );
    expect(payloadField("deals", "amount")).toBe("amount_cents");
    expect(payloadField("deals", "is_won")).toBe("status");
    expect(payloadField("leads", "amount")).toBe("amount");
  });
});

describe("deal value conversions", () => {
  it.each([
    ["12500", 1_250_000],
    ["12500.00", 1_250_000],
    ["12500.5", 1_250_050],
    ["12.500,00", 1_250_000],
    ["12,500.00", 1_250_000],
    ["12.500", 1_250_000],
    ["€ 12.500,50", 1_250_050],
    ["EUR 12,500.00", 1_250_000],
    ["12500 EUR", 1_250_000],
    ["", null],
    ["lots", undefined],
    ["-500", undefined],
  ])("reads the amount %j as %j cents", (text, cents) => {
    expect(parseMoneyToCents(text)).toBe(cents);
  });

  it("reads percentages and shares", () => {
    expect(parseShare("35%")).toBeCloseTo(0.35);
    expect(parseShare("35 %")).toBeCloseTo(0.35);
    expect(parseShare("12,5")).toBeCloseTo(0.125);
    expect(parseShare("70")).toBeCloseTo(0.7);
    expect(parseShare("0.35")).toBe(0.35);
    expect(parseShare("1")).toBe(1);
    // In a percentage column every number is a percentage.
    expect(parseShare("1", true)).toBe(0.01);
    expect(parseShare("0.5", true)).toBe(0.005);
    expect(parseShare("")).toBeNull();
    expect(parseShare("high")).toBeUndefined();
  });

  it("reads yes/no flags and e-mail addresses inside names", () => {
    expect([parseFlag("TRUE"), parseFlag("1"), parseFlag("ja"), parseFlag("false")]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(parseFlag("")).toBeNull();
    expect(parseFlag("maybe")).toBeUndefined();
    expect(firstEmailAddress("Ada Lovelace (ada@example.com); Bob (bob@example.com)")).toBe(
      "ada@example.com",
    );
    expect(firstEmailAddress("Ada Lovelace")).toBeNull();
  });
});

describe("rowToDealInput", () => {
  const hubspotMapping = compactMapping(
    suggestMapping(hubspotDealHeaders, { kind: "deals" }).mapping,
  );
  const salesforceMapping = compactMapping(
    suggestMapping(salesforceOpportunityHeaders, { kind: "deals" }).mapping,
  );
  const now = new Date("2026-06-01T00:00:00Z");
  const members = new Map([["fleur meijer", "fleur@baton.example"]]);

  it("turns a HubSpot row into the API's shape: cents, shares, local dates, the contact's e-mail", () => {
    const row = {
      "Record ID": "9001",
      "Deal Name": "Acme – TMS",
      "Deal Stage": "Proposal",
      "Close Date": "2026-06-30 10:22",
      "Deal owner": "Fleur Meijer",
      Amount: "12500.00",
      "Create Date": "2026-03-01 10:22",
      Pipeline: "Sales Pipeline",
      "Deal probability": "0.5",
      "Associated Contact": "Ada Lovelace (Ada@Example.com)",
      "Gross margin (%)": "35",
    };
    expect(
      rowToDealInput(row, hubspotMapping, {
        timeZone: "Europe/Amsterdam",
        now,
        memberEmailByName: members,
      }),
    ).toEqual({
      values: {
        external_id: "9001",
        name: "Acme – TMS",
        stage: "Proposal",
        close_date: "2026-06-30",
        owner_email: "fleur@baton.example",
        amount_cents: 1_250_000,
        created_at: "2026-03-01T09:22:00.000Z",
        probability: 0.5,
        email: "Ada@Example.com",
        gross_margin: 0.35,
      },
      issues: [],
    });
    const validated = validateDealRow(row, hubspotMapping, {
      timeZone: "Europe/Amsterdam",
      now,
      memberEmailByName: members,
    });
    expect(validated.ok && validated.input).toMatchObject({
      email: "ada@example.com",
      created_at: new Date("2026-03-01T09:22:00.000Z"),
    });
    // An owner nobody in the workspace is called is left out; an e-mail address is kept.
    expect(
      rowToDealInput({ ...row, "Deal owner": "Someone Else" }, hubspotMapping, { now }).values,
    ).not.toHaveProperty("owner_email");
    expect(
      rowToDealInput({ ...row, "Deal owner": "Sam@x.example" }, hubspotMapping, { now }).values
        .owner_email,
    ).toBe("Sam@x.example");
  });

  it("takes the status from Salesforce's Won and Closed columns, closing on the close date", () => {
    const base = {
      "Opportunity Owner": "Fleur Meijer",
      "Account Name": "Acme",
      "Opportunity Name": "Acme renewal",
      "Opportunity ID": "006A",
      Stage: "Closed Won",
      "Probability (%)": "100",
      Amount: "EUR 48.000,00",
      "Close Date": "15/04/2026",
      "Created Date": "01/03/2026",
      Won: "1",
      Closed: "1",
      "Contact: Email": "ada@example.com",
      Margin: "40%",
    };
    const won = rowToDealInput(base, salesforceMapping, { timeZone: "Europe/Amsterdam", now });
    expect(won.issues).toEqual([]);
    expect(won.values).toMatchObject({
      amount_cents: 4_800_000,
      probability: 1,
      gross_margin: 0.4,
      status: "won",
      close_date: "2026-04-15",
      closed_at: "2026-04-14T22:00:00.000Z",
      created_at: "2026-02-28T23:00:00.000Z",
    });
    const lost = rowToDealInput(
      { ...base, Stage: "Negotiation", Won: "0", "Probability (%)": "0" },
      salesforceMapping,
      { timeZone: "Europe/Amsterdam", now },
    );
    expect(lost.values).toMatchObject({ status: "lost", closed_at: "2026-04-14T22:00:00.000Z" });
    const open = rowToDealInput(
      { ...base, Stage: "Negotiation", Won: "0", Closed: "0", "Probability (%)": "70" },
      salesforceMapping,
      { timeZone: "Europe/Amsterdam", now },
    );
    expect(open.values).toMatchObject({ status: "open", probability: 0.7 });
    expect(open.values).not.toHaveProperty("closed_at");
    // A close date still ahead is not when a won deal closed: the intake takes "now".
    const early = rowToDealInput({ ...base, "Close Date": "15/07/2026" }, salesforceMapping, {
      timeZone: "Europe/Amsterdam",
      now,
    });
    expect(early.values).toMatchObject({ status: "won", close_date: "2026-07-15" });
    expect(early.values).not.toHaveProperty("closed_at");
  });

  it("derives won or lost from a closed stage when there are no flag columns", () => {
    const mapping = { id: "external_id", n: "name", a: "amount", s: "stage", c: "close_date" };
    const row = { id: "1", n: "X", a: "100", s: "Closed Lost", c: "2026-05-02" };
    const converted = rowToDealInput(row, mapping, { now });
    expect(converted.values).not.toHaveProperty("status");
    expect(converted.values.closed_at).toBe("2026-05-02T00:00:00.000Z");
  });

  it("names the cells it cannot convert and the flags that contradict the stage", () => {
    const row = {
      "Opportunity Owner": "",
      "Account Name": "",
      "Opportunity Name": "Broken",
      "Opportunity ID": "",
      Stage: "Closed Lost",
      "Probability (%)": "high",
      Amount: "lots",
      "Close Date": "03/25/2026",
      "Created Date": "",
      Won: "1",
      Closed: "maybe",
      "Contact: Email": "",
      Margin: "",
    };
    const converted = rowToDealInput(row, salesforceMapping, { now });
    expect(converted.issues).toEqual([
      { field: "external_id", message: "imports.convert.dealExternalId" },
      { field: "probability", message: "imports.convert.share" },
      { field: "amount", message: "imports.convert.amount" },
      { field: "close_date", message: "imports.convert.date" },
      { field: "is_closed", message: "imports.convert.flag" },
      { field: "is_won", message: "imports.convert.statusConflict" },
    ]);
    const closedOnly = rowToDealInput(
      { id: "1", s: "Signed", closed: "yes" },
      { id: "external_id", s: "stage", closed: "is_closed" },
      { now },
    );
    expect(closedOnly.issues).toEqual([
      { field: "is_closed", message: "imports.convert.closedWithoutOutcome" },
    ]);
  });

  it("validates with the API's schema, naming the field the file filled", () => {
    const mapping = { id: "external_id", n: "name", a: "amount", s: "stage", m: "email" };
    const unknownStage = validateDealRow(
      { id: "1", n: "X", a: "100", s: "Stalled", m: "" },
      mapping,
    );
    expect(unknownStage.ok).toBe(false);
    expect(!unknownStage.ok && unknownStage.issues).toEqual([
      { field: "probability", message: "imports.convert.stageProbability" },
    ]);
    // Said beside the other problems of the row (zod alone would wait for them to be fixed);
    // a known stage, a probability or a closed deal needs none.
    const alsoNoAmount = validateDealRow(
      { id: "1", n: "X", a: "lots", s: "Stalled", m: "" },
      mapping,
    );
    expect(!alsoNoAmount.ok && alsoNoAmount.issues.map((i) => i.field)).toEqual([
      "amount",
      "probability",
    ]);
    const unreadable = validateDealRow(
      { id: "1", n: "X", a: "1", s: "Stalled", m: "", p: "high" },
      { ...mapping, p: "probability" },
    );
    expect(!unreadable.ok && unreadable.issues).toEqual([
      { field: "probability", message: "imports.convert.share" },
    ]);
    const withStatus = { ...mapping, st: "status" };
    expect(
      validateDealRow({ id: "1", n: "X", a: "1", s: "Signed", m: "", st: "won" }, withStatus).ok,
    ).toBe(true);
    const noAmount = validateDealRow(
      { id: "1", n: "X", a: "", s: "Proposal", m: "nobody" },
      mapping,
    );
    expect(!noAmount.ok && noAmount.issues).toEqual([
      { field: "amount", message: "imports.convert.amountMissing" },
      { field: "email", message: "must be a valid e-mail address" },
    ]);
    const fine = validateDealRow({ id: "1", n: "X", a: "1.250,50", s: "Proposal", m: "" }, mapping);
    expect(fine.ok && fine.input).toMatchObject({
      external_id: "1",
      amount_cents: 125_050,
      stage: "Proposal",
      email: null,
    });
  });
});
