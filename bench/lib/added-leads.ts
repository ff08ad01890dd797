// The leads a suite adds to the large workspace (intake, speed to lead), removed when it ends,
// with everything intake stored beside them (events, notes, touchpoints, SLA clocks, routing
// decisions and Slack messages go with their lead: ON DELETE CASCADE). Without it every run
// left its leads behind: 61,000 a run of the intake suite, so that a session of runs measured a
// workspace of several million leads, slower with each run (docs/performance.md, "Round 10").
// The next suite's vacuum (generate.ts) clears what the delete leaves.
import postgres from "postgres";

export class AddedLeads {
  private readonly ids: string[] = [];

  /** Keeps the ids of the leads an answer of POST /api/v1/leads says it created. */
  noteAnswer(answer: unknown): void {
    const body = answer as { id?: string; created?: boolean; results?: unknown[] };
    const results = Array.isArray(body.results) ? body.results : [body];
    for (const result of results as { id?: string; created?: boolean }[])
      if (result.created && typeof result.id === "string") this.ids.push(result.id);
  }

  /** Deletes them, 10,000 at a time; returns how many were deleted. */
  async remove(databaseUrl: string, workspaceId: string): Promise<number> {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    let deleted = 0;
    try {
      while (this.ids.length) {
        const chunk = this.ids.splice(0, 10_000);
        const result = await sql`delete from leads
          where workspace_id = ${workspaceId} and id = any(${chunk}::uuid[])`;
        deleted += result.count;
      }
    } finally {
      await sql.end({ timeout: 5 });
    }
    return deleted;
  }
}
