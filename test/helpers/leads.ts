// Leads arriving the way the API and imports bring them (intakeLeads: qualified, routed, clocks
// started), at a chosen moment, for fixtures.
import { randomBytes } from "node:crypto";
import { intakeLeads } from "../../app/leads/intake.server";
import { type LeadInput, leadInputSchema } from "../../app/leads/schemas";
import type { Database } from "../../db/client";

const run = randomBytes(3).toString("hex");
let counter = 0;

/** A complete, qualifying lead (company, size 120, job title, Google Ads) unless overridden. */
export function leadInput(overrides: Partial<LeadInput> = {}): LeadInput {
  counter += 1;
  return leadInputSchema.parse({
    external_id: `fixture-${run}-${counter}`,
    email: `fixture-${run}-${counter}@example.com`,
    company: `Company ${counter}`,
    company_size: 120,
    job_title: "COO",
    source: "Google Ads",
    ...overrides,
  });
}

/** Takes one lead in at `now`; returns its id. */
export async function arriveLead(
  db: Database,
  workspaceId: string,
  now: Date,
  overrides: Partial<LeadInput> = {},
) {
  const [result] = await intakeLeads({
    db,
    workspaceId,
    actorLabel: "test",
    leads: [leadInput(overrides)],
    now,
  });
  return result!.id;
}
