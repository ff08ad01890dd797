// GET /leads/choices?field=owner|campaign&q=… — what the lead list's searching filters offer as
// one types (app/components/list-filters.tsx, SearchFilter): the workspace's reps or campaigns
// matching `q`, for a signed-in member of the workspace.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireMember } from "../auth/guards.server";
import { leadFilterChoices } from "../leads/list.server";

const choicesQuery = z.object({
  field: z.enum(["owner", "campaign"], { error: "field must be owner or campaign" }),
  q: z.string().max(100, { error: "q must be at most 100 characters" }).default(""),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const parsed = choicesQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json(
      { choices: [], errors: parsed.error.issues.map((issue) => issue.message) },
      { status: 400 },
    );
  const choices = await leadFilterChoices({
    db: context.db,
    workspaceId: viewer.workspace.id,
    ...parsed.data,
  });
  return Response.json({ choices, errors: [] as string[] });
}
