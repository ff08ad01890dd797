// Open-loop load: request i starts at start + i / rate whatever happened to earlier ones, the
// way leads arrive from forms and ads (a slow answer does not slow the arrivals down).
import { setTimeout as sleep } from "node:timers/promises";

export async function paced(
  count: number,
  perSecond: number,
  send: (index: number) => Promise<void>,
): Promise<void> {
  const start = performance.now();
  const pending: Promise<unknown>[] = [];
  let failure: unknown;
  for (let index = 0; index < count; index++) {
    const wait = start + (index * 1000) / perSecond - performance.now();
    if (wait > 0.5) await sleep(wait);
    // A failed request must not stop the arrivals (nor go unhandled while they go on).
    pending.push(
      send(index).catch((error) => {
        failure ??= error;
      }),
    );
  }
  await Promise.all(pending);
  if (failure) throw failure;
}

/** Resolves when `check` returns a value, or rejects after `timeoutMs`. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
