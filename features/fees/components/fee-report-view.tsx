"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { EmptyState, ErrorNotice, LoadingRows } from "@/components/ui/states";
import { addMonths, daysInMonth } from "@/domain/fees/beijing-month";
import { formatYuan } from "@/domain/fees/money";
import { feeReportPath, useFeeReport } from "@/features/fees/api/fee-report";
import { FeeChart, type ChartPoint } from "@/features/fees/components/fee-chart";
import type { FeeReport, FeeReportRow, TierGapDto } from "@/lib/contracts/fees";
import { useApiErrorText } from "@/lib/use-api-error-text";

const MONEY_COLUMNS = ["paid", "refunds", "net", "settlement", "platformFee"] as const;

// The month lives in the URL (?month=YYYY-MM) so a printed or shared report names its month.
export function FeeReportView() {
  const t = useTranslations("fees");
  const errorText = useApiErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const monthParam = searchParams.get("month") ?? undefined;
  const report = useFeeReport(monthParam);
  const goTo = (month: string | undefined) => router.replace(month ? `${pathname}?month=${month}` : pathname);

  if (report.isPending) return <LoadingRows label={t("loading")} />;
  if (report.isError) return <ErrorNotice>{errorText(report.error)}</ErrorNotice>;
  const data = report.data;
  const monthRows = data.rows.filter((row) => row.month === data.month);
  const totals = data.monthTotals.find((m) => m.month === data.month);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3 print:hidden">
        <div className="flex items-end gap-2">
          <Button variant="secondary" onClick={() => goTo(addMonths(data.month, -1))}>
            {t("previousMonth")}
          </Button>
          <Field label={t("month")} htmlFor="fee-month">
            <Input id="fee-month" type="month" value={data.month} onChange={(event) => event.target.value && goTo(event.target.value)} />
          </Field>
          <Button variant="secondary" disabled={data.month >= data.currentMonth} onClick={() => goTo(addMonths(data.month, 1))}>
            {t("nextMonth")}
          </Button>
          {data.month !== data.currentMonth ? (
            <Button variant="ghost" onClick={() => goTo(undefined)}>
              {t("thisMonth")}
            </Button>
          ) : null}
        </div>
        <div className="flex items-center gap-3 text-sm">
          <a className="text-brand-700 underline" href={feeReportPath(data.month, "/export")} download>
            {t("exportCsv")}
          </a>
          <a className="text-brand-700 underline" href={`${feeReportPath(data.month, "/export")}&format=xlsx`} download>
            {t("exportXlsx")}
          </a>
          <Button variant="secondary" onClick={() => window.print()}>
            {t("print")}
          </Button>
          <Link className="text-brand-700 underline" href="/fee-reports/rules">
            {t("rulesLink")}
          </Link>
        </div>
      </div>

      <dl className="grid gap-3 sm:grid-cols-5">
        {MONEY_COLUMNS.map((key) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{t(`summary.${key}`)}</dt>
            <dd className="mt-1 font-mono text-lg text-slate-900" data-testid={`total-${key}`}>
              {formatYuan(totals?.[key] ?? "0")}
            </dd>
          </div>
        ))}
      </dl>

      {data.month === data.currentMonth ? <TierGaps report={data} /> : null}

      <Card title={t("tableTitle", { month: data.month })}>
        {monthRows.length === 0 ? <EmptyState title={t("empty")} /> : <ProductTable rows={monthRows} totals={totals} />}
      </Card>

      <Card title={t("chartsTitle")}>
        <Charts report={data} />
      </Card>

      <Card title={t("monthsTitle")}>
        <MonthTotals report={data} />
      </Card>

      <Assumptions report={data} />
      <p className="text-xs text-slate-400">{t("serverTime", { ms: data.serverMs })}</p>
    </div>
  );
}

function TierGaps({ report }: { report: FeeReport }) {
  const t = useTranslations("fees");
  const lastDay = daysInMonth(report.currentMonth);
  return (
    <Card title={t("gapTitle")}>
      {report.gaps.length === 0 ? (
        <p className="text-sm text-slate-600">{t("gapNone")}</p>
      ) : (
        <ul className="space-y-4">
          {report.gaps.map((gap) => (
            <GapItem key={gap.productCode} gap={gap} lastDay={lastDay} topShare={shareOf(report.tiers.at(-1)?.platformFeePercent ?? "5")} />
          ))}
        </ul>
      )}
    </Card>
  );
}

// Percentages have at most four decimals: subtracting them as numbers is exact enough to display.
const shareOf = (percent: string) => String(Number((100 - Number(percent)).toFixed(4)));

