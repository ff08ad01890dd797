// Ordered lists per workspace (routing rules, margin segments): positions stay 1..n without gaps,
// and changes to one workspace's order are serialised by a lock on its workspace row.
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type marginSegments, type routingRules, workspaces } from "../../db/schema";

type OrderedTable = typeof routingRules | typeof marginSegments;

/**
 * Serialises order changes in one workspace. NO KEY UPDATE does not block inserts elsewhere that
 * reference the workspace (they take KEY SHARE), so leads keep arriving meanwhile.
 */
export async function lockWorkspaceOrder(db: Database, workspaceId: string) {
  await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("no key update");
}

async function orderedIds(db: Database, table: OrderedTable, workspaceId: string) {
  const rows = await db
    .select({ id: table.id, position: table.position })
    .from(table)
    .where(eq(table.workspaceId, workspaceId))
    .orderBy(asc(table.position), asc(table.createdAt), asc(table.id));
  return rows;
}

async function writeOrder(
  db: Database,
  table: OrderedTable,
  workspaceId: string,
  rows: { id: string; position: number }[],
) {
  for (const [index, row] of rows.entries()) {
    if (row.position === index + 1) continue;
    await db
      .update(table)
      .set({ position: index + 1 })
      .where(and(eq(table.id, row.id), eq(table.workspaceId, workspaceId)));
  }
}

/** The position a new item gets: after the last one. */
export async function nextPosition(db: Database, table: OrderedTable, workspaceId: string) {
  const rows = await orderedIds(db, table, workspaceId);
  await writeOrder(db, table, workspaceId, rows);
  return rows.length + 1;
}

/** Closes the gaps (after a delete): positions become 1..n in the current order. */
export async function renumber(db: Database, table: OrderedTable, workspaceId: string) {
  await writeOrder(db, table, workspaceId, await orderedIds(db, table, workspaceId));
}

/**
 * Swaps an item with its neighbour above or below; returns its new position, or null when it is
 * already first or last (nothing changes).
 */
export async function moveItem(
  db: Database,
  table: OrderedTable,
  workspaceId: string,
  id: string,
  direction: "up" | "down",
): Promise<{ from: number; to: number } | null> {
  const rows = await orderedIds(db, table, workspaceId);
  const index = rows.findIndex((row) => row.id === id);
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= rows.length) {
    await writeOrder(db, table, workspaceId, rows);
    return null;
  }
  const reordered = rows.map((row, at) =>
    at === index ? rows[other] : at === other ? rows[index] : row,
  ) as typeof rows;
  await writeOrder(db, table, workspaceId, reordered);
  return { from: index + 1, to: other + 1 };
}
