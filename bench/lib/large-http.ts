// HTTP for the large-workspace suite: one signed-in "user" (cookie kept as a browser keeps it,
// Origin on form posts), API-key requests, and timing a fixed list of sequential requests the
// way a user feels them: from sending the request to having read the whole body.
import { percentile } from "./stats";

export class BenchSession {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value.join("=") === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
  }

  /** POST /login with the form's fields; throws unless it redirects into the app. */
  async signIn(email: string, password: string) {
    const response = await fetch(new URL("/login", this.baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: {
        origin: new URL(this.baseUrl).origin,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ email, password }).toString(),
    });
    this.remember(response);
    await response.arrayBuffer();
    if (response.status !== 302 && response.status !== 303)
      throw new Error(`sign-in as ${email} answered ${response.status}, not a redirect`);
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      redirect: "manual",
      headers: { cookie: this.cookieHeader, ...headers },
    });
    this.remember(response);
    return response;
  }
}

export interface TimedRequest {
  path: string;
  headers?: Record<string, string>;
}

/** Sends one request, reads the whole body, checks the status; returns milliseconds. */
export async function timeRequest(session: BenchSession, request: TimedRequest): Promise<number> {
  const started = performance.now();
  const response = await session.get(request.path, request.headers);
  const body = await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) {
    const text = new TextDecoder().decode(body).slice(0, 300);
    throw new Error(`GET ${request.path} answered ${response.status}: ${text}`);
  }
  return elapsed;
}

/** The requests one after the other, like one user; their latencies in milliseconds. */
export async function timeSequence(
  session: BenchSession,
  requests: readonly TimedRequest[],
): Promise<number[]> {
  const samples: number[] = [];
  for (const request of requests) samples.push(await timeRequest(session, request));
  return samples;
}

/**
 * A figure's runs: a warm-up pass over `warmup` of the requests, then `runs` runs of the whole
 * list, each reduced to its p95.
 */
export async function p95Runs(
  session: BenchSession,
  requests: readonly TimedRequest[],
  options: { runs: number; warmup?: number; log?: (line: string) => void; label?: string },
): Promise<number[]> {
  await timeSequence(session, requests.slice(0, options.warmup ?? Math.min(10, requests.length)));
  const perRun: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const samples = await timeSequence(session, requests);
    perRun.push(percentile(samples, 95));
    options.log?.(
      `${options.label ?? "figure"} run ${run + 1}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${percentile(samples, 100).toFixed(1)} ms`,
    );
  }
  return perRun;
}

/** A browser's user agent: pages stream to it (a crawler's, like Node's own, waits for the whole). */
export const browserUserAgent =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

/**
 * A streamed page as a browser receives it: milliseconds from sending the request until `marker`
 * has arrived (what is on screen), and until the whole body has (the parts streamed after it).
 */
export async function timeStreamed(
  session: BenchSession,
  request: TimedRequest,
  marker: string,
): Promise<{ shown: number; whole: number }> {
  const started = performance.now();
  const response = await session.get(request.path, {
    "user-agent": browserUserAgent,
    ...request.headers,
  });
  if (response.status !== 200) throw new Error(`GET ${request.path} answered ${response.status}`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  let shown = Number.NaN;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += decoder.decode(chunk.value, { stream: true });
    if (Number.isNaN(shown) && text.includes(marker)) shown = performance.now() - started;
  }
  if (Number.isNaN(shown)) throw new Error(`GET ${request.path}: no ${marker} in the page`);
  return { shown, whole: performance.now() - started };
}
