import { useId } from "react";

// A shared chart (issue 6's dashboard is its first user): one bar per day on the left scale and
// a line on the right scale, plain SVG with no chart library (none is installed). Values only
// position pixels; every figure a reader sees comes from the caller's exact text, and the same
// figures are in a visually hidden table for screen readers.
export type BarLinePoint = {
  // The x-axis label (shown for the first, middle and last points) and the table's row header.
  label: string;
  bar: number;
  line: number;
  barText: string;
  lineText: string;
};

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 48, right: 72, top: 12, bottom: 28 };

const compact = (value: number) => {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${(value / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1)}M`;
  if (abs >= 10_000) return `${Math.round(value / 1000)}k`;
  return String(Math.round(value));
};

export function DailyBarLineChart({
  title,
  description,
  barLabel,
  lineLabel,
  points,
  testId,
}: {
  title: string;
  description: string;
  barLabel: string;
  lineLabel: string;
  points: BarLinePoint[];
  testId?: string;
}) {
  const id = useId();
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const barMax = Math.max(1, ...points.map((p) => p.bar)) * 1.1;
  // Refunds can make a day's amount negative: the right scale then reaches below zero.
  const lineMax = Math.max(1, ...points.map((p) => p.line)) * 1.1;
  const lineMin = Math.min(0, ...points.map((p) => p.line)) * 1.1;
  const slot = plotW / Math.max(1, points.length);
  const yBar = (v: number) => PAD.top + plotH - (Math.max(0, v) / barMax) * plotH;
  const yLine = (v: number) => PAD.top + plotH - ((v - lineMin) / (lineMax - lineMin)) * plotH;
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${yLine(p.line).toFixed(1)}`).join(" ");
  const ticks = points.length > 2 ? [0, Math.floor((points.length - 1) / 2), points.length - 1] : points.map((_, i) => i);

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full" data-testid={testId}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yBar(0)} y2={yBar(0)} className="stroke-slate-300" />
        {[0, 0.5, 1].map((f) => (
          <text key={`b${f}`} x={PAD.left - 6} y={yBar(barMax * f) + 4} textAnchor="end" className="fill-slate-500 text-[10px]">
            {compact(barMax * f)}
          </text>
        ))}
        {[0, 0.5, 1].map((f) => (
          <text key={`l${f}`} x={WIDTH - PAD.right + 6} y={yLine(lineMin + (lineMax - lineMin) * f) + 4} className="fill-amber-700 text-[10px]">
            {compact(lineMin + (lineMax - lineMin) * f)}
          </text>
        ))}
        {points.map((p, i) => (
          <rect key={p.label} x={x(i) - slot * 0.35} width={slot * 0.7} y={yBar(p.bar)} height={yBar(0) - yBar(p.bar)} className="fill-brand-500/70">
            <title>{`${p.label}: ${barLabel} ${p.barText}, ${lineLabel} ${p.lineText}`}</title>
          </rect>
        ))}
        <path d={path} className="fill-none stroke-amber-600" strokeWidth={2} />
        {ticks.map((i) => (
          <text key={`t${i}`} x={x(i)} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-500 text-[10px]">
            {points[i]!.label}
          </text>
        ))}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-2 w-3 bg-brand-500/70" />
          {barLabel}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-0.5 w-3 bg-amber-600" />
          {lineLabel}
        </span>
      </figcaption>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{barLabel}</th>
            <th scope="col">{lineLabel}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>{p.barText}</td>
              <td>{p.lineText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
