// readTogether (db/read-together.ts): the reads the scorecard sends at once for a period go out
// on one connection, in one read-only snapshot; inside a caller's transaction, in that one.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTogether } from "../db/read-together";
import { workspaces } from "../db/schema";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { makeWorkspace } from "./helpers/factories";

let database: TestDatabase;
let workspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = (await makeWorkspace(database.db, { name: "Together B.V." })).workspace.id;
});
afterAll(async () => {
  await database?.close();
});

const nameOf = async (db: TestDatabase["db"]) => {
  const [row] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.name;
};

describe("readTogether", () => {
  it("answers reads sent at once, each with its own result", async () => {
    const names = await readTogether(database.db, (db) =>
      Promise.all([nameOf(db), db.select({ id: workspaces.id }).from(workspaces), nameOf(db)]),
    );
    expect(names[0]).toBe("Together B.V.");
    expect(names[1].map((row) => row.id)).toContain(workspaceId);
    expect(names[2]).toBe("Together B.V.");
  });

  it("refuses a write: its transaction is read-only, and nothing changes", async () => {
    await expect(
      readTogether(database.db, (db) =>
        db.update(workspaces).set({ name: "Written" }).where(eq(workspaces.id, workspaceId)),
      ),
    ).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/read-only transaction/) },
    });
    expect(await nameOf(database.db)).toBe("Together B.V.");
  });

  it("inside a transaction reads in it, seeing what it has not committed yet", async () => {
    const rolledBack = new Error("roll back");
    let seen: string | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(workspaces).set({ name: "Renamed" }).where(eq(workspaces.id, workspaceId));
        seen = await readTogether(tx as unknown as TestDatabase["db"], nameOf);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(seen).toBe("Renamed");
    expect(await nameOf(database.db)).toBe("Together B.V.");
  });
});
