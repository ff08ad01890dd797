// A user's own profile: display name and language.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import type { Locale } from "../i18n/i18n";

export async function updateProfile(options: {
  db: Database;
  userId: string;
  name: string;
  locale: Locale | null;
}) {
  await options.db
    .update(users)
    .set({ name: options.name, locale: options.locale })
    .where(eq(users.id, options.userId));
}
