// The charts, loaded when a page first shows one (server and browser alike): recharts took a
// third of a second of every server start while only the scorecard and plan pages draw charts.
// On the server the page streams and the chart follows in the same response; in the browser
// hydration keeps the server's chart until the module arrives. A box of the chart's size holds
// its place meanwhile.
import { lazy, Suspense } from "react";
import type { ForecastPlotProps, WeekTrendPlotProps } from "./charts";

const LazyWeekTrendPlot = lazy(() =>
  import("./charts").then((charts) => ({ default: charts.WeekTrendPlot })),
);
const LazyForecastPlot = lazy(() =>
  import("./charts").then((charts) => ({ default: charts.ForecastPlot })),
);

export function WeekTrendPlot(props: WeekTrendPlotProps) {
  return (
    <Suspense fallback={<div style={{ width: 420, height: 160 }} />}>
      <LazyWeekTrendPlot {...props} />
    </Suspense>
  );
}

export function ForecastPlot(props: ForecastPlotProps) {
  return (
    <Suspense fallback={<div style={{ width: props.width, height: 220 }} />}>
      <LazyForecastPlot {...props} />
    </Suspense>
  );
}
