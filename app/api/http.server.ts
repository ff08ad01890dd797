// The JSON API's edges: API-key authentication, rate limits, body limits and the error shape
// CONTRACT.md fixes: `{ "error": "...", "issues": [{ "path": "field", "message": "..." }] }`.
import { RateLimiterRes } from "rate-limiter-flexible";
import type { z } from "zod";
import { authenticateApiKey } from "../api-keys/api-keys.server";
import type { BatonContext } from "../context";
import { translateMessage } from "../i18n/i18n";

export const maxJsonBytes = 1024 * 1024;
export const maxBatchItems = 1000;

export interface ApiIssue {
  path: string;
  message: string;
}

export function apiError(
  status: number,
  error: string,
  issues?: ApiIssue[],
  headers?: HeadersInit,
) {
  return Response.json(issues ? { error, issues } : { error }, { status, headers });
}

export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: translateMessage("en", issue.message),
  }));
}

export function invalidInput(error: z.ZodError) {
  return apiError(400, "Invalid input: see issues for each field.", zodIssues(error));
}

const authMessages = {
  missing: "Missing API key: send `Authorization: Bearer <key>`.",
  malformed: "Malformed Authorization header: expected `Bearer baton_…`.",
  unknown: "Unknown API key.",
  revoked: "This API key has been revoked.",
} as const;

/** The workspace of the request's API key; throws the 401 or 429 response otherwise. */
export async function requireApiKey(request: Request, context: BatonContext) {
  const check = await authenticateApiKey({
    db: context.db,
    authorization: request.headers.get("authorization"),
  });
  if (!check.ok) {
    throw apiError(401, authMessages[check.reason], undefined, { "WWW-Authenticate": "Bearer" });
  }
  try {
    await context.limiters.apiPerKey.consume(check.apiKeyId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw apiError(429, `Rate limit exceeded: retry in ${retryAfter} s.`, undefined, {
      "Retry-After": String(retryAfter),
    });
  }
  return check;
}

/** Reads a JSON body of at most 1 MiB, counting the bytes that actually arrive. */
export async function readJson(request: Request): Promise<unknown> {
  if (!request.body) throw apiError(400, "Request body is empty: send JSON.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxJsonBytes) {
      await reader.cancel();
      throw apiError(413, "Request body is larger than 1 MiB.");
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw apiError(400, "Request body is not valid JSON.");
  }
}

export function methodNotAllowed(allowed: string[]) {
  return apiError(405, `Method not allowed: use ${allowed.join(" or ")}.`, undefined, {
    Allow: allowed.join(", "),
  });
}
