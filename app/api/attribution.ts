// The attribution report as the API shows it (snake_case), with its OpenAPI response schema.
import { z } from "zod";
import { attributionModels } from "../attribution/models";
import type { AttributionReport, AttributionRow } from "../attribution/report.server";

function rowJson(row: AttributionRow) {
  return {
    key: row.key,
    mqls: row.mqls,
    sqls: row.sqls,
    pipeline_cents: row.pipelineCents,
    won_cents: row.wonCents,
    gross_profit_cents: row.grossProfitCents,
    cost_cents: row.costCents,
    cost_per_sql_cents: row.costPerSqlCents,
    roi: row.roi,
  };
}

export function attributionToJson(report: AttributionReport, halfLifeDays: number) {
  return {
    model: report.model,
    from: report.from,
    to: report.to,
    half_life_days: report.model === "time_decay" ? halfLifeDays : null,
    totals: {
      mqls: report.totals.mqls,
      sqls: report.totals.sqls,
      pipeline_cents: report.totals.pipelineCents,
      won_cents: report.totals.wonCents,
      gross_profit_cents: report.totals.grossProfitCents,
      cost_cents: report.totals.costCents,
    },
    by_source: report.bySource.map(rowJson),
    by_campaign: report.byCampaign.map(rowJson),
    by_content: report.byContent.map(rowJson),
    markov_chain: report.chain
      ? { journeys: report.chain.journeys, learnt_at: report.chain.learntAt.toISOString() }
      : null,
  };
}

const creditRow = z.object({
  key: z.string().describe('The source, campaign or content; "(none)" where a touch names none'),
  mqls: z.number().describe("MQLs of the period credited to it (fractions under shared models)"),
  sqls: z.number(),
  pipeline_cents: z
    .number()
    .describe("Amounts of deals created in the period, credited (unrounded)"),
  won_cents: z.number().describe("Amounts of deals won in the period, credited (unrounded)"),
  gross_profit_cents: z.number(),
  cost_cents: z
    .number()
    .int()
    .nullable()
    .describe("Campaign costs in the period; sources sum theirs"),
  cost_per_sql_cents: z.number().int().nullable(),
  roi: z.number().nullable().describe("(gross profit − cost) / cost"),
});

export const attributionResponseSchema = z
  .object({
    model: z.enum(attributionModels),
    from: z.iso.date(),
    to: z.iso.date(),
    half_life_days: z.number().nullable(),
    totals: z.object({
      mqls: z.number().int(),
      sqls: z.number().int(),
      pipeline_cents: z.number(),
      won_cents: z.number(),
      gross_profit_cents: z.number(),
      cost_cents: z.number().int().nullable(),
    }),
    by_source: z.array(creditRow),
    by_campaign: z.array(creditRow),
    by_content: z.array(creditRow),
    markov_chain: z
      .object({
        journeys: z.number().int().describe("The journeys (leads) the chain learnt from"),
        learnt_at: z.iso
          .datetime()
          .describe(
            "When it was learnt: a chain that is slow to learn is kept and learnt again hourly",
          ),
      })
      .nullable()
      .describe("Markov's chain (null under other models)"),
  })
  .meta({ id: "Attribution" });
