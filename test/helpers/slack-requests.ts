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
export function slashCommandBody(fields: { text: string; userId?: string; teamId?: string }) {
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
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  }).toString();
}
