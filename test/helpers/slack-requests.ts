// Builds requests shaped like Slack's and signs them as Slack does:
// v0=HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}").
import { createHmac } from "node:crypto";

export function slackSignature(secret: string, timestamp: number, body: string) {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedRequestOptions {
  secret: string;
  body: string;
  contentType: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  signature?: string;
  retryNum?: number;
}

export function sendSignedRequest(baseUrl: string, options: SignedRequestOptions) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": options.contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature":
      options.signature ?? slackSignature(options.secret, timestamp, options.body),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  return fetch(new URL("/slack/events", baseUrl), { method: "POST", headers, body: options.body });
}

/** The form body Slack posts for a slash command (see api.slack.com/interactivity/slash-commands). */
export function slashCommandBody(fields: {
  text: string;
  userId?: string;
  teamId?: string;
  /** Slack's retries of one command repeat it; a new command gets a new one. */
  triggerId?: string;
}) {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: fields.teamId ?? "T0NOORD",
    team_domain: "noordzee",
    channel_id: "C0SALES",
    channel_name: "sales",
    user_id: fields.userId ?? "U0FLEUR",
    user_name: "fleur",
    command: "/baton",
    text: fields.text,
    api_app_id: "A0BATON",
    is_enterprise_install: "false",
    response_url: "https://hooks.slack.com/commands/T0NOORD/1/abc",
    trigger_id: fields.triggerId ?? "13345224609.738474920.8088930838d88f008e0",
  }).toString();
}

/** Interactivity requests (buttons, modal submissions) arrive as a form with one `payload` field. */
export function interactionBody(payload: Record<string, unknown>) {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for a button click on a lead message (api.slack.com/reference/interaction-payloads/block-actions). */
export function buttonClick(options: {
  actionId: string;
  value: string;
  userId: string;
  teamId?: string;
  channel?: string;
}) {
  const teamId = options.teamId ?? "T0NOORD";
  const channel = options.channel ?? "D0FLEUR";
  return {
    type: "block_actions",
    team: { id: teamId, domain: "noordzee" },
    user: { id: options.userId, username: "fleur", name: "fleur", team_id: teamId },
    api_app_id: "A0BATON",
    token: "deprecated-verification-token",
    container: {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: channel,
      is_ephemeral: false,
    },
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
    channel: { id: channel, name: "directmessage" },
    message: { type: "message", ts: "1700000000.000100", text: "New MQL" },
    response_url: "https://hooks.slack.com/actions/T0NOORD/1/abc",
    actions: [
      {
        action_id: options.actionId,
        block_id: "lead_actions",
        text: { type: "plain_text", text: "button" },
        value: options.value,
        type: "button",
        action_ts: "1700000001.000200",
      },
    ],
  };
}

/** A view_submission payload for the feedback modal (api.slack.com/reference/interaction-payloads/views). */
export function viewSubmission(options: {
  viewId: string;
  userId: string;
  teamId?: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
}) {
  const teamId = options.teamId ?? "T0NOORD";
  return {
    type: "view_submission",
    team: { id: teamId, domain: "noordzee" },
    user: { id: options.userId, username: "fleur", name: "fleur", team_id: teamId },
    api_app_id: "A0BATON",
    token: "deprecated-verification-token",
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
    view: {
      id: options.viewId,
      team_id: teamId,
      type: "modal",
      callback_id: "feedback_modal",
      private_metadata: options.privateMetadata,
      state: { values: options.values },
      hash: "156772938.1827394",
      title: { type: "plain_text", text: "Feedback on lead" },
      app_id: "A0BATON",
      bot_id: "B0BATON",
    },
    response_urls: [],
  };
}
