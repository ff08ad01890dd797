import { describe, expect, it } from "vitest";
import { rowsJson } from "./bulk";

/**
 * What the rows' JSON was before rowsJson, parsed: an object per row, nulls left out,
 * stringified (where JSON.stringify writes null for an invalid date or NaN, left out too: to
 * json_populate_recordset a key it does not find is the same null).
 */
function asObjects(
  rows: Record<string, unknown>[],
  keys: string[],
  columns: { name: string; defaultFn?: () => unknown }[],
) {
  const parsed = JSON.parse(
    JSON.stringify(
      rows.map((row) => {
        const out: Record<string, unknown> = {};
        keys.forEach((key, index) => {
          const column = columns[index] as { name: string; defaultFn?: () => unknown };
          const value = row[key] === undefined ? column.defaultFn?.() : row[key];
          if (value !== null && value !== undefined) out[column.name] = value;
        });
        return out;
      }),
    ),
  ) as Record<string, unknown>[];
  return parsed.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)));
}

describe("rowsJson", () => {
  const columns = [
    { name: "id", defaultFn: () => "made-by-default" },
    { name: "body" },
    { name: "size" },
    { name: "flag" },
    { name: "at" },
    { name: "details" },
  ];
  const keys = ["id", "body", "size", "flag", "at", "details"];

  it("writes what stringifying each row's non-null values would, key by column name", () => {
    const rows: Record<string, unknown>[] = [
      {
        id: "a",
        body: 'quote " backslash \\ newline \n tab \t emoji 🚚 lone \ud800 control \u0001',
        size: -0,
        flag: false,
        at: new Date("2026-12-04T10:00:00.123Z"),
        details: { results: [{ passed: true, reason: "ok", criterion: { min: 5 } }], n: null },
      },
      { body: null, size: 1.5e21, flag: true, at: new Date(Number.NaN), details: [1, "two"] },
      { id: "c", size: Number.NaN, details: null },
      { id: "d", size: Number.POSITIVE_INFINITY },
      {},
    ];
    const json = rowsJson(rows, keys, columns);
    const parsed = JSON.parse(json) as Record<string, unknown>[];
    expect(parsed).toEqual(asObjects(rows, keys, columns));
    expect(json).toContain('"body":"quote \\" backslash \\\\ newline \\n tab \\t emoji 🚚');
    expect(parsed[1]).toEqual({
      id: "made-by-default",
      size: 1.5e21,
      flag: true,
      details: [1, "two"],
    });
    expect(parsed[2]).toEqual({ id: "c" });
    expect(parsed[4]).toEqual({ id: "made-by-default" });
  });

  it("writes an empty list and rows with nothing to say", () => {
    expect(rowsJson([], keys, columns)).toBe("[]");
    expect(rowsJson([{}, { body: null }], ["body"], [{ name: "body" }])).toBe("[{},{}]");
  });
});
