// CSV import: the error report, every invalid row with its problem and original columns.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireMember } from "../auth/guards.server";
import { errorReportCsv } from "../imports/imports.server";

const paramsSchema = z.object({ importId: z.uuid() });

function notFoundText() {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
}

/** A resource route answers the guards' thrown 403 itself, instead of logging it as an error. */
function asResponse(thrown: unknown): Response | null {
  if (thrown instanceof Response) return thrown;
  const carried = thrown as { type?: unknown; init?: ResponseInit | null } | null;
  if (carried?.type === "DataWithResponseInit") {
    return new Response("Forbidden", {
      status: carried.init?.status ?? 403,
      headers: { "Content-Type": "text/plain" },
    });
  }
  return null;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  let viewer: Awaited<ReturnType<typeof requireMember>>;
  try {
    viewer = await requireMember(request, context, { roles: ["admin", "marketing"] });
  } catch (thrown) {
    const response = asResponse(thrown);
    if (response) return response;
    throw thrown;
  }
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return notFoundText();
  const report = await errorReportCsv({
    db: context.db,
    workspaceId: viewer.workspace.id,
    importId: parsed.data.importId,
    locale: viewer.locale,
  });
  if (!report) return notFoundText();
  // The byte-order mark makes Excel read the file as UTF-8 (names with accents stay intact).
  return new Response(`\uFEFF${report.csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${report.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
