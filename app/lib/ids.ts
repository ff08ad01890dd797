// Ids from outside (URLs, Slack button values) are checked before they reach a query.
import { z } from "zod";

const uuid = z.uuid();

export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}
