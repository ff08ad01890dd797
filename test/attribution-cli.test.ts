// `baton attribution` as an analyst runs it: a child process over a small paths file, JSON on
// stdout, a one-line error naming the bad line, and no database opened.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
let dir: string;
let dataDir: string;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function baton(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, "bin/baton.js"), ...args],
      {
        cwd: root,
        // A data directory that must never be created: the command needs no database.
        env: { ...process.env, DATABASE_URL: "", BATON_DATA_DIR: dataDir, ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// Three paths: Search > Webinar > Email converted twice (€3,000 in all) and failed once, with the
// lead created at the webinar; Email alone converted once (€500); Ads > Search never converted.
const pathsCsv = [
  "path,conversions,conversion_value,nulls,days_before_conversion,lead_idx",
  "Search > Webinar > Email,2,3000,1,14;7;0,1",
  "Email,1,500,0,2,",
  "Ads > Search,0,0,1,9;1,",
  "",
].join("\n");

let pathsFile: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "baton-attribution-"));
  dataDir = path.join(dir, "data");
  pathsFile = path.join(dir, "paths.csv");
  writeFileSync(pathsFile, pathsCsv);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Expected = Record<string, [conversions: number, value: number]>;

async function expectChannels(args: string[], model: string, expected: Expected) {
  const result = await baton(["attribution", "--paths", pathsFile, ...args]);
  expect(result.stderr).not.toMatch(/baton:/);
  expect(result.code).toBe(0);
  const output = JSON.parse(result.stdout) as {
    model: string;
    channels: { channel: string; conversions: number; value: number }[];
  };
  expect(Object.keys(output)).toEqual(["model", "channels"]);
  expect(output.model).toBe(model);
  expect(output.channels.map((credit) => credit.channel)).toEqual(Object.keys(expected));
  for (const credit of output.channels) {
    expect(Object.keys(credit)).toEqual(["channel", "conversions", "value"]);
    const [conversions, value] = expected[credit.channel]!;
    expect(credit.conversions).toBeCloseTo(conversions, 12);
    expect(credit.value).toBeCloseTo(value, 9);
  }
  // The command never opened (or created) the PGlite data directory.
  expect(existsSync(dataDir)).toBe(false);
}

describe.concurrent("baton attribution", () => {
  it("prints linear credit per channel, sorted by channel name", async () => {
    // ⅓ of path 1's 2 conversions and €3,000 to each touch; Email also gets the lone conversion.
    await expectChannels(["--model", "linear"], "linear", {
      Ads: [0, 0],
      Email: [2 / 3 + 1, 1000 + 500],
      Search: [2 / 3, 1000],
      Webinar: [2 / 3, 1000],
    });
  });

  it("prints time-decay credit with a chosen half-life", async () => {
    // Half-life 3.5 days, path 1 ages 14, 7, 0: weights 2^−4 = 1/16, 2^−2 = 1/4, 1; sum 21/16
    // → 1/21, 4/21, 16/21 of 2 conversions and €3,000. The Email path is one touch: all of it.
    await expectChannels(["--model", "time_decay", "--half-life", "3.5"], "time_decay", {
      Ads: [0, 0],
      Email: [32 / 21 + 1, 48000 / 21 + 500],
      Search: [2 / 21, 3000 / 21],
      Webinar: [8 / 21, 12000 / 21],
    });
  });

  it("prints Markov credit, including for a channel seen only on a path that did not convert", async () => {
    // Transitions counted conversions + nulls times: start→Search 3, start→Email 1, start→Ads 1;
    // Search→Webinar 3, Search→null 1; Webinar→Email 3; Email→conversion 3, Email→null 1;
    // Ads→Search 1.  h_Email = ¾, h_Webinar = ¾, h_Search = ¾·¾ = 9/16, h_Ads = 9/16.
    // P = ⅗·9/16 + ⅕·¾ + ⅕·9/16 = (27 + 12 + 9)/80 = 48/80.
    // Without Ads: 39/80 → RE = 9/48 = 3/16.  Without Search or Webinar: only Email's start is
    // left, 12/80 → RE = ¾ each.  Without Email: 0 → RE = 1.  Σ RE = 43/16.
    // 3 conversions: Ads 9/43, Search 36/43, Webinar 36/43, Email 48/43; €3,500 likewise.
    await expectChannels(["--model", "markov"], "markov", {
      Ads: [9 / 43, 10500 / 43],
      Email: [48 / 43, 56000 / 43],
      Search: [36 / 43, 42000 / 43],
      Webinar: [36 / 43, 42000 / 43],
    });
  });

  it("reads a relative path from where `npm run baton` was typed", async () => {
    const result = await baton(["attribution", "--paths", "paths.csv", "--model", "first_touch"], {
      npm_lifecycle_event: "baton",
      INIT_CWD: dir,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).channels).toEqual([
      { channel: "Ads", conversions: 0, value: 0 },
      { channel: "Email", conversions: 1, value: 500 },
      { channel: "Search", conversions: 2, value: 3000 },
      { channel: "Webinar", conversions: 0, value: 0 },
    ]);
  });

  it("names the bad line of a bad file in one line on stderr", async () => {
    const badFile = path.join(dir, "bad.csv");
    writeFileSync(
      badFile,
      ["path,conversions,conversion_value,nulls", "A,1,10,0", "B > A,0,0,2", "C,-1,0,0", ""].join(
        "\n",
      ),
    );
    const result = await baton(["attribution", "--paths", badFile, "--model", "linear"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe(
      "baton: --paths: line 4: conversions must be a whole number ≥ 0",
    );
  });

  it.each([
    [
      ["--paths", "PATHS", "--model", "shapley"],
      "baton: --model: choose one of first_touch, last_touch, linear, position_based, w_shaped, time_decay, markov",
    ],
    [["--paths", "PATHS"], "baton: --model is required"],
    [["--model", "linear"], "baton: --paths is required"],
    [
      ["--paths", "PATHS", "--model", "linear", "--half-life", "7"],
      "baton: --half-life only applies to --model time_decay",
    ],
    [
      ["--paths", "PATHS", "--model", "time_decay", "--half-life", "0"],
      "baton: --half-life: enter a number of days above 0, e.g. 7",
    ],
    [["--paths", "MISSING", "--model", "linear"], "baton: --paths: no file at "],
    [["--paths", "PATHS", "--model", "linear", "--bogus"], "baton: Unknown option '--bogus'"],
  ])("refuses bad arguments with one line: %j", async (args, message) => {
    const resolved = args.map((arg) =>
      arg === "PATHS" ? pathsFile : arg === "MISSING" ? path.join(dir, "missing.csv") : arg,
    );
    const result = await baton(["attribution", ...resolved]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });

  it("needs no database even when the configured one is unreachable", async () => {
    const result = await baton(["attribution", "--paths", pathsFile, "--model", "last_touch"], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).model).toBe("last_touch");
  });
});
