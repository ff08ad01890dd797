// Creating workspaces straight through the service, where races and slugs are decided.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountError } from "../app/accounts/errors";
import { createWorkspaceWithAdmin, slugify } from "../app/accounts/workspaces.server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("slugs", () => {
  it.each([
    ["Noordzee Logistiek B.V.", "noordzee-logistiek-b-v"],
    ["Café Ürsel & Zonen", "cafe-ursel-zonen"],
    ["***", "workspace"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("numbers a taken slug", async () => {
    const make = (email: string) =>
      createWorkspaceWithAdmin({
        db: database.db,
        workspaceName: "De Vries Transport",
        admin: { name: "A", email, password: "a-long-password" },
        via: "test",
      });
    const first = await make("first@devries.example");
    const second = await make("second@devries.example");
    expect([first.workspace.slug, second.workspace.slug]).toEqual([
      "de-vries-transport",
      "de-vries-transport-2",
    ]);
  });
});

describe("concurrent sign-ups", () => {
  it("with one e-mail address create one account and a clear error for the other", async () => {
    const admin = { name: "Twin", email: "twin@example.com", password: "a-long-password" };
    const results = await Promise.allSettled([
      createWorkspaceWithAdmin({ db: database.db, workspaceName: "One", admin, via: "test" }),
      createWorkspaceWithAdmin({ db: database.db, workspaceName: "Two", admin, via: "test" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(rejected?.reason).toBeInstanceOf(AccountError);
  });
});
