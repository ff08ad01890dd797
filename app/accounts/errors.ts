// Domain errors that the edges turn into a field error (web), a 4xx (API) or a line (CLI).
import type { MessageKey } from "../i18n/i18n";

export class AccountError extends Error {
  constructor(
    /** A catalogue key, so every edge can say it in its reader's language. */
    readonly messageKey: MessageKey,
    /** The input field it is about, when there is one. */
    readonly field?: string,
  ) {
    super(messageKey);
    this.name = "AccountError";
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}
