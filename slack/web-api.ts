// Slack's Web API client, loaded only when Slack is configured, as Bolt is (slack/app.ts):
// importing it is about a tenth of a second of the server's start, spent for nothing while
// Slack is off (docs/performance.md, "Start-up").
import { createRequire } from "node:module";
import type * as WebApi from "@slack/web-api";

export function loadWebApi(): typeof WebApi {
  return createRequire(import.meta.url)("@slack/web-api");
}

/**
 * Whether Slack answered the call with `ok: false` (the client's WebAPIPlatformError, whose
 * `data.error` says why), told by its code so that the package need not be loaded to ask.
 */
export function isPlatformError(error: unknown): error is WebApi.WebAPIPlatformError {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "slack_webapi_platform_error"
  );
}
