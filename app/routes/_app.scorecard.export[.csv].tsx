// The scorecard's tables as CSV downloads (/scorecard/export.csv?table=headline|sources|reps and
// the page's period query): the same figures the page shows, for every member.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireMember } from "../auth/guards.server";
import { todayIn } from "../feedback/period";
import { scorecardCsv, scorecardCsvTables } from "../scorecard/csv";
import { scorecardQuery } from "../scorecard/presets";
import { scorecard } from "../scorecard/scorecard.server";

const tableSchema = z.enum(scorecardCsvTables);

function badRequest(message: string) {
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain" } });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const search = new URL(request.url).searchParams;
  const table = tableSchema.safeParse(search.get("table"));
  if (!table.success) {
    return badRequest(`\`table\` must be one of: ${scorecardCsvTables.join(", ")}.`);
  }
  const now = new Date();
  const query = scorecardQuery(search, todayIn(viewer.workspace.timeZone, now));
  if (!query.ok) {
    const problems: string[] = [];
    if (query.errors.from) problems.push("`from` must be a date as YYYY-MM-DD.");
    if (query.errors.to === "scorecard.errors.to")
      problems.push("`to` must be a date as YYYY-MM-DD.");
    if (query.errors.to === "scorecard.errors.toAfterFrom")
      problems.push("`to` must be after `from`.");
    if (query.errors.to === "scorecard.errors.tooLong")
      problems.push("`to`: a period spans at most 366 days.");
    return badRequest(problems.join(" "));
  }
  const card = await scorecard({
    db: context.db,
    workspaceId: viewer.workspace.id,
    from: query.from,
    to: query.to,
    now,
  });
  const { csv, fileName } = scorecardCsv(card, table.data);
  // The byte-order mark makes Excel read the file as UTF-8 (names with accents stay intact).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
