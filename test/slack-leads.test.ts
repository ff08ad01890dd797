// Speed to lead through Slack, end to end: a lead posted to the API is routed to a rep, who gets
// a DM on the (fake) Slack API; signed button clicks and modal submissions act on it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scorecard } from "../app/scorecard/scorecard.server";
import { periodContaining } from "../app/sla/periods";
import { connectSlackTeam } from "../app/slack-links/links.server";
import { feedback, leads, routingDecisions, routingRules, slackLeadMessages } from "../db/schema";
import { scorecardHeadlineText } from "../slack/views/scorecard";
import { makeActiveDefinition, makeApiKey, makeMember, makeWorkspace } from "./helpers/factories";
import { type FakeSlack, startFakeSlack } from "./helpers/fake-slack";
import { startTestServer, type TestServer } from "./helpers/server";
import {
  buttonClick,
  interactionBody,
  sendSignedRequest,
  slashCommandBody,
  viewSubmission,
} from "./helpers/slack-requests";

const secret = "8f742231b10e8888abcd99yyyzzz85a5";
const form = "application/x-www-form-urlencoded";
let slack: FakeSlack;
let server: TestServer;
let key: string;
let workspaceId: string;
let fleurEmail: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  server = await startTestServer({
    slack: { signingSecret: secret, botToken: "xoxb-test-token", apiUrl: slack.url },
  });
  const { workspace } = await makeWorkspace(server.db, { name: "Noordzee Logistiek" });
  workspaceId = workspace.id;
  await connectSlackTeam({ db: server.db, workspaceId, teamId: "T0NOORD" });
  const fleur = await makeMember(server.db, workspaceId, "sales", { name: "Fleur Meijer" });
  fleurEmail = fleur.email;
  slack.answer("users.lookupByEmail", { ok: true, user: { id: "U0FLEUR" } });
  slack.answer("users.info", {
    ok: true,
    user: { id: "U0FLEUR", profile: { email: fleur.email } },
  });
  slack.answer("chat.postMessage", { ok: true, channel: "D0FLEUR", ts: "1700000000.000100" });
  await server.db.insert(routingRules).values({
    workspaceId,
    position: 1,
    name: "Benelux to Fleur",
    conditions: [{ field: "country", op: "in", values: ["NL", "BE"] }],
    target: { type: "rep", userId: fleur.user.id },
  });
  await makeActiveDefinition(server.db, workspaceId, {
    rules: { match: "all", criteria: [{ type: "company_size", min: 10 }] },
  });
  key = (await makeApiKey(server.db, workspaceId)).key;
});
afterAll(async () => {
  await server?.close();
  await slack?.close();
});

async function postLead(externalId: string, extra: Record<string, unknown> = {}) {
  const response = await fetch(new URL("/api/v1/leads", server.url), {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({
      external_id: externalId,
      email: `${externalId}@vandijk.example`,
      first_name: "An",
      last_name: "de Vries",
      company: "Van Dijk Transport",
      company_size: 120,
      job_title: "Head of Operations",
      country: "NL",
      source: "Google Ads",
      campaign: "Warehouse 2026",
      touchpoints: [
        {
          kind: "page_view",
          url: "https://noordzee.example/prijzen",
          occurred_at: new Date().toISOString(),
        },
      ],
      ...extra,
    }),
  });
  return (await response.json()) as { id: string; status: string };
}

async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Timed out waiting for ${what}; Slack saw: ${slack.calls.map((c) => c.method).join(", ")}`,
  );
}

/**
 * Until the lead's Slack message has been posted and kept: a rep opens the feedback modal from
 * it, and its update on submission needs it (posting it runs after the lead's API answer).
 */
async function waitForLeadMessage(leadId: string) {
  for (let i = 0; i < 100; i++) {
    const kept = await server.db
      .select()
      .from(slackLeadMessages)
      .where(eq(slackLeadMessages.leadId, leadId));
    if (kept.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for lead ${leadId}'s message to be kept`);
}

const sign = (payload: Record<string, unknown>, extra: { retryNum?: number } = {}) =>
  sendSignedRequest(server.url, {
    secret,
    contentType: form,
    body: interactionBody(payload),
    ...extra,
  });

