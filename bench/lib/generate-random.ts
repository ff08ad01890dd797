// Seeded randomness for the large-workspace generator (bench/generate.ts): a small PRNG
// (mulberry32) reseeded per lead from a hash of the seed and the lead's number, so any lead can
// be re-simulated on its own and every run gives the same data; and UUIDs that are a bijection of
// (table, row number) under a seed-keyed Feistel network, so they look random, are the same on
// every run, and can never collide (a 32-bit PRNG state would, over millions of ids).

/** murmur3's 32-bit finaliser: a good avalanche on one word. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of up to three words. */
export function hash32(a: number, b: number, c = 0): number {
  return mix32((a ^ mix32((b + 0x9e3779b9) ^ mix32(c + 0x85ebca6b))) >>> 0);
}

/** 0 ≤ x < 1 from a string, the same on every run. */
export function unitOf(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return mix32(hash) / 4_294_967_296;
}

/** A table of weighted choices, picked in O(log n). */
export class Weighted<T> {
  readonly items: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;
  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error("a weighted table needs entries");
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }
  /** The item for a uniform u in [0, 1). */
  at(u: number): T {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** mulberry32 with helpers; `reseed` reuses the object (one per pass, not one per lead). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  reseed(seed: number) {
    this.state = seed >>> 0;
    return this;
  }
  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }
  weighted<T>(table: Weighted<T>): T {
    return table.at(this.float());
  }
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal around a median; sigma is the spread of the logarithm. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = this.float();
    while (product > limit) {
      k++;
      product *= this.float();
    }
    return k;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex8 = (x: number) =>
  `${HEX[x >>> 24]}${HEX[(x >>> 16) & 255]}${HEX[(x >>> 8) & 255]}${HEX[x & 255]}`;
const hex4 = (x: number) => `${HEX[(x >>> 8) & 255]}${HEX[x & 255]}`;
const hex3 = (x: number) => `${"0123456789abcdef"[(x >>> 8) & 15]}${HEX[x & 255]}`;

/**
 * Deterministic UUIDs: (tag, n) → 64 unique bits by a 4-round Feistel network keyed by the
 * seed (a bijection whatever its round function), in a UUIDv7 (RFC 9562) after the row's time,
 * as the app makes its ids (db/ids.ts): a year of rows sits in the indexes as the app puts it.
 */
export class UuidFactory {
  private readonly keys: number[];
  constructor(seed: number) {
    this.keys = [0, 1, 2, 3, 4, 5].map((round) => hash32(seed, 0x5eed0000 + round));
  }
  private unique(tag: number, n: number): [number, number, number] {
    const k = this.keys as [number, number, number, number, number, number];
    let left = tag >>> 0;
    let right = n >>> 0;
    for (let round = 0; round < 4; round++) {
      const next = (left ^ mix32(right ^ (k[round] as number))) >>> 0;
      left = right;
      right = next;
    }
    return [left, right, mix32(left ^ k[4])];
  }
  /** A v7 id for a row written at `atMs`: its 74 bits after the time hold the 64 unique ones. */
  makeAt(tag: number, n: number, atMs: number): string {
    const [left, right, b1] = this.unique(tag, n);
    const time = Math.max(0, Math.floor(atMs)).toString(16).padStart(12, "0");
    const high16 = ((left & 0x3f) << 10) | (right >>> 22);
    const low32 = (((right & 0x3fffff) << 10) | (b1 & 0x3ff)) >>> 0;
    return (
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex3(left >>> 20)}-` +
      `${hex4(0x8000 | ((left >>> 6) & 0x3fff))}-${hex4(high16)}${hex8(low32)}`
    );
  }
}

/** Table tags for UuidFactory.make: one number space per table. */
export const uuidTags = {
  lead: 1,
  touchpoint: 2,
  leadEvent: 3,
  activity: 4,
  slaClock: 5,
  feedback: 6,
  deal: 7,
  routingDecision: 8,
  slaBreach: 9,
} as const;
