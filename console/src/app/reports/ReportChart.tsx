import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface ChartSpec {
  kind: 'bar' | 'stacked' | 'line';
  title: string;
  /** what a screen reader hears: the chart's kind, its axes and its series in words */
  description: string;
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
  /** categories on the vertical axis (long labels: rule ids) */
  horizontal?: boolean;
  /** values are shares from 0 to 1, shown as percentages */
  percent?: boolean;
}

// distinguishable also in grey scale; decals (patterns) are on as well, so colour is never the only cue
const COLOURS = ['#0066cc', '#b1380b', '#3d7317', '#5e40be', '#8a6d00', '#004d4d', '#a30000'];

/**
 * A report's chart, drawn on a canvas (the gateway's CSP allows no inline script or style), with ECharts' ARIA
 * description and decal patterns; suppressed values are gaps, never 0. The table beside it holds the same numbers.
 */
export default function ReportChart({ spec }: { spec: ChartSpec }) {
  const ref = useRef<HTMLDivElement>(null);
  const drawn = JSON.stringify(spec); // drawn again only when what it shows changes, not on every render
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const category = { type: 'category' as const, data: spec.categories, inverse: Boolean(spec.horizontal) };
    // options left out, never set to undefined: ECharts would take undefined over its defaults (no axis labels)
    const value = spec.percent
      ? { type: 'value' as const, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } }
      : { type: 'value' as const, minInterval: 1 };
    chart.setOption({
      animation: false, // drawn at once: no motion, and a screenshot shows the numbers
      color: COLOURS,
      aria: { enabled: true, label: { description: spec.description }, decal: { show: spec.kind !== 'line' } },
      title: { text: spec.title, left: 'center', textStyle: { fontSize: 14 } },
      // rendered on the canvas, not as HTML: nothing for the CSP to refuse
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { type: 'scroll', bottom: 0, show: spec.series.length > 1 },
      grid: { left: 8, right: 16, top: 40, bottom: spec.series.length > 1 ? 40 : 16, containLabel: true },
      xAxis: spec.horizontal ? value : category,
      yAxis: spec.horizontal ? category : value,
      series: spec.series.map((s, i) => ({
        name: s.name,
        type: spec.kind === 'line' ? 'line' : 'bar',
        ...(spec.kind === 'stacked' ? { stack: 'all' } : {}),
        data: s.data,
        connectNulls: false,
        symbol: ['circle', 'rect', 'triangle', 'diamond'][i % 4],
        symbolSize: 8,
        barMaxWidth: 48,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `drawn` is spec's content
  }, [drawn]);
  const height = spec.horizontal ? Math.max(220, 70 + spec.categories.length * 28) : 300;
  return <div ref={ref} data-chart={spec.title} style={{ width: '100%', height: `${height}px` }} />;
}
