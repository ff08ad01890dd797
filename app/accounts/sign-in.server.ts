// Checks an e-mail address and password; the answer takes as long for an unknown address.
import { desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships, type User, users } from "../../db/schema";
import { verifyAgainstDummy, verifyPassword } from "../auth/passwords.server";

export async function verifyCredentials(options: {
  db: Database;
  email: string;
  password: string;
}): Promise<User | null> {
  const [user] = await options.db.select().from(users).where(eq(users.email, options.email));
  if (!user) {
    await verifyAgainstDummy(options.password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, options.password)) ? user : null;
}

/** The workspace a fresh session opens in: the one the user joined last. */
export async function defaultWorkspaceId(options: { db: Database; userId: string }) {
  const [row] = await options.db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(eq(memberships.userId, options.userId))
    .orderBy(desc(memberships.createdAt))
    .limit(1);
  return row?.workspaceId ?? null;
}
