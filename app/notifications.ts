// What the domain tells the outside world about leads; the server supplies a Slack
// implementation (slack/notify.ts) or, with Slack off, one that does nothing.

export interface LeadNotifier {
  /** A new MQL got an owner or a pool: tell them, with its context and buttons. Never throws. */
  leadAssigned(options: { workspaceId: string; leadId: string }): Promise<void>;
  /** Something about the lead changed: update the messages that announced it. Never throws. */
  leadChanged(options: { workspaceId: string; leadId: string }): Promise<void>;
}

export const silentNotifier: LeadNotifier = {
  leadAssigned: async () => {},
  leadChanged: async () => {},
};
