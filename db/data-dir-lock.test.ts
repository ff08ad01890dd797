import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "baton-lock-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("acquireDataDirLock", () => {
  it("writes who holds it and removes the lock on release", () => {
    const release = acquireDataDirLock(dir, "the Baton server (port 3000)");
    const owner = JSON.parse(readFileSync(path.join(dir, "baton.lock"), "utf8"));
    expect(owner).toMatchObject({ pid: process.pid, holder: "the Baton server (port 3000)" });
    expect(() => acquireDataDirLock(dir, "second")).toThrow(DataDirLockedError);
    release();
    expect(existsSync(path.join(dir, "baton.lock"))).toBe(false);
    acquireDataDirLock(dir, "third")();
  });

  it("refuses while a live process holds it, naming the process", () => {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.ppid))"]);
    // The parent of that child is this process: alive, and not the one asking.
    const livePid = Number(child.stdout.toString());
    writeFileSync(
      path.join(dir, "baton.lock"),
      JSON.stringify({
        pid: livePid === process.pid ? 1 : livePid,
        holder: "baton demo",
        since: "2026-01-01T00:00:00Z",
      }),
    );
    expect(() => acquireDataDirLock(dir, "server")).toThrow(/in use by baton demo \(process \d+/);
  });

  it("takes over a lock left by a process that has died", () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    writeFileSync(
      path.join(dir, "baton.lock"),
      JSON.stringify({ pid: Number(dead.stdout.toString()), holder: "crashed", since: "x" }),
    );
    const release = acquireDataDirLock(dir, "server");
    expect(JSON.parse(readFileSync(path.join(dir, "baton.lock"), "utf8")).holder).toBe("server");
    release();
  });
});