describe("a new MQL reaches its rep in Slack", () => {
  it("routes by the first matching rule, logs why, and DMs the rep with context and buttons", async () => {
    const { id, status } = await postLead("sl-1");
    expect(status).toBe("mql");
    const [lead] = await server.db.select().from(leads).where(eq(leads.id, id));
    expect(lead?.ownerUserId).not.toBeNull();
    expect(lead?.assignedAt).not.toBeNull();
    const [decision] = await server.db
      .select()
      .from(routingDecisions)
      .where(eq(routingDecisions.leadId, id));
    expect(decision?.reason).toBe('Rule 1 "Benelux to Fleur": country is NL');

    const dm = await waitFor(
      () =>
        slack.callsTo("chat.postMessage").find((call) => JSON.stringify(call.body).includes(id)),
      "the DM",
    );
    expect(dm.body.channel).toBe("U0FLEUR");
    const blocks = JSON.stringify(dm.body.blocks);
    expect(blocks).toContain("Van Dijk Transport · 120 employees");
    expect(blocks).toContain("Source: Google Ads / Warehouse 2026");
    expect(blocks).toContain("Why an MQL:");
    for (const action of ["lead_accept", "lead_reject", "lead_log_attempt", "lead_open"])
      expect(blocks).toContain(action);
  });
});

describe("buttons and the feedback modal", () => {
  it("Accept moves the lead to SAL and updates the message in place", async () => {
    const { id } = await postLead("sl-2");
    const response = await sign(
      buttonClick({ actionId: "lead_accept", value: id, userId: "U0FLEUR" }),
    );
    expect(response.status).toBe(200);
    await waitFor(
      () => slack.callsTo("chat.update").find((call) => JSON.stringify(call.body).includes(id)),
      "chat.update",
    );
    const [lead] = await server.db.select().from(leads).where(eq(leads.id, id));
    expect(lead?.status).toBe("sal");
    const update = slack
      .callsTo("chat.update")
      .find((call) => JSON.stringify(call.body).includes(id));
    expect(update?.body).toMatchObject({ channel: "D0FLEUR", ts: "1700000000.000100" });
    expect(JSON.stringify(update?.body.blocks)).toContain("Status: *Accepted*");
  });

  it("Reject opens the five-field modal", async () => {
    const { id } = await postLead("sl-3");
    const before = slack.callsTo("views.open").length;
    await sign(buttonClick({ actionId: "lead_reject", value: id, userId: "U0FLEUR" }));
    const opened = await waitFor(() => slack.callsTo("views.open")[before], "views.open");
    const view = opened.body.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string }[];
    };
    expect(view.callback_id).toBe("feedback_modal");
    expect(JSON.parse(view.private_metadata)).toMatchObject({ leadId: id, workspaceId });
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      "outcome",
      "reason",
      "reason_text",
      "missing_information",
      "missing_information_text",
      "objections",
      "objections_text",
      "next_step",
    ]);
  });

  const values = (reason: string | null) => ({
    outcome: { value: { type: "static_select", selected_option: { value: "disqualified" } } },
    reason: {
      value: { type: "static_select", selected_option: reason ? { value: reason } : null },
    },
    reason_text: { value: { type: "plain_text_input", value: "6 employees, want a free tool" } },
    missing_information: {
      value: { type: "multi_static_select", selected_options: [{ value: "company_size" }] },
    },
    missing_information_text: { value: { type: "plain_text_input", value: null } },
    objections: { value: { type: "multi_static_select", selected_options: [{ value: "price" }] } },
    objections_text: { value: { type: "plain_text_input", value: null } },
    next_step: {
      value: { type: "plain_text_input", value: "Stop the Facebook whitepaper for micro firms" },
    },
  });

  it("a submitted modal stores the feedback once, even when Slack retries it three times", async () => {
    const { id } = await postLead("sl-4");
    await waitForLeadMessage(id);
    const payload = viewSubmission({
      viewId: "V0FEEDBACK4",
      userId: "U0FLEUR",
      privateMetadata: JSON.stringify({
        leadId: id,
        workspaceId,
        channel: "D0FLEUR",
        ts: "1700000000.000100",
      }),
      values: values("outside_target_size"),
    });
    const responses = [await sign(payload)];
    for (let retry = 1; retry <= 3; retry++)
      responses.push(await sign(payload, { retryNum: retry }));
    for (const response of responses) expect(response.status).toBe(200);
    await waitFor(
      () => slack.callsTo("chat.update").find((call) => JSON.stringify(call.body).includes(id)),
      "chat.update",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stored = await server.db.select().from(feedback).where(eq(feedback.leadId, id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      outcome: "disqualified",
      reason: "outside_target_size",
      reasonText: "6 employees, want a free tool",
      missingInformation: ["company_size"],
      objections: ["price"],
      channel: "slack",
    });
    const [lead] = await server.db.select().from(leads).where(eq(leads.id, id));
    expect(lead?.status).toBe("rejected");
  });

  it("an incomplete submission gets its error next to the field, and nothing is stored", async () => {
    const { id } = await postLead("sl-5");
    const response = await sign(
      viewSubmission({
        viewId: "V0FEEDBACK5",
        userId: "U0FLEUR",
        privateMetadata: JSON.stringify({ leadId: id, workspaceId }),
        values: values(null),
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors)).toEqual(["reason"]);
    expect(await server.db.select().from(feedback).where(eq(feedback.leadId, id))).toHaveLength(0);
  });

  it("a request from another Slack team is refused and changes nothing", async () => {
    const { id } = await postLead("sl-6");
    await sign(
      buttonClick({
        actionId: "lead_accept",
        value: id,
        userId: "U0STRANGER",
        teamId: "T0OTHER",
        channel: "C0X",
      }),
    );
    const refusal = await waitFor(
      () => slack.callsTo("chat.postEphemeral").find((call) => call.body.user === "U0STRANGER"),
      "the refusal",
    );
    expect(String(refusal.body.text)).toContain("not connected to Baton");
    const [lead] = await server.db.select().from(leads).where(eq(leads.id, id));
    expect(lead?.status).toBe("mql");
  });
});

