// Attribution models (DESIGN.md "Closed-loop attribution", issue 7): how the credit for a
// conversion — and its value — is shared among the touches and channels of the journeys behind it.
// Pure functions: no database, no Remix, no Slack.

export const attributionModels = [
  "first_touch",
  "last_touch",
  "linear",
  "position_based",
  "w_shaped",
  "time_decay",
  "markov",
] as const;

export type AttributionModel = (typeof attributionModels)[number];

/** The models that share one journey's credit by the journey alone, without the rest of the data. */
export type RuleBasedModel = Exclude<AttributionModel, "markov">;

export const defaultHalfLifeDays = 7;

export interface Touch {
  channel: string;
  /** The touch's age in days at conversion (0 = the day it converted); time_decay needs it. */
  daysBeforeConversion?: number;
}

interface JourneyTouches {
  /** In time order, oldest first. */
  touches: readonly Touch[];
  /** Conversion value: of the one conversion, or the total of an aggregated path's conversions.
   * Any finite number — gross profit can be negative. Ignored when nothing converted. */
  value?: number;
  /** 0-based index of the touch that created the lead (w_shaped); the first touch when absent. */
  leadIndex?: number;
}

/** One contact's journey (`converted`), or an aggregated path seen `conversions` + `nulls` times. */
export type Journey = JourneyTouches &
  (
    | { converted: boolean; conversions?: never; nulls?: never }
    | { converted?: never; conversions: number; nulls?: number }
  );

export interface ChannelCredit {
  channel: string;
  conversions: number;
  value: number;
}

/** A journey the models cannot read; the message names the field, e.g. `journeys[2].leadIndex`. */
export class AttributionInputError extends Error {}

interface Outcome {
  conversions: number;
  nulls: number;
  value: number;
}

function fail(message: string): never {
  throw new AttributionInputError(message);
}

function checkTouches(journey: Journey, where: string) {
  if (journey.touches.length === 0) fail(`${where}.touches must hold at least one touch`);
  journey.touches.forEach((touch, index) => {
    if (typeof touch.channel !== "string" || touch.channel === "") {
      fail(`${where}.touches[${index}].channel must be a channel name`);
    }
  });
  const { leadIndex } = journey;
  if (
    leadIndex !== undefined &&
    (!Number.isInteger(leadIndex) || leadIndex < 0 || leadIndex >= journey.touches.length)
  ) {
    fail(`${where}.leadIndex must be a touch index from 0 to ${journey.touches.length - 1}`);
  }
}

function outcomeOf(journey: Journey, where: string): Outcome {
  const value = journey.value ?? 0;
  if (!Number.isFinite(value)) fail(`${where}.value must be a finite number`);
  if (journey.converted !== undefined) {
    return journey.converted
      ? { conversions: 1, nulls: 0, value }
      : { conversions: 0, nulls: 1, value: 0 };
  }
  const { conversions, nulls = 0 } = journey;
  if (!Number.isFinite(conversions) || conversions < 0) {
    fail(`${where}.conversions must be a number ≥ 0`);
  }
  if (!Number.isFinite(nulls) || nulls < 0) fail(`${where}.nulls must be a number ≥ 0`);
  return { conversions, nulls, value: conversions > 0 ? value : 0 };
}

// ---------------------------------------------------------------------------------------------
// Rule-based models: one journey's credit per touch, summing to 1.

function positionBased(n: number): number[] {
  if (n === 1) return [1];
  if (n === 2) return [0.5, 0.5];
  return Array.from({ length: n }, (_, i) => (i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2)));
}

/**
 * 0.3 each to the first, lead-creation and last touches (coinciding milestones add up), 0.1
 * shared by the others. With no other touch the milestones share all of it in proportion to their
 * 0.3s: n = 1 → [1]; n = 2 → [⅔, ⅓] (lead = first) or [⅓, ⅔] (lead = last); n = 3 with the lead in
 * the middle → [⅓, ⅓, ⅓]. The milestone count per touch is kept as an integer so these come out
 * exact rather than as 0.3 / 0.9.
 */
