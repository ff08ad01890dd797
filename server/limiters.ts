// Rate limits. Sign-in limits live in the database (rate-limiter-flexible's Drizzle store), so
// they hold across restarts and across several app instances; the API limit is per instance.
import { RateLimiterDrizzle, RateLimiterMemory } from "rate-limiter-flexible";
import type { BatonContext } from "../app/context";
import type { Database } from "../db/client";
import { rateLimits } from "../db/schema";

export function createLimiters(db: Database): BatonContext["limiters"] {
  const store = { storeClient: db, schema: rateLimits, clearExpiredByTimeout: true };
  return {
    signInPerAccount: new RateLimiterDrizzle({
      ...store,
      keyPrefix: "signin-account",
      points: 5,
      duration: 15 * 60,
    }),
    signInPerIp: new RateLimiterDrizzle({
      ...store,
      keyPrefix: "signin-ip",
      points: 30,
      duration: 15 * 60,
    }),
    apiPerKey: new RateLimiterMemory({ keyPrefix: "api", points: 6000, duration: 60 }),
  };
}
