// Refusals from routing management that the edges show on the field they are about (web) or as
// a 4xx (API, CLI): a rule's rep is not a member, a pool name is taken, thresholds out of order.
import type { MessageKey } from "../i18n/i18n";

export class RoutingError extends Error {
  constructor(
    /** A catalogue key, so every edge can say it in its reader's language. */
    readonly messageKey: MessageKey,
    /** The input field it is about ("target.userId", "name"), when there is one. */
    readonly field?: string,
  ) {
    super(messageKey);
    this.name = "RoutingError";
  }
}
