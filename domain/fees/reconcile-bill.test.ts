import { describe, expect, it } from "vitest";
import { money } from "./money";
import { parseCsv, readBillExport, readBillRows } from "./read-bill-export";
import { reconcileBill, type ReconcileLine } from "./reconcile-bill";

const line = (orderId: string, amount: string, platformFee: string | null = null): ReconcileLine => ({
  orderId,
  amount: money(amount),
  platformFee: platformFee === null ? null : money(platformFee),
  settlement: null,
});

describe("reading the marketplace's bill export", () => {
  it("parses quoted CSV with a BOM, CRLF and embedded commas", () => {
    expect(parseCsv('\ufeffa,b\r\n"x,1","say ""hi"""\r\n')).toEqual([
      ["a", "b"],
      ["x,1", 'say "hi"'],
    ]);
  });

  it("matches Chinese headers and cleans amounts", () => {
    const parsed = readBillExport("订单号,交易金额,平台服务费\nCS1,\"¥1,200.00\",60.00\nCS2,(100.00),-5.00\n,1,1\n");
    expect(parsed.lines.map((l) => [l.orderId, l.amount.toFixed(2), l.platformFee?.toFixed(2)])).toEqual([
      ["CS1", "1200.00", "60.00"],
      ["CS2", "-100.00", "-5.00"],
    ]);
    expect(parsed.errors).toEqual([{ row: 4, message: "invalid_row" }]);
  });

  it("skips title rows above the header, as Excel exports have, and numbers rows as in the file", () => {
    const parsed = readBillRows([["账单 202606"], ["", ""], ["订单号", "交易金额", "应结算金额"], ["CS1", "1200", "1140"], ["CS2", "abc", ""]]);
    expect(parsed.lines.map((l) => [l.orderId, l.amount.toFixed(2), l.settlement?.toFixed(2)])).toEqual([["CS1", "1200.00", "1140.00"]]);
    expect(parsed.errors).toEqual([{ row: 5, message: "invalid_row" }]);
  });

  it("refuses a file without an order or amount column", () => {
    expect(readBillExport("foo,bar\n1,2\n").errors[0]?.message).toBe("missing_columns");
  });
});

describe("reconciling a bill", () => {
  it("lists every difference and nothing else", () => {
    const differences = reconcileBill(
      [line("A", "100", "5"), line("B", "200", "10"), line("C", "50", "2.5"), line("C", "-50", "-2.5")],
      [line("A", "100", "5"), line("B", "200", "12"), line("C", "0"), line("D", "10")],
    );
    expect(differences.map((d) => [d.orderId, d.kind])).toEqual([
      ["B", "platform_fee"],
      ["D", "missing_in_console"],
    ]);
  });

  it("reports orders the marketplace left out and amounts that differ", () => {
    const differences = reconcileBill([line("A", "100"), line("B", "1")], [line("A", "99.99")]);
    expect(differences.map((d) => `${d.orderId}:${d.kind}:${d.console?.toString()}:${d.imported?.toString() ?? "-"}`)).toEqual([
      "A:amount:100:99.99",
      "B:missing_in_import:1:-",
    ]);
  });
});
