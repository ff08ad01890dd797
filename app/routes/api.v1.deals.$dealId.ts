// GET /api/v1/deals/{id} — one deal; PATCH changes the fields sent (null clears an optional one).
// A deal that is won or lost (or reopened) moves its lead along.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { dealToJson } from "../api/deals";
import {
  apiError,
  invalidInput,
  methodNotAllowed,
  readJson,
  requireApiKey,
} from "../api/http.server";
import { DealInputError, getDeal, UnknownLeadError, updateDeal } from "../deals/deals.server";
import { dealPatchSchema } from "../deals/schemas";

const notFound = () => apiError(404, "Deal not found.");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { workspace } = await requireApiKey(request, context);
  const id = z.uuid().safeParse(params.dealId);
  if (!id.success) return notFound();
  const found = await getDeal({ db: context.db, workspaceId: workspace.id, dealId: id.data });
  return found ? Response.json(dealToJson(found.deal)) : notFound();
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== "PATCH") return methodNotAllowed(["GET", "PATCH"]);
  const { workspace } = await requireApiKey(request, context);
  const id = z.uuid().safeParse(params.dealId);
  if (!id.success) return notFound();
  const parsed = dealPatchSchema.safeParse(await readJson(request));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const deal = await updateDeal({
      db: context.db,
      workspaceId: workspace.id,
      dealId: id.data,
      patch: parsed.data,
    });
    return deal ? Response.json(dealToJson(deal)) : notFound();
  } catch (error) {
    if (error instanceof UnknownLeadError)
      return apiError(404, "Lead not found in this workspace.", [
        { path: error.field, message: "no lead in this workspace matches" },
      ]);
    if (error instanceof DealInputError)
      return apiError(400, "Invalid input: see issues for each field.", [
        { path: error.field, message: error.message },
      ]);
    throw error;
  }
}