function wShaped(n: number, leadIndex: number): number[] {
  const milestones = new Array<number>(n).fill(0);
  for (const index of [0, leadIndex, n - 1]) milestones[index] = (milestones[index] ?? 0) + 1;
  const others = milestones.filter((count) => count === 0).length;
  if (others === 0) return milestones.map((count) => count / 3);
  return milestones.map((count) => (count === 0 ? 0.1 / others : (3 * count) / 10));
}

function timeDecay(touches: readonly Touch[], halfLifeDays: number, where: string): number[] {
  const ages = touches.map((touch, index) => {
    const age = touch.daysBeforeConversion;
    if (age === undefined) {
      fail(
        `${where}.touches[${index}].daysBeforeConversion is required for time_decay ` +
          "(the touch's age in days at conversion)",
      );
    }
    if (!Number.isFinite(age) || age < 0) {
      fail(`${where}.touches[${index}].daysBeforeConversion must be a number of days ≥ 0`);
    }
    return age;
  });
  // 2^(−t/h) normalised is unchanged by measuring t from the youngest touch, and that way the
  // youngest weighs 1: a journey of very old touches cannot underflow to 0 / 0.
  const youngest = Math.min(...ages);
  const weights = ages.map((age) => 2 ** (-(age - youngest) / halfLifeDays));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

function ruleCredits(
  model: RuleBasedModel,
  journey: Journey,
  halfLifeDays: number,
  where: string,
): number[] {
  const n = journey.touches.length;
  switch (model) {
    case "first_touch":
      return Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
    case "last_touch":
      return Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 : 0));
    case "linear":
      return new Array<number>(n).fill(1 / n);
    case "position_based":
      return positionBased(n);
    case "w_shaped":
      return wShaped(n, journey.leadIndex ?? 0);
    case "time_decay":
      return timeDecay(journey.touches, halfLifeDays, where);
  }
}

function checkHalfLife(halfLifeDays: number) {
  if (!Number.isFinite(halfLifeDays) || halfLifeDays <= 0) {
    fail("halfLifeDays must be a number of days above 0");
  }
}

/**
 * The share of one journey's credit each touch gets, in touch order. For the rule-based models
 * the shares sum to 1 whether or not the journey converted (attribute() gives a non-converting
 * journey nothing). For `markov`, whose credit belongs to channels across the whole data set, a
 * journey's credit is split in proportion to its touches' channels' removal effects (from
 * markovRemovalEffects over the data set); the shares sum to 1, or are all 0 when none of the
 * journey's channels has a removal effect above 0.
 */
export function touchCredits(options: {
  model: AttributionModel;
  journey: Journey;
  halfLifeDays?: number;
  removalEffects?: ReadonlyMap<string, number>;
}): number[] {
  const { model, journey, halfLifeDays = defaultHalfLifeDays } = options;
  checkTouches(journey, "journey");
  checkHalfLife(halfLifeDays);
  if (model !== "markov") return ruleCredits(model, journey, halfLifeDays, "journey");
  const { removalEffects } = options;
  if (!removalEffects) fail("removalEffects are required for markov (see markovRemovalEffects)");
  const effects = journey.touches.map((touch) => removalEffects.get(touch.channel) ?? 0);
  const total = effects.reduce((sum, effect) => sum + effect, 0);
  return effects.map((effect) => (total > 0 ? effect / total : 0));
}

// ---------------------------------------------------------------------------------------------
// Markov (data-driven): removal effects in a first-order absorbing chain.

/**
 * Inverts a square matrix (row-major, n × n) by Gauss–Jordan elimination with partial pivoting.
 * Only called on I − Q of an absorbing chain, which is non-singular.
 */
