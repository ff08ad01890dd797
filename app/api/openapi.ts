// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the endpoints use.
// Every new endpoint adds itself to `paths`.
import { z } from "zod";
import { activityInputSchema } from "../activities/schemas";
import { dealCreateSchema, dealPatchSchema } from "../deals/schemas";
import { leadInputSchema, standaloneTouchpointSchema } from "../leads/schemas";
import {
  funnelPlanResponseSchema,
  marginRoutingCaseResponseSchema,
  proactivePlanResponseSchema,
} from "../planning/json";
import {
  funnelPlanInputSchema,
  marginRoutingInputSchema,
  proactivePlanInputSchema,
} from "../planning/planning";
import { campaignCostApiSchema } from "../scorecard/costs";
import { attributionResponseSchema } from "./attribution";
import { dealBatchResultSchema, dealResponseSchema, dealResultSchema } from "./deals";
import {
  activityBatchResultSchema,
  activityResultSchema,
  campaignCostBatchResultSchema,
  campaignCostResultSchema,
  errorResponseSchema,
  feedbackInsightsResponseSchema,
  intakeBatchResultSchema,
  intakeResultSchema,
  leadResponseSchema,
  memberListResponseSchema,
  memberResponseSchema,
  scorecardResponseSchema,
  touchpointResultSchema,
  workspaceResponseSchema,
} from "./schemas";

const leadInput = leadInputSchema.meta({ id: "LeadInput" });
const touchpointInput = standaloneTouchpointSchema.meta({ id: "TouchpointInput" });
const activityInput = activityInputSchema.meta({ id: "ActivityInput" });
const campaignCostInput = campaignCostApiSchema.meta({ id: "CampaignCostInput" });
const dealInput = dealCreateSchema.meta({ id: "DealInput" });
const dealPatch = dealPatchSchema.meta({ id: "DealPatch" });
const proactivePlanInput = proactivePlanInputSchema.meta({ id: "ProactivePlanInput" });
const funnelPlanInput = funnelPlanInputSchema.meta({ id: "FunnelPlanInput" });
const marginRoutingInput = marginRoutingInputSchema.meta({ id: "MarginRoutingInput" });

const componentSchemas = [
  errorResponseSchema,
  leadInput,
  touchpointInput,
  intakeResultSchema,
  intakeBatchResultSchema,
  leadResponseSchema,
  touchpointResultSchema,
  activityInput,
  activityResultSchema,
  activityBatchResultSchema,
  workspaceResponseSchema,
  memberResponseSchema,
  memberListResponseSchema,
  feedbackInsightsResponseSchema,
  scorecardResponseSchema,
  campaignCostInput,
  campaignCostResultSchema,
  campaignCostBatchResultSchema,
  dealInput,
  dealPatch,
  dealResponseSchema,
  dealResultSchema,
  dealBatchResultSchema,
  attributionResponseSchema,
  proactivePlanInput,
  proactivePlanResponseSchema,
  funnelPlanInput,
  funnelPlanResponseSchema,
  marginRoutingInput,
  marginRoutingCaseResponseSchema,
];

function ref(schema: z.ZodType) {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("Component schemas need a .meta({ id })");
  return { $ref: `#/components/schemas/${id}` };
}

function json(description: string, schema: z.ZodType) {
  return { description, content: { "application/json": { schema: ref(schema) } } };
}

function body(description: string, single: z.ZodType, itemsKey: string) {
  return {
    required: true,
    description,
    content: {
      "application/json": {
        schema: {
          oneOf: [
            ref(single),
            {
              type: "object",
              required: [itemsKey],
              properties: { [itemsKey]: { type: "array", maxItems: 1000, items: ref(single) } },
            },
          ],
        },
      },
    },
  };
}

const invalid = {
  "400": json(
    "Invalid input; `issues` names each field (`leads.3.email` in a batch).",
    errorResponseSchema,
  ),
};
const tooLarge = {
  "413": json("Body over 1 MiB, or a batch of more than 1,000 items.", errorResponseSchema),
};

const errors = {
  "401": json("No API key, a malformed one, an unknown one or a revoked one.", errorResponseSchema),
  "429": json("Too many requests for this key; see Retry-After.", errorResponseSchema),
};

