// Cross-site request forgery guard: a browser request that changes state (any method but GET,
// HEAD, OPTIONS) must carry an Origin header naming this site. Browsers always send Origin on
// such requests, and a page on another site cannot forge it.
import type { RequestHandler } from "express";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function sameOriginGuard(options: { exempt: string[] }): RequestHandler {
  return (req, res, next) => {
    if (
      safeMethods.has(req.method) ||
      options.exempt.some((prefix) => req.path.startsWith(prefix))
    ) {
      next();
      return;
    }
    const origin = req.headers.origin;
    const host = (req.headers["x-forwarded-host"] as string | undefined) ?? req.headers.host;
    let originHost: string | null = null;
    try {
      originHost = origin && origin !== "null" ? new URL(origin).host : null;
    } catch {
      originHost = null;
    }
    if (!originHost || !host || originHost !== host.split(",")[0]?.trim()) {
      res
        .status(403)
        .type("text/plain")
        .send("Cross-site request refused: the Origin header does not match this site.");
      return;
    }
    next();
  };
}