describe("App Home", () => {
  it("shows the rep's open leads when the Home tab opens", async () => {
    await postLead("sl-home");
    const before = slack.callsTo("views.publish").length;
    const body = JSON.stringify({
      token: "deprecated-verification-token",
      team_id: "T0NOORD",
      api_app_id: "A0BATON",
      event: {
        type: "app_home_opened",
        user: "U0FLEUR",
        channel: "D0FLEUR",
        tab: "home",
        event_ts: "1700000002.000300",
      },
      type: "event_callback",
      event_id: "Ev0HOME1",
      event_time: 1700000002,
      authorizations: [
        {
          enterprise_id: null,
          team_id: "T0NOORD",
          user_id: "U0BATON",
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    });
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: "application/json",
      body,
    });
    expect(response.status).toBe(200);
    const published = await waitFor(() => slack.callsTo("views.publish")[before], "views.publish");
    expect(published.body.user_id).toBe("U0FLEUR");
    const view = JSON.stringify(published.body.view);
    expect(view).toMatch(/Your open leads \(\d+\)/);
    expect(view).toContain("Van Dijk Transport");
    expect(view).toContain("Waiting for your feedback");
  });
});

describe("/baton", () => {
  it("feedback <e-mail> opens the modal for that lead", async () => {
    await postLead("sl-7");
    const before = slack.callsTo("views.open").length;
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: form,
      body: slashCommandBody({ text: "feedback sl-7@vandijk.example" }),
    });
    expect(response.status).toBe(200);
    const opened = await waitFor(() => slack.callsTo("views.open")[before], "views.open");
    expect(JSON.stringify(opened.body.view)).toContain("feedback_modal");
  });

  it("mine lists the rep's open leads", async () => {
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: form,
      body: slashCommandBody({ text: "mine" }),
    });
    const body = (await response.json()) as { text: string };
    expect(body.text).toMatch(/^\*Your open leads \(\d+\)\*/);
    expect(body.text).toContain("Van Dijk Transport");
  });

  it("scorecard shows this month's headline figures, the same as scorecard() and the API", async () => {
    // Money this month: a campaign cost and a deal won, both through the API.
    const send = (path: string, body: unknown) =>
      fetch(new URL(path, server.url), {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const thisMonth = periodContaining("month", new Date(), "Europe/Amsterdam");
    expect(
      (
        await send("/api/v1/campaign-costs", {
          campaign: "Slack test campaign",
          starts_on: thisMonth.startDate,
          ends_on: thisMonth.startDate,
          amount_cents: 123_456,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await send("/api/v1/deals", {
          name: "Won in Slack's month",
          amount_cents: 1_234_567,
          gross_margin: 0.5,
          status: "won",
          closed_at: new Date().toISOString(),
        })
      ).status,
    ).toBe(201);
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: form,
      body: slashCommandBody({ text: "scorecard" }),
    });
    const body = (await response.json()) as { text: string };
    const month = periodContaining("month", new Date(), "Europe/Amsterdam");
    const card = await scorecard({
      db: server.db,
      workspaceId,
      from: month.startDate,
      to: month.endDate,
    });
    // The pace moves with the clock between the two calls; every other character agrees.
    const withoutPace = (text: string) => text.replace(/pace [\d.]+%/, "pace …");
    expect(withoutPace(body.text)).toBe(
      withoutPace(
        scorecardHeadlineText({
          title: `Scorecard, ${month.start.toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "Europe/Amsterdam" })} so far`,
          period: card.current,
          currency: "EUR",
          appUrl: "http://localhost:3000",
        }),
      ),
    );
    expect(card.current.marketing.mqlsDelivered).toBeGreaterThan(0);
    expect(body.text).toContain(`MQLs delivered: ${card.current.marketing.mqlsDelivered} (`);
    expect(body.text).toMatch(/Sales acceptance: (\d+\.\d%|—) \(\d+ of \d+ decided/);
    expect(body.text).toMatch(/MQL→SQL: (\d+\.\d%|—)/);
    expect(body.text).toMatch(/First contact within SLA: (\d+\.\d%|—)/);
    expect(body.text).toMatch(/Median time to first contact: /);
    // The API answers the same figures for the same month.
    const api = (await (
      await fetch(
        new URL(`/api/v1/scorecard?from=${month.startDate}&to=${month.endDate}`, server.url),
        { headers: { authorization: `Bearer ${key}` } },
      )
    ).json()) as {
      current: {
        marketing: { mqls_delivered: number; sales_acceptance: unknown };
        shared: { won_revenue_cents: number; gross_profit_cents: number };
      };
    };
    expect(api.current.marketing.mqls_delivered).toBe(card.current.marketing.mqlsDelivered);
    expect(api.current.marketing.sales_acceptance).toEqual(card.current.marketing.salesAcceptance);
    // Money to the cent: Slack, the API and scorecard() agree.
    expect(api.current.shared.won_revenue_cents).toBe(card.current.shared.wonRevenueCents);
    expect(card.current.shared.wonRevenueCents).toBeGreaterThanOrEqual(1_234_567);
    const euros = (cents: number) =>
      new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(cents / 100);
    expect(body.text).toContain(`won: ${euros(api.current.shared.won_revenue_cents)}`);
    expect(body.text).toContain(`gross profit: ${euros(api.current.shared.gross_profit_cents)}`);
    expect(body.text).toContain("/scorecard|Open the scorecard>");
  });

  it("someone Baton does not know is told what to do", async () => {
    slack.answer("users.info", {
      ok: true,
      user: { id: "U0NOBODY", profile: { email: "nobody@elsewhere.example" } },
    });
    const response = await sendSignedRequest(server.url, {
      secret,
      contentType: form,
      body: slashCommandBody({ text: "mine", userId: "U0NOBODY" }),
    });
    expect(((await response.json()) as { text: string }).text).toContain(
      "Baton doesn't know you yet (nobody@elsewhere.example)",
    );
    slack.answer("users.info", {
      ok: true,
      user: { id: "U0FLEUR", profile: { email: fleurEmail } },
    });
  });
});
