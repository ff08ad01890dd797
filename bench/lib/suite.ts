// What a benchmark suite is and what it reports. A suite measures a few figures, each over
// several runs; the figure is the median of the runs, compared with its goal, and (where a floor
// exists) with the floor measured in the same run, as a ratio.
import { median, round } from "./stats";

export interface BenchContext {
  /** The PostgreSQL database the suites use (created by the harness, kept between runs). */
  databaseUrl: string;
  /** A URL for CREATE/DROP DATABASE (the `postgres` database of the same server). */
  adminUrl: string;
  /** Runs per figure (the figure is their median). */
  runs: number;
  /** Smaller workloads, for trying the harness out; never for reported figures. */
  quick: boolean;
  log(message: string): void;
}

export type Unit = "ms" | "s" | "leads/s" | "MB";

export interface Goal {
  op: "<=" | ">=";
  value: number;
  /** How the goal reads in the report, e.g. "≤ 2 × floor". */
  text: string;
}

export interface Figure {
  name: string;
  unit: Unit;
  /** The median of `runs`. */
  value: number;
  runs: number[];
  goal?: Goal;
  /** The floor's median, in the same unit, measured in the same runs. */
  floor?: number;
  floorRuns?: number[];
  /** value / floor. */
  ratio?: number;
  met?: boolean;
  note?: string;
}

export interface Suite {
  name: string;
  description: string;
  run(context: BenchContext): Promise<Figure[]>;
}

export function figure(options: {
  name: string;
  unit: Unit;
  runs: number[];
  goal?: Goal | ((floor: number | undefined) => Goal);
  floorRuns?: number[];
  note?: string;
}): Figure {
  const value = median(options.runs);
  const floor = options.floorRuns ? median(options.floorRuns) : undefined;
  const goal = typeof options.goal === "function" ? options.goal(floor) : options.goal;
  return {
    name: options.name,
    unit: options.unit,
    value: round(value),
    runs: options.runs.map(round),
    ...(goal ? { goal: { ...goal, value: round(goal.value) } } : {}),
    ...(floor !== undefined
      ? {
          floor: round(floor),
          floorRuns: options.floorRuns?.map(round),
          ratio: floor > 0 ? round(value / floor) : undefined,
        }
      : {}),
    ...(goal ? { met: goal.op === "<=" ? value <= goal.value : value >= goal.value } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
}

export const atMost = (value: number, unit: Unit): Goal => ({
  op: "<=",
  value,
  text: `≤ ${value} ${unit}`,
});
export const atLeast = (value: number, unit: Unit): Goal => ({
  op: ">=",
  value,
  text: `≥ ${value} ${unit}`,
});
