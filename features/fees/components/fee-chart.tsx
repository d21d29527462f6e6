"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { formatYuan } from "@/domain/fees/money";
import type { FeeTierDto } from "@/lib/contracts/fees";

export type ChartPoint = { month: string; paid: string; platformFee: string };

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 72, right: 64, top: 16, bottom: 28 };

// Compact axis labels: 1,000,000 → "100万" / "1M" is a locale matter; the axis shows ¥ in 万-free
// thousands so both languages read it.
const axisLabel = (value: number) => (value >= 10_000 ? `¥${Math.round(value / 1000).toLocaleString("en-US")}k` : `¥${Math.round(value)}`);

// Plain SVG, no chart library: bars for the paid amount on the left scale, a line for the
// platform fee on the right scale, dashed tier thresholds, and the running month marked. The
// same figures are in a visually hidden table for screen readers.
export function FeeChart({
  product,
  points,
  tiers,
  currentMonth,
}: {
  product: string;
  points: ChartPoint[];
  tiers: FeeTierDto[];
  currentMonth: string;
}) {
  const t = useTranslations("fees");
  const id = useId();
  // Numbers only position pixels here; the figures shown are the exact decimal strings.
  const paid = points.map((p) => Math.max(0, Number(p.paid)));
  const fees = points.map((p) => Number(p.platformFee));
  const maxPaid = Math.max(1, ...paid);
  const thresholds = tiers.map((tier) => Number(tier.fromAmount)).filter((v) => v > 0);
  const nextThreshold = thresholds.find((v) => v > maxPaid);
  const yMax = Math.max(maxPaid, nextThreshold ?? 0) * 1.1;
  const feeMax = Math.max(1, ...fees) * 1.1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, points.length);
  const y = (v: number) => PAD.top + plotH - (v / yMax) * plotH;
  const yFee = (v: number) => PAD.top + plotH - (Math.max(0, v) / feeMax) * plotH;
  const visibleThresholds = tiers.filter((tier) => Number(tier.fromAmount) > 0 && Number(tier.fromAmount) <= yMax);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  return (
    <figure className="break-inside-avoid">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="h-auto w-full" data-testid="fee-chart">
        <title id={titleId}>{t("chartTitle", { product })}</title>
        <desc id={descId}>{t("chartDescription", { thresholds: tiers.filter((tier) => Number(tier.fromAmount) > 0).map((tier) => formatYuan(tier.fromAmount)).join(" / ") })}</desc>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="stroke-slate-300" />
        {[0, 0.5, 1].map((f) => (
          <text key={f} x={PAD.left - 6} y={y(yMax * f) + 4} textAnchor="end" className="fill-slate-500 text-[10px]">
            {axisLabel(yMax * f)}
          </text>
        ))}
        {[0.5, 1].map((f) => (
          <text key={`fee-${f}`} x={WIDTH - PAD.right + 6} y={yFee(feeMax * f) + 4} className="fill-amber-700 text-[10px]">
            {axisLabel(feeMax * f)}
          </text>
        ))}
        {points.map((point, i) => {
          const h = Math.max(0, y(0) - y(paid[i]!));
          const isCurrent = point.month === currentMonth;
          return (
            <g key={point.month}>
              <rect
                x={PAD.left + i * slot + slot * 0.15}
                y={y(paid[i]!)}
                width={slot * 0.7}
                height={h}
                className={isCurrent ? "fill-brand-100 stroke-brand-600" : "fill-brand-500"}
                strokeDasharray={isCurrent ? "3 2" : undefined}
              >
                <title>{`${point.month}: ${formatYuan(point.paid)} / ${formatYuan(point.platformFee)}${isCurrent ? ` (${t("chartCurrent")})` : ""}`}</title>
              </rect>
              <text x={PAD.left + i * slot + slot / 2} y={HEIGHT - 10} textAnchor="middle" className="fill-slate-500 text-[10px]">
                {point.month.slice(2)}
              </text>
            </g>
          );
        })}
        <polyline
          fill="none"
          className="stroke-amber-600"
          strokeWidth={2}
          points={points.map((_, i) => `${PAD.left + i * slot + slot / 2},${yFee(fees[i]!)}`).join(" ")}
        />
        {visibleThresholds.map((tier) => (
          <g key={tier.fromAmount}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(Number(tier.fromAmount))} y2={y(Number(tier.fromAmount))} className="stroke-slate-700" strokeDasharray="6 4" />
            <text x={PAD.left + 4} y={y(Number(tier.fromAmount)) - 4} className="fill-slate-700 text-[10px]">
              {t("chartThreshold", { amount: formatYuan(tier.fromAmount) })}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-2 w-3 bg-brand-500" /> {t("chartPaid")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-0.5 w-3 bg-amber-600" /> {t("chartFee")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-0 w-3 border-t border-dashed border-slate-700" /> {t("chartThreshold", { amount: "" })}
        </span>
      </figcaption>
      <table className="sr-only">
        <caption>{t("chartTitle", { product })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("col.month")}</th>
            <th scope="col">{t("chartPaid")}</th>
            <th scope="col">{t("chartFee")}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.month}>
              <th scope="row">{point.month}</th>
              <td>{formatYuan(point.paid)}</td>
              <td>{formatYuan(point.platformFee)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
