import { describe, expect, it } from "vitest";
import {
  checkMapping,
  columnNames,
  detectDelimiter,
  normalizeTouchpointKind,
  parseCompanySize,
  parseExportDate,
  rowToLeadInput,
  rowToTouchpointInput,
  suggestMapping,
} from "./presets";
import { validateLeadRow, validateTouchpointRow } from "./rows";

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