export function buildOpenApiDocument(serverUrl: string) {
  const registry = z.registry<{ id: string }>();
  for (const schema of componentSchemas) {
    registry.add(schema, { id: z.globalRegistry.get(schema)?.id as string });
  }
  const { schemas } = z.toJSONSchema(registry, {
    unrepresentable: "any",
    io: "input",
    uri: (id) => `#/components/schemas/${id}`,
  });
  for (const schema of Object.values(schemas)) {
    delete (schema as Record<string, unknown>).$schema;
    delete (schema as Record<string, unknown>).$id;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Baton API",
      version: "1",
      description:
        "The JSON API of Baton. Authenticate with `Authorization: Bearer <api key>`; the key decides the workspace. " +
        "Errors: 400 with field issues, 401 bad or missing key, 403 wrong role, 404 not found or not in this workspace, " +
        "413 body over 1 MiB or batch over 1,000 items, 429 rate limited.",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key made in Settings → API keys or with `baton apikey create`.",
        },
      },
      schemas,
    },
    paths: {
      "/leads": {
        post: {
          summary: "Send one lead, or a batch of up to 1,000",
          description:
            "Idempotent on `external_id` within the workspace: the same lead posted twice is stored once and the second answer carries the same id. " +
            "A question from a contact whose lead is still being worked becomes a note on that lead. Each new lead is judged by the active MQL definition at once.",
          operationId: "createLeads",
          requestBody: body('A lead, or `{ "leads": [...] }`.', leadInput, "leads"),
          responses: {
            "201": json("Stored (single lead).", intakeResultSchema),
            "200": json(
              "Already stored (single lead), or the results of a batch (`IntakeBatchResult`).",
              intakeResultSchema,
            ),
            ...invalid,
            ...tooLarge,
            ...errors,
          },
        },
      },
      "/leads/{id}": {
        get: {
          summary: "One lead with its status, owner and qualification result",
          operationId: "getLead",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          ],
          responses: {
            "200": json(
              "The lead; `qualification.criteria` says which criteria passed or failed and why.",
              leadResponseSchema,
            ),
            "404": json("No such lead in this workspace.", errorResponseSchema),
            ...errors,
          },
        },
      },
      "/touchpoints": {
        post: {
          summary: "Send one touchpoint, or a batch of up to 1,000",
          description:
            "Each names its lead by `lead_id`, `lead_external_id` or `email`. A touch sent twice is stored once.",
          operationId: "createTouchpoints",
          requestBody: body(
            'A touchpoint, or `{ "touchpoints": [...] }`.',
            touchpointInput,
            "touchpoints",
          ),
          responses: {
            "201": json("Stored.", touchpointResultSchema),
            "200": json(
              "Already stored, or the results of a batch (`{ results: TouchpointResult[] }`).",
              touchpointResultSchema,
            ),
            "404": json(
              "No lead in this workspace matches; `issues` names the field.",
              errorResponseSchema,
            ),
            ...invalid,
            ...tooLarge,
            ...errors,
          },
        },
      },
      "/activities": {
        post: {
          summary: "Log one attempt by a rep (call, e-mail, meeting…), or a batch of up to 1,000",
          description:
            "Each names its lead by exactly one of `lead_id`, `lead_external_id` or `email` (the most recent lead with that address). " +
            "`user_email` names the rep, a member of the workspace; without it the attempt is the lead's owner's. " +
            "`occurred_at` defaults to now and may not be more than 5 minutes ahead. " +
            "Idempotent on `external_id` within the workspace: an attempt sent again is stored once and answered with the same id and `stored: false`.",
          operationId: "createActivities",
          requestBody: body(
            'An attempt, or `{ "activities": [...] }`.',
            activityInput,
            "activities",
          ),
          responses: {
            "201": json("Stored (single attempt).", activityResultSchema),
            "200": json(
              "Already stored (single attempt, same id), or the results of a batch (`ActivityBatchResult`).",
              activityResultSchema,
            ),
            "404": json(
              "No lead in this workspace matches; `issues` names the field (`activities.3.email` in a batch).",
              errorResponseSchema,
            ),
            ...invalid,
            ...tooLarge,
            ...errors,
          },
        },
      },
      "/deals": {
        post: {
          summary: "Send a deal (opportunity) from the CRM, or a batch of up to 1,000",
          description:
            "`amount_cents` and `name` are required. The margin is `gross_margin` (a share, 0–1) or `gross_margin_cents`. `stage` defaults to qualification; " +
            "`probability` defaults to the stage's usual one and is required for a stage Baton does not know; stages closed_won / closed_lost set the status. " +
            "The lead is named by one of `lead_id`, `lead_external_id` or `email`: the deal moves it to opportunity (through sal and sql when needed), and to won or lost when it closes. " +
            "Idempotent on `external_id`: the same deal sent again updates the stored one (`created: false`). A batch is stored all or nothing.",
          operationId: "createDeals",
          requestBody: body('A deal, or `{ "deals": [...] }`.', dealInput, "deals"),
          responses: {
            "201": json("Stored (single deal).", dealResultSchema),
            "200": json(
              "Updated by external_id (single deal), or the results of a batch (`DealBatchResult`).",
              dealResultSchema,
            ),
            "404": json(
              "No lead in this workspace matches; `issues` names the field (`deals.3.email` in a batch).",
              errorResponseSchema,
            ),
            ...invalid,
            ...tooLarge,
            ...errors,
          },
        },
      },
      "/deals/{id}": {
        get: {
          summary: "One deal",
          operationId: "getDeal",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          ],
          responses: {
            "200": json("The deal.", dealResponseSchema),
            "404": json("No such deal in this workspace.", errorResponseSchema),
            ...errors,
          },
        },
        patch: {
          summary: "Change a deal: amount, margin, stage, probability, status, dates, owner, lead",
          description:
            "Only the fields sent change; `null` clears an optional one. Won or lost (or reopened), the deal moves its lead along.",
          operationId: "updateDeal",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          ],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(dealPatch) } },
          },
          responses: {
            "200": json("The deal as it is now.", dealResponseSchema),
            "404": json("No such deal (or lead) in this workspace.", errorResponseSchema),
            ...invalid,
            ...errors,
          },
        },
      },
      "/attribution": {
        get: {
          summary: "Credit per source, campaign and content under an attribution model",
          description:
            "Every MQL, SQL, deal created and deal won in `[from, to)` is a conversion whose journey is its lead's touchpoints up to that moment (the lead's own source when it has none); " +
            "the model shares each conversion and its money among the touches. Models: first_touch, last_touch, linear, position_based, w_shaped, time_decay (`half_life` days, default 7) and markov " +
            "(removal effects learnt from the journeys of every lead touched in the year before `to`, converting when a deal was won). Credited numbers are unrounded; costs come from campaign costs.",
          operationId: "getAttribution",
          parameters: [
            {
              name: "model",
              in: "query",
              required: true,
              schema: {
                type: "string",
                enum: [
                  "first_touch",
                  "last_touch",
                  "linear",
                  "position_based",
                  "w_shaped",
                  "time_decay",
                  "markov",
                ],
              },
            },
            {
              name: "from",
              in: "query",
              required: true,
              schema: { type: "string", format: "date" },
            },
            { name: "to", in: "query", required: true, schema: { type: "string", format: "date" } },
            {
              name: "half_life",
              in: "query",
              required: false,
              schema: { type: "number", exclusiveMinimum: 0 },
            },
          ],
          responses: {
            "200": json(
              "Credit per source, campaign and content, with totals.",
              attributionResponseSchema,
            ),
            ...invalid,
            ...errors,
          },
        },
      },
      "/plan/proactive": {
        post: {
          summary: "The leads a rep must find proactively to reach a revenue target",
          description:
            "The reverse funnel: `orders_needed` = ceil(`target_revenue` / `average_order_value`); less `existing_customer_orders` (at least 0) the orders from new customers; " +
            "divided by `lead_conversion_rate` and rounded up the leads needed; less `marketing_leads` (at least 0) the leads to generate proactively. " +
            "Amounts in any one unit (both the same); rates are fractions between 0 and 1. Nothing is stored.",
          operationId: "planProactiveLeads",
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(proactivePlanInput) } },
          },
          responses: {
            "200": json("The plan, in whole orders and whole leads.", proactivePlanResponseSchema),
            ...invalid,
            ...errors,
          },
        },
      },
      "/plan/funnel": {
        post: {
          summary: "The number needed at each funnel stage to reach a number of wins",
          description:
            "`stages` from the top of the funnel down, each with its `conversion_rate` to the next stage (the last one's: to a win), a fraction above 0 and at most 1. " +
            "Worked from the bottom: each stage needs ceil(the next stage's number / its rate), so the rounding carries up; `win_probability` is the stage's rate times every later one. Nothing is stored.",
          operationId: "planFunnel",
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(funnelPlanInput) } },
          },
          responses: {
            "200": json("Each stage, top first, with what it takes.", funnelPlanResponseSchema),
            ...invalid,
            ...errors,
          },
        },
      },
      "/plan/margin-routing": {
        post: {
          summary: "The business case for margin-weighted routing: gross profit before and after",
          description:
            "Per segment: `leads` × `conversion_rate` × `average_deal` × `gross_margin` before, the same with `conversion_rate_after` after, and the uplift (absolute, and as a share of before: null when before is 0); " +
            "and the same over all segments. Money in the unit of `average_deal`, rounded to 2 decimals; rates are fractions between 0 and 1. Nothing is stored.",
          operationId: "planMarginRouting",
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(marginRoutingInput) } },
          },
          responses: {
            "200": json("Gross profit per segment and in total.", marginRoutingCaseResponseSchema),
            ...invalid,
            ...errors,
          },
        },
      },
      "/campaign-costs": {
        post: {
          summary: "Record what a campaign cost over a stretch of days, or a batch of up to 1,000",
          description:
            "Feeds the scorecard's cost per MQL and per SQL: a cost is spread evenly over its days (`starts_on` to `ends_on`, both included, local dates) " +
            "and pays for the MQLs of leads whose `campaign` matches (and `source`, when given). Amounts in cents. " +
            "A cost sent again with the same `external_id` updates the stored one (`created: false`); a batch is stored all or nothing.",
          operationId: "createCampaignCosts",
          requestBody: body('A cost, or `{ "costs": [...] }`.', campaignCostInput, "costs"),
          responses: {
            "201": json("Stored (single cost).", campaignCostResultSchema),
            "200": json(
              "Updated by external_id (single cost), or the results of a batch (`CampaignCostBatchResult`).",
              campaignCostResultSchema,
            ),
            ...invalid,
            ...tooLarge,
            ...errors,
          },
        },
      },
      "/workspace": {
        get: {
          summary: "The workspace of this API key",
          operationId: "getWorkspace",
          responses: { "200": json("The workspace.", workspaceResponseSchema), ...errors },
        },
      },
      "/members": {
        get: {
          summary: "Members of the workspace",
          operationId: "listMembers",
          responses: {
            "200": json("Every member with role and team-lead flag.", memberListResponseSchema),
            ...errors,
          },
        },
      },
      "/feedback/insights": {
        get: {
          summary: "Feedback turned into sentences per source and campaign",
          description:
            "Feedback filed in `[from, to)` (days in the workspace time zone), with its leads and the active MQL definition: " +
            "per source and per campaign, how many leads were accepted, the reasons, objections and missing information that " +
            "at least 3 leads and 30% share, as sentences such as \"8 of 10 leads from 'Facebook – Q3 whitepaper' were at " +
            'companies under 10 employees, outside target (MQL v1: company size 10–500 employees)". The same figures as the Feedback page.',
          operationId: "getFeedbackInsights",
          parameters: [
            {
              name: "from",
              in: "query",
              required: false,
              description: "First day (YYYY-MM-DD); defaults to 90 days before `to`.",
              schema: { type: "string", format: "date" },
            },
            {
              name: "to",
              in: "query",
              required: false,
              description:
                "First day after the period (YYYY-MM-DD), after `from` and at most two years later; defaults to tomorrow.",
              schema: { type: "string", format: "date" },
            },
          ],
          responses: {
            "200": json("The period's totals and sentences.", feedbackInsightsResponseSchema),
            "400": json(
              "A day that is not YYYY-MM-DD, `to` not after `from`, or more than two years; `issues` names the parameter.",
              errorResponseSchema,
            ),
            ...errors,
          },
        },
      },
      "/scorecard": {
        get: {
          summary: "The shared scorecard's figures",
          description:
            "Marketing, sales and shared figures for `[from, to)` (days in the workspace time zone) and for the period of " +
            "the same length just before, counted by cohort as docs/metrics.md defines them; shares carry numerator, " +
            "denominator and value (null when nothing was counted), money is in cents. The same figures as `/baton scorecard`.",
          operationId: "getScorecard",
          parameters: [
            {
              name: "from",
              in: "query",
              required: true,
              description: "First day (YYYY-MM-DD).",
              schema: { type: "string", format: "date" },
            },
            {
              name: "to",
              in: "query",
              required: true,
              description:
                "First day after the period (YYYY-MM-DD), after `from` and at most 366 days later.",
              schema: { type: "string", format: "date" },
            },
          ],
          responses: {
            "200": json("The period's and the previous period's figures.", scorecardResponseSchema),
            "400": json(
              "A missing day or one that is not YYYY-MM-DD, `to` not after `from`, or more than 366 days; `issues` names the parameter.",
              errorResponseSchema,
            ),
            ...errors,
          },
        },
      },
      "/members/{id}": {
        get: {
          summary: "One member",
          operationId: "getMember",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          ],
          responses: {
            "200": json("The member.", memberResponseSchema),
            "404": json("No such member in this workspace.", errorResponseSchema),
            ...errors,
          },
        },
      },
    },
  };
}
