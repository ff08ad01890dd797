// Intake throughput: batches of 1,000 leads POSTed to /api/v1/leads, each lead validated,
// deduplicated, judged against the MQL definition, routed (pool rotation under its lock) and
// given its SLA clocks, in one transaction per batch. Two clients post at once (an import and a
// form tool, say); the figure is leads stored per second of wall time.
import { ensureLargeWorkspace } from "../generate";
import { AddedLeads } from "../lib/added-leads";
import { startServer } from "../lib/server";
import { median } from "../lib/stats";
import { atLeast, type BenchContext, figure, type Suite } from "../lib/suite";

const batchSize = 1_000;
const clients = 2;
const regions = ["EMEA", "EMEA", "EMEA", "NA", "NA", "APAC", "LATAM"];
const countries: Record<string, string[]> = {
  EMEA: ["NL", "DE", "BE", "FR", "GB"],
  NA: ["US", "CA"],
  APAC: ["AU", "SG", "JP"],
  LATAM: ["BR", "MX"],
};

/** A realistic batch: two in three leads show buying intent, one in twenty repeats a contact. */
function batch(tag: string, number: number) {
  const day = 86_400_000;
  const now = Date.now();
  return Array.from({ length: batchSize }, (_, i) => {
    const n = number * batchSize + i;
    const region = regions[n % regions.length] as string;
    const country = (countries[region] as string[])[
      (n % 3) % (countries[region] as string[]).length
    ];
    const intent = n % 3 !== 0;
    const repeat = n % 20 === 19;
    return {
      external_id: `in-${tag}-${n}`,
      email: repeat ? `in-${tag}-${n - 1}@prospect.example` : `in-${tag}-${n}@prospect.example`,
      first_name: "Robin",
      last_name: `Lead ${n}`,
      company: `Intake ${n % 997} B.V.`,
      company_size: [8, 40, 120, 600, 2500][n % 5],
      industry: ["Logistics", "Retail", "Manufacturing"][n % 3],
      job_title: n % 7 === 0 ? null : "Operations Manager",
      country,
      region,
      source: ["Google Ads", "LinkedIn", "Webinar", "Organic"][n % 4],
      campaign: "Intake test",
      created_at: new Date(now - (n % 60) * 60_000).toISOString(),
      touchpoints: intent
        ? [
            {
              kind: "page_view",
              url: "https://bench.example/pricing",
              content_type: "pricing",
              occurred_at: new Date(now - (n % 60) * 60_000 + 30_000).toISOString(),
            },
            {
              kind: "form",
              url: "https://bench.example/demo",
              occurred_at: new Date(now - (n % 60) * 60_000 + 60_000).toISOString(),
            },
          ]
        : [
            {
              kind: "page_view",
              url: "https://bench.example/blog",
              occurred_at: new Date(now - 2 * day).toISOString(),
            },
          ],
    };
  });
}

async function post(url: string, apiKey: string, leads: unknown[], added: AddedLeads) {
  const started = performance.now();
  const response = await fetch(new URL("/api/v1/leads", url), {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ leads }),
  });
  const text = await response.text();
  const took = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`batch answered ${response.status}: ${text.slice(0, 300)}`);
  added.noteAnswer(JSON.parse(text));
  return took;
}

const suite: Suite = {
  name: "intake",
  description: `batch API, ${batchSize} leads a request, ${clients} clients at once`,
  async run(context: BenchContext) {
    const workspace = await ensureLargeWorkspace(context);
    const server = await startServer({
      env: { DATABASE_URL: workspace.databaseUrl },
      log: context.log,
    });
    const batches = context.quick ? 4 : 20;
    const throughput: number[] = [];
    const perRequest: number[] = [];
    const added = new AddedLeads();
    try {
      const tag = Date.now().toString(36);
      // Warm-up.
      await post(server.url, workspace.apiKey, batch(`${tag}w`, 0), added);
      for (let run = 1; run <= context.runs; run++) {
        const started = performance.now();
        let next = 0;
        const times: number[] = [];
        await Promise.all(
          Array.from({ length: clients }, async () => {
            while (next < batches) {
              const number = next++;
              times.push(
                await post(server.url, workspace.apiKey, batch(`${tag}r${run}`, number), added),
              );
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        throughput.push((batches * batchSize) / seconds);
        perRequest.push(median(times));
        context.log(
          `run ${run}: ${Math.round((batches * batchSize) / seconds)} leads/s; a batch takes ${median(times).toFixed(0)} ms (median)`,
        );
      }
    } finally {
      await server.stop();
      const started = performance.now();
      const removed = await added.remove(workspace.databaseUrl, workspace.workspaceId);
      context.log(
        `removed the ${removed.toLocaleString("en-US")} leads the runs added (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
    return [
      figure({
        name: `intake throughput (batches of ${batchSize}, ${clients} clients)`,
        unit: "leads/s",
        runs: throughput,
        goal: atLeast(5000, "leads/s"),
      }),
      figure({ name: `one batch of ${batchSize} leads`, unit: "ms", runs: perRequest }),
    ];
  },
};

export default suite;
