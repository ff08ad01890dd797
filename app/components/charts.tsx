// The pages' charts (recharts), in a module of their own so that pages load them on demand:
// recharts is a third of a second of the server's start-up otherwise (lazy-charts.tsx).
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const axis = { fontSize: 10, fill: "#64748b" };

export interface WeekTrendPlotProps {
  title: string;
  data: { week: string; value: number | null }[];
  format: (value: number | null) => string;
  kind: "count" | "share";
}

/** Bars for counts, a line for shares, oldest week first. */
export function WeekTrendPlot({ title, data, format, kind }: WeekTrendPlotProps) {
  const tooltip = (
    <Tooltip
      formatter={(value) => [format(typeof value === "number" ? value : null), title]}
      cursor={{ fill: "#f1f5f9" }}
    />
  );
  // The same frame, grid and week axis for both kinds.
  const frame = {
    width: 420,
    height: 160,
    data,
    margin: { top: 8, right: 8, left: -16, bottom: 0 },
  };
  const grid = <CartesianGrid vertical={false} stroke="#e2e8f0" />;
  const weeks = <XAxis dataKey="week" tick={axis} tickLine={false} />;
  return kind === "count" ? (
    <BarChart {...frame}>
      {grid}
      {weeks}
      <YAxis allowDecimals={false} tick={axis} tickLine={false} axisLine={false} />
      {tooltip}
      <Bar dataKey="value" fill="#2563eb" radius={[2, 2, 0, 0]} isAnimationActive={false} />
    </BarChart>
  ) : (
    <LineChart {...frame}>
      {grid}
      {weeks}
      <YAxis
        domain={[0, 1]}
        tickFormatter={(value: number) => `${Math.round(value * 100)}%`}
        tick={axis}
        tickLine={false}
        axisLine={false}
      />
      {tooltip}
      <Line
        dataKey="value"
        stroke="#2563eb"
        strokeWidth={2}
        dot={{ r: 3 }}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}

export interface ForecastPlotProps {
  data: { month: string; won: number; weighted: number }[];
  width: number;
  /** Axis ticks (currency units). */
  formatTick: (value: number) => string;
  /** Tooltip values (currency units). */
  formatValue: (value: number) => string;
  wonName: string;
  weightedName: string;
}

/** Won and stage-weighted pipeline per close month, stacked. */
export function ForecastPlot({
  data,
  width,
  formatTick,
  formatValue,
  wonName,
  weightedName,
}: ForecastPlotProps) {
  return (
    <BarChart
      width={width}
      height={220}
      data={data}
      margin={{ top: 8, right: 8, left: 8, bottom: 0 }}
    >
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="month" tick={axis} tickLine={false} />
      <YAxis tick={axis} tickLine={false} axisLine={false} tickFormatter={formatTick} />
      <Tooltip
        formatter={(value, name) => [formatValue(typeof value === "number" ? value : 0), name]}
        cursor={{ fill: "#f1f5f9" }}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="won" name={wonName} stackId="month" fill="#16a34a" isAnimationActive={false} />
      <Bar
        dataKey="weighted"
        name={weightedName}
        stackId="month"
        fill="#2563eb"
        radius={[2, 2, 0, 0]}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
