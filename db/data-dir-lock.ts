// PGlite has no cross-process lock and two processes on one data directory corrupt it, so the
// server and the CLI take this lock file first. A lock left by a dead process is taken over.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

const lockFileName = "baton.lock";

interface LockOwner {
  pid: number;
  holder: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, owner: LockOwner) {
    super(
      `The data directory ${dataDir} is in use by ${owner.holder} (process ${owner.pid}, since ${owner.since}). ` +
        "Stop that process first, or set DATABASE_URL to use PostgreSQL, which allows several.",
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockAgeMs(lockPath: string): number {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid !== "number") return null;
    return {
      pid: parsed.pid,
      holder: parsed.holder ?? "another process",
      since: parsed.since ?? "?",
    };
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError; returns the function that releases it. */
export function acquireDataDirLock(dataDir: string, holder: string): () => void {
  const lockPath = path.join(dataDir, lockFileName);
  const owner: LockOwner = { pid: process.pid, holder, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        if (readOwner(lockPath)?.pid === process.pid) unlinkSync(lockPath);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readOwner(lockPath);
      if (current && current.pid !== process.pid && isAlive(current.pid)) {
        throw new DataDirLockedError(dataDir, current);
      }
      if (current?.pid === process.pid) {
        throw new DataDirLockedError(dataDir, current);
      }
      if (!current && lockAgeMs(lockPath) < 5000) {
        // Another process has just created the file and is still writing its name in it.
        throw new DataDirLockedError(dataDir, {
          pid: 0,
          holder: "another process",
          since: "just now",
        });
      }
      // Left behind by a process that is gone (or half-written): clear it and try again.
      try {
        unlinkSync(lockPath);
      } catch {}
    }
  }
  const current = readOwner(lockPath);
  throw new DataDirLockedError(
    dataDir,
    current ?? { pid: 0, holder: "another process", since: "?" },
  );
}
