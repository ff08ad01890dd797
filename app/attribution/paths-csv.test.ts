import { describe, expect, it } from "vitest";
import { attribute } from "./models";
import { PathsCsvError, parsePathsCsv } from "./paths-csv";

const header = "path,conversions,conversion_value,nulls";

function lines(...rows: string[]) {
  return `${rows.join("\n")}\n`;
}

function errorOf(csv: string, model?: "time_decay" | "linear") {
  try {
    parsePathsCsv({ csv, model });
  } catch (error) {
    if (error instanceof PathsCsvError) return error;
    throw error;
  }
  throw new Error("expected a PathsCsvError");
}

describe("parsePathsCsv", () => {
  it("reads each row as a journey with its line number", () => {
    const paths = parsePathsCsv({
      csv: lines(
        "path,conversions,conversion_value,nulls,days_before_conversion,lead_idx",
        "Search > Webinar > Email,2,3000.50,5,14;7;0,1",
        "",
        "Email,1,500,0,,",
        '"Ads>Search",0,0,3,,',
      ),
    });
    expect(paths).toEqual([
      {
        line: 2,
        touches: [
          { channel: "Search", daysBeforeConversion: 14 },
          { channel: "Webinar", daysBeforeConversion: 7 },
          { channel: "Email", daysBeforeConversion: 0 },
        ],
        conversions: 2,
        nulls: 5,
        value: 3000.5,
        leadIndex: 1,
      },
      {
        line: 4,
        touches: [{ channel: "Email", daysBeforeConversion: undefined }],
        conversions: 1,
        nulls: 0,
        value: 500,
        leadIndex: undefined,
      },
      {
        line: 5,
        touches: [
          { channel: "Ads", daysBeforeConversion: undefined },
          { channel: "Search", daysBeforeConversion: undefined },
        ],
        conversions: 0,
        nulls: 3,
        value: 0,
        leadIndex: undefined,
      },
    ]);
  });

  it("takes the optional columns in any order, header names in any case, CRLF and a BOM", () => {
    const paths = parsePathsCsv({
      csv: "\uFEFFNulls, Path ,CONVERSIONS,conversion_value\r\n1,A > B,2,10\r\n",
    });
    expect(paths).toEqual([
      {
        line: 2,
        touches: [{ channel: "A" }, { channel: "B" }],
        conversions: 2,
        nulls: 1,
        value: 10,
        leadIndex: undefined,
      },
    ]);
  });

  it("feeds the models directly", () => {
    const paths = parsePathsCsv({ csv: lines(header, "A > B,2,100,1", "B,1,50,0") });
    // linear: A ½ × 2 = 1 (€50); B 1 + 1 = 2 (€50 + €50).
    expect(attribute({ model: "linear", journeys: paths })).toEqual([
      { channel: "A", conversions: 1, value: 50 },
      { channel: "B", conversions: 2, value: 100 },
    ]);
  });

  it("counts the lines of a quoted field that spans lines", () => {
    const error = errorOf(lines(header, '"A > B",1,1,0', '"C', '> D",1,x,0', "E,1,1,0"));
    expect(error.message).toBe(
      "line 3: conversion_value must be a number ≥ 0 (digits and a decimal point, e.g. 1250.50)",
    );
  });

  it.each([
    [
      lines(header, "A,1,10,0", "B,-1,0,0"),
      3,
      "conversions",
      "line 3: conversions must be a whole number ≥ 0",
    ],
    [
      lines(header, "A,1.5,10,0"),
      2,
      "conversions",
      "line 2: conversions must be a whole number ≥ 0",
    ],
    [lines(header, "A,1,10,"), 2, "nulls", "line 2: nulls must be a whole number ≥ 0"],
    [
      lines(header, "A,1,ten,0"),
      2,
      "conversion_value",
      "line 2: conversion_value must be a number ≥ 0",
    ],
    [
      lines(header, "A,1,-5,0"),
      2,
      "conversion_value",
      "line 2: conversion_value must be a number ≥ 0",
    ],
    [
      lines(header, "A,0,5,1"),
      2,
      "conversion_value",
      "line 2: conversion_value must be 0 when conversions is 0",
    ],
    [
      lines(header, "A,1,1,0", '"",1,0,0'),
      3,
      "path",
      "line 3: path must name at least one channel",
    ],
    [
      lines(header, "A > > B,1,0,0"),
      2,
      "path",
      'line 2: path has an empty channel name: join channels with " > "',
    ],
    [lines(header, "A >,1,0,0"), 2, "path", "line 2: path has an empty channel name"],
    [
      lines(`${header},days_before_conversion`, "A > B,1,0,0,3"),
      2,
      "days_before_conversion",
      "line 2: days_before_conversion must have one number per touch: the path has 2, found 1",
    ],
    [
      lines(`${header},days_before_conversion`, "A > B,1,0,0,3;x"),
      2,
      "days_before_conversion",
      'line 2: days_before_conversion must be numbers of days ≥ 0 separated by ";", one per touch',
    ],
    [
      lines(`${header},days_before_conversion`, "A,1,0,0,1e999"),
      2,
      "days_before_conversion",
      'line 2: days_before_conversion must be numbers of days ≥ 0 separated by ";", one per touch',
    ],
    [
      lines(`${header},days_before_conversion`, "A > B,1,0,0,2;5"),
      2,
      "days_before_conversion",
      "line 2: days_before_conversion must not increase along the path: touches are oldest first",
    ],
    [
      lines(`${header},lead_idx`, "A > B,1,0,0,0", "A > B > C,1,0,0,3"),
      3,
      "lead_idx",
      "line 3: lead_idx must be a touch index from 0 to 2 (0-based; the path has 3 touches)",
    ],
    [
      lines(`${header},lead_idx`, "A > B,1,0,0,-1"),
      2,
      "lead_idx",
      "line 2: lead_idx must be a whole number ≥ 0",
    ],
  ])("names the line and column of a bad cell: %j", (csv, line, column, message) => {
    const error = errorOf(csv);
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    expect(error.message).toContain(message);
  });

  it.each([
    [
      "",
      "line 1: the file is empty; expected a header row: path,conversions,conversion_value,nulls",
    ],
    ["\n\n", "line 1: the file is empty"],
    [lines(header), "line 1: no paths below the header"],
    [lines("path,conversions,conversion_value"), 'line 1: missing column "nulls"'],
    [
      lines(`${header},channel_cost`, "A,1,0,0,5"),
      'line 1: unknown column "channel_cost"; expected path, conversions, conversion_value, nulls and optionally days_before_conversion, lead_idx',
    ],
    [lines(`${header},Path`, "A,1,0,0,A"), 'line 1: column "path" appears twice'],
    [lines(`${header},`, "A,1,0,0,"), "line 1: column 5 has no name"],
    [
      lines("path;conversions;conversion_value;nulls", "A;1;0;0"),
      'line 1: unknown column "path;conversions;conversion_value;nulls"',
    ],
  ])("refuses a bad header: %j", (csv, message) => {
    const error = errorOf(csv);
    expect(error.line).toBe(1);
    expect(error.message).toContain(message);
  });

  it("names the line of a row with the wrong number of fields or broken quoting", () => {
    expect(errorOf(lines(header, "A,1,0,0", "B,1,0")).message).toBe(
      "line 3: has a different number of fields than the header",
    );
    expect(errorOf(lines(header, "A,1,0,0", 'B,1,0,0"x"')).message).toMatch(
      /^line 3: is not valid CSV/,
    );
    expect(errorOf(lines(header, "A,1,0,0", "", '"B,1,0,0', "C,1,0,0", "D,1,0,0")).message).toBe(
      "line 4: is not valid CSV (a quote opened here is never closed)",
    );
    expect(errorOf(lines(header, '"A,1,0,0', "C,1,0,0")).message).toBe(
      "line 2: is not valid CSV (a quote opened here is never closed)",
    );
  });

  it("needs days on converting rows for the time_decay model only", () => {
    const noColumn = lines(header, "A,1,0,0");
    expect(parsePathsCsv({ csv: noColumn, model: "linear" })).toHaveLength(1);
    expect(errorOf(noColumn, "time_decay").message).toBe(
      'line 1: missing column "days_before_conversion", which the time_decay model needs',
    );
    const blankDays = lines(
      `${header},days_before_conversion`,
      "A,1,0,0,0",
      "B,0,0,4,",
      "C,2,0,0,",
    );
    const error = errorOf(blankDays, "time_decay");
    expect(error.line).toBe(4);
    expect(error.message).toBe(
      "line 4: days_before_conversion is required for the time_decay model on a path with conversions (one number per touch)",
    );
  });
});