function invert(matrix: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(matrix);
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inverse[i * n + i] = 1;
  const get = (m: Float64Array, row: number, col: number) => m[row * n + col] ?? 0;
  const swapRows = (m: Float64Array, r1: number, r2: number) => {
    for (let col = 0; col < n; col++) {
      const held = get(m, r1, col);
      m[r1 * n + col] = get(m, r2, col);
      m[r2 * n + col] = held;
    }
  };
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(get(a, row, col)) > Math.abs(get(a, pivotRow, col))) pivotRow = row;
    }
    const pivot = get(a, pivotRow, col);
    if (pivot === 0) throw new Error("markov: the transition system is singular");
    if (pivotRow !== col) {
      swapRows(a, pivotRow, col);
      swapRows(inverse, pivotRow, col);
    }
    for (let k = 0; k < n; k++) {
      a[col * n + k] = get(a, col, k) / pivot;
      inverse[col * n + k] = get(inverse, col, k) / pivot;
    }
    for (let row = 0; row < n; row++) {
      const factor = row === col ? 0 : get(a, row, col);
      if (factor === 0) continue;
      for (let k = 0; k < n; k++) {
        a[row * n + k] = get(a, row, k) - factor * get(a, col, k);
        inverse[row * n + k] = get(inverse, row, k) - factor * get(inverse, col, k);
      }
    }
  }
  return inverse;
}

export interface MarkovRemovalEffects {
  /** P(conversion): the probability that the chain, leaving start, is absorbed in conversion. */
  conversionProbability: number;
  /** RE_k = 1 − P(conversion without k) / P(conversion) for every channel in the journeys. */
  removalEffects: Map<string, number>;
}

/**
 * The first-order chain start → channels → conversion | null built from every journey's
 * transitions, each counted conversions + nulls times (repeats such as A → A kept), and each
 * channel's removal effect, solved exactly.
 *
 * With counts c_ij (channel i → j), conv_i, null_i and out_i = Σ_j c_ij + conv_i + null_i, the
 * probability h_i of converting from channel i solves out_i·h_i − Σ_j c_ij·h_j = conv_i, i.e.
 * A·h = conv with A = diag(out) − C. Removing k (every transition into k goes to null) is
 * forcing h_k = 0; by the strong Markov property, from any state
 *   P(conversion without k) = P(conversion) − P(ever reaching k) · h_k,
 * and P(reaching k from i) = G_ik / G_kk for the fundamental matrix G (A⁻¹ up to a column scale
 * that cancels). So with s_j = P(start → j):
 *   RE_k = (Σ_j s_j·A⁻¹_jk / A⁻¹_kk) · h_k / P(conversion)
 * — the share of the conversion probability that passes through k — from one inversion instead
 * of one solve per channel. The tests check it against the literal redirect-and-solve definition.
 * Channels seen only in journeys with neither conversions nor nulls are outside the chain: RE 0.
 */