function GapItem({ gap, lastDay, topShare }: { gap: TierGapDto; lastDay: number; topShare: string }) {
  const t = useTranslations("fees");
  const name = gap.productName ?? gap.productCode;
  const target = gap.nextTier ? Number(gap.nextTier.fromAmount) : Number(gap.tierAmount);
  const progress = target > 0 ? Math.min(100, Math.max(0, (Number(gap.tierAmount) / target) * 100)) : 100;
  return (
    <li data-testid={`tier-gap-${gap.productCode}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium text-slate-800">{name}</span>
        <span className="font-mono text-sm text-slate-600">
          {formatYuan(gap.tierAmount)}
          {gap.nextTier ? ` / ${formatYuan(gap.nextTier.fromAmount)}` : ""}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={t("gapProgress", { product: name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress)}
        className="mt-1 h-2 overflow-hidden rounded bg-slate-100"
      >
        <div className="h-full bg-brand-500" style={{ width: `${progress}%` }} />
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {gap.nextTier && gap.gap && gap.saving
          ? t("gapSentence", { gap: formatYuan(gap.gap), day: lastDay, saving: formatYuan(gap.saving), share: shareOf(gap.nextTier.platformFeePercent) })
          : t("gapTop", { share: topShare })}
      </p>
      <p className="text-xs text-slate-500">
        {t("gapProjection", { projected: formatYuan(gap.projectedAmount), tier: gap.projectedTierIndex + 1 })}{" "}
        {gap.extraPerDay ? t("gapExtraPerDay", { amount: formatYuan(gap.extraPerDay) }) : null}
      </p>
    </li>
  );
}

function ProductTable({ rows, totals }: { rows: FeeReportRow[]; totals: FeeReport["monthTotals"][number] | undefined }) {
  const t = useTranslations("fees");
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
  const num = "px-3 py-2 text-right font-mono whitespace-nowrap";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="fee-table">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>{t("col.product")}</th>
            <th scope="col" className={th}>{t("col.category")}</th>
            <th scope="col" className={`${th} text-right`}>{t("col.lines")}</th>
            {(["paid", "refunds", "net"] as const).map((key) => (
              <th key={key} scope="col" className={`${th} text-right`}>{t(`col.${key}`)}</th>
            ))}
            <th scope="col" className={th}>{t("col.tier")}</th>
            <th scope="col" className={`${th} text-right`}>{t("col.share")}</th>
            <th scope="col" className={`${th} text-right`}>{t("col.settlement")}</th>
            <th scope="col" className={`${th} text-right`}>{t("col.platformFee")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.productCode}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <div>{row.productName ?? row.productCode}</div>
                <div className="font-mono text-xs text-slate-500">{row.productCode}</div>
              </th>
              <td className="px-3 py-2">{t(`categories.${row.category}`)}</td>
              <td className={num}>{row.lineCount}</td>
              <td className={num}>{formatYuan(row.paid)}</td>
              <td className={num}>{formatYuan(row.refunds)}</td>
              <td className={num}>{formatYuan(row.net)}</td>
              <td className="px-3 py-2">{row.tierIndex === null ? t("noTier") : t("tierLabel", { n: row.tierIndex + 1 })}</td>
              <td className={num}>{row.sellerSharePercent}%</td>
              <td className={num}>{formatYuan(row.settlement)}</td>
              <td className={num}>{formatYuan(row.platformFee)}</td>
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot className="bg-slate-50 font-semibold">
            <tr>
              <th scope="row" className="px-3 py-2 text-left" colSpan={2}>{t("total")}</th>
              <td className={num}>{totals.lineCount}</td>
              <td className={num}>{formatYuan(totals.paid)}</td>
              <td className={num}>{formatYuan(totals.refunds)}</td>
              <td className={num}>{formatYuan(totals.net)}</td>
              <td colSpan={2} />
              <td className={num}>{formatYuan(totals.settlement)}</td>
              <td className={num}>{formatYuan(totals.platformFee)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function Charts({ report }: { report: FeeReport }) {
  const t = useTranslations("fees");
  const products = [...new Set(report.rows.map((row) => row.productCode))].slice(0, 12);
  if (products.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-1">
      {products.map((code) => {
        const rows = report.rows.filter((row) => row.productCode === code);
        const points: ChartPoint[] = report.months.map((month) => {
          const row = rows.find((r) => r.month === month);
          return { month, paid: row?.paid ?? "0", platformFee: row?.platformFee ?? "0" };
        });
        const tiered = rows.some((row) => row.tierIndex !== null);
        return (
          <FeeChart
            key={code}
            product={rows[0]?.productName ?? code}
            points={points}
            tiers={tiered ? report.tiers : []}
            currentMonth={report.currentMonth}
          />
        );
      })}
    </div>
  );
}

function MonthTotals({ report }: { report: FeeReport }) {
  const t = useTranslations("fees");
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
  const num = "px-3 py-2 text-right font-mono whitespace-nowrap";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>{t("col.month")}</th>
            <th scope="col" className={`${th} text-right`}>{t("col.lines")}</th>
            {MONEY_COLUMNS.map((key) => (
              <th key={key} scope="col" className={`${th} text-right`}>{t(`col.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {[...report.monthTotals].reverse().map((m) => (
            <tr key={m.month}>
              <th scope="row" className="px-3 py-2 text-left font-normal">{m.month}</th>
              <td className={num}>{m.lineCount}</td>
              {MONEY_COLUMNS.map((key) => (
                <td key={key} className={num}>{formatYuan(m[key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Assumptions({ report }: { report: FeeReport }) {
  const t = useTranslations("fees");
  return (
    <section aria-labelledby="fee-assumptions" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
      <h2 id="fee-assumptions" className="font-semibold">{t("assumptionsTitle")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>{t("assumptions.policy")}</li>
        <li>{t("assumptions.oldTerms")}</li>
        <li>{t("assumptions.rounding")}</li>
        <li>{t("assumptions.attribution")}</li>
        <li>{report.settings.tierAmountBasis === "net" ? t("assumptions.basisNet") : t("assumptions.basisPaid")}</li>
        <li>{report.settings.tierCountsOldTerms ? t("assumptions.oldTermsCounted") : t("assumptions.oldTermsNotCounted")}</li>
      </ul>
      <p className="mt-2 text-xs">{t("assumptions.unconfirmed")}</p>
    </section>
  );
}
