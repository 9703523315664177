import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { WorkloadRow } from './Team';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/**
 * Open claims per caseworker, stacked: not overdue / overdue. Drawn on a canvas (the gateway's CSP allows no
 * inline script or style), with ECharts' ARIA description and decal patterns, so colour is never the only cue;
 * the table beside it holds the same numbers.
 */
export default function WorkloadChart({
  rows, title, description, onTimeLabel, overdueLabel,
}: { rows: WorkloadRow[]; title: string; description: string; onTimeLabel: string; overdueLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false, // drawn at once: no motion, and a screenshot shows the numbers
      aria: { enabled: true, label: { description }, decal: { show: true } },
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      // rendered on the canvas, not as HTML: nothing for the CSP to refuse
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
      series: [
        { name: onTimeLabel, type: 'bar', stack: 'open', data: rows.map((r) => r.onTime), itemStyle: { color: '#0066cc' } },
        { name: overdueLabel, type: 'bar', stack: 'open', data: rows.map((r) => r.overdue), itemStyle: { color: '#b1380b' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, title, description, onTimeLabel, overdueLabel]);
  return <div ref={ref} style={{ width: '100%', height: `${Math.max(200, 60 + rows.length * 40)}px` }} />;
}
