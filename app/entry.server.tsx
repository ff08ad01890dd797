// Remix's own server entry (@remix-run/dev's default for Node), with one change: deferred data
// may take up to a minute to arrive instead of five seconds. The attribution page streams
// Markov's column after the rest, and learning its chain from a large workspace's year takes
// 6–11 s the first time for a period (docs/attribution.md); Remix's default would abort it.
import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

/** How long a loader's promise may take to settle while its page or data streams (ms). */
export const streamTimeout = 60_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Crawlers (and SPA mode) get the whole page at once; browsers get the shell first.
  const whole = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} />,
      {
        ...(whole ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors while rendering the shell reject and are logged by Remix; later ones here.
          if (shellRendered) console.error(error);
        },
      },
    );
    // React is left a second past the data's own timeout to flush what settled.
    setTimeout(abort, streamTimeout + 1000);
  });
}