export function markovRemovalEffects(options: {
  journeys: readonly Journey[];
}): MarkovRemovalEffects {
  const removalEffects = new Map<string, number>();
  const index = new Map<string, number>();
  const paths: { channels: number[]; conversions: number; nulls: number }[] = [];
  options.journeys.forEach((journey, journeyIndex) => {
    const where = `journeys[${journeyIndex}]`;
    checkTouches(journey, where);
    const { conversions, nulls } = outcomeOf(journey, where);
    for (const touch of journey.touches) removalEffects.set(touch.channel, 0);
    if (conversions + nulls === 0) return;
    const channels = journey.touches.map((touch) => {
      let at = index.get(touch.channel);
      if (at === undefined) {
        at = index.size;
        index.set(touch.channel, at);
      }
      return at;
    });
    paths.push({ channels, conversions, nulls });
  });

  const n = index.size;
  const start = new Float64Array(n);
  const toConversion = new Float64Array(n);
  const system = new Float64Array(n * n); // A = diag(out) − C
  for (const { channels, conversions, nulls } of paths) {
    const weight = conversions + nulls;
    const first = channels[0] ?? 0;
    const last = channels[channels.length - 1] ?? 0;
    start[first] = (start[first] ?? 0) + weight;
    for (let t = 0; t < channels.length; t++) {
      const from = channels[t] ?? 0;
      system[from * n + from] = (system[from * n + from] ?? 0) + weight; // out_from
      const to = channels[t + 1];
      if (to !== undefined) system[from * n + to] = (system[from * n + to] ?? 0) - weight;
    }
    toConversion[last] = (toConversion[last] ?? 0) + conversions;
  }
  const totalStarts = start.reduce((sum, count) => sum + count, 0);
  if (n === 0 || toConversion.every((count) => count === 0)) {
    return { conversionProbability: 0, removalEffects };
  }

  const inverse = invert(system, n);
  const at = (row: number, col: number) => inverse[row * n + col] ?? 0;
  const converts = Array.from({ length: n }, (_, i) => {
    let h = 0;
    for (let j = 0; j < n; j++) h += at(i, j) * (toConversion[j] ?? 0);
    return h;
  });
  const startShare = (j: number) => (start[j] ?? 0) / totalStarts;
  let conversionProbability = 0;
  for (let j = 0; j < n; j++) conversionProbability += startShare(j) * (converts[j] ?? 0);

  for (const [channel, k] of index) {
    let reaches = 0;
    for (let j = 0; j < n; j++) reaches += startShare(j) * at(j, k);
    reaches /= at(k, k);
    const effect = (reaches * (converts[k] ?? 0)) / conversionProbability;
    // Exact arithmetic keeps it in [0, 1]; clamp the last bits of rounding.
    removalEffects.set(channel, Math.min(1, Math.max(0, effect)));
  }
  return { conversionProbability, removalEffects };
}

// ---------------------------------------------------------------------------------------------

/**
 * Conversions and value credited to each channel under a model, unrounded, sorted by channel
 * name (code-unit order, so side-by-side models line up). Every channel that appears in any
 * journey is listed, with 0 when it earned nothing.
 *
 * Rule-based models: each converting journey's touch credits (summing to 1) are multiplied by its
 * conversions and value; non-converting journeys earn nothing. Markov: channel credit = total
 * conversions × RE_k / Σ RE, and value the same share of the total value.
 */
export function attribute(options: {
  model: AttributionModel;
  journeys: readonly Journey[];
  halfLifeDays?: number;
}): ChannelCredit[] {
  const { model, journeys, halfLifeDays = defaultHalfLifeDays } = options;
  checkHalfLife(halfLifeDays);
  const credits = new Map<string, ChannelCredit>();
  const outcomes = journeys.map((journey, journeyIndex) => {
    const where = `journeys[${journeyIndex}]`;
    checkTouches(journey, where);
    for (const { channel } of journey.touches) {
      if (!credits.has(channel)) credits.set(channel, { channel, conversions: 0, value: 0 });
    }
    return outcomeOf(journey, where);
  });

  if (model === "markov") {
    const { removalEffects } = markovRemovalEffects({ journeys });
    const totalEffect = [...removalEffects.values()].reduce((sum, effect) => sum + effect, 0);
    const totalConversions = outcomes.reduce((sum, outcome) => sum + outcome.conversions, 0);
    const totalValue = outcomes.reduce((sum, outcome) => sum + outcome.value, 0);
    if (totalEffect > 0) {
      for (const [channel, effect] of removalEffects) {
        const credit = credits.get(channel);
        if (!credit) continue;
        credit.conversions = (totalConversions * effect) / totalEffect;
        credit.value = (totalValue * effect) / totalEffect;
      }
    }
  } else {
    journeys.forEach((journey, journeyIndex) => {
      const outcome = outcomes[journeyIndex];
      if (!outcome || outcome.conversions === 0) return;
      const shares = ruleCredits(model, journey, halfLifeDays, `journeys[${journeyIndex}]`);
      journey.touches.forEach((touch, touchIndex) => {
        const credit = credits.get(touch.channel);
        const share = shares[touchIndex] ?? 0;
        if (!credit) return;
        credit.conversions += share * outcome.conversions;
        credit.value += share * outcome.value;
      });
    });
  }

  return [...credits.values()].sort((a, b) =>
    a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0,
  );
}
