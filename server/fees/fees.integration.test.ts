import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { money, sumMoney } from "@/domain/fees/money";
import { SHIPPED_POLICIES, defaultProductTerms } from "@/domain/fees/fee-policy";
import { DEFAULT_FEE_SETTINGS } from "@/domain/fees/fee-settings";
import { settleProductMonth } from "@/domain/fees/settle-product-month";
import { feeReportQuerySchema } from "@/lib/contracts/fees";
import ExcelJS from "exceljs";
import { exportBillLinesCsv, exportBillLinesXlsx } from "@/server/bills/export-bill-lines";
import { generateBill } from "@/server/bills/generate-bill";
import { getBill } from "@/server/bills/get-bill";
import { importBill } from "@/server/bills/import-bill";
import { setBillStatus } from "@/server/bills/set-bill-status";
import { buildFeeReport } from "@/server/fees/build-fee-report";
import { feeReportCsv, feeReportXlsx } from "@/server/fees/export-fee-report";
import { createFeePolicy, saveProductTerms } from "@/server/fees/fee-admin";
import { loadFeeConfig } from "@/server/fees/load-fee-config";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
const NOW = new Date("2026-06-20T12:00:00+08:00");
const deps = () => ({ db: testDb.db, now: () => NOW });
const actor = { id: null, email: "finance@example.com" };

type Seed = { orderId: string; product?: string; amount: string | null; type?: string; at: string; test?: boolean; v1?: boolean };

const insertOrders = async (orders: Seed[]) => {
  await testDb.db.order.createMany({
    data: orders.map((o) => ({
      id: randomUUID(),
      orderId: o.orderId,
      orderType: o.type ?? "NEW",
      chargingMode: "PERIOD",
      amount: o.amount,
      currency: "CNY",
      testFlag: o.test ?? false,
      orderedAt: new Date(o.at),
      createdAt: new Date(o.at),
      updatedAt: new Date(o.at),
    })),
  });
  await testDb.db.orderLine.createMany({
    data: orders
      .filter((o) => o.product && !o.v1)
      .map((o) => ({ id: randomUUID(), orderId: o.orderId, orderLineId: `${o.orderId}-000001`, productCode: o.product!, createdAt: new Date(o.at) })),
  });
  // V1 orders have no order lines: the product comes from the instance.
  await testDb.db.instance.createMany({
    data: orders
      .filter((o) => o.v1)
      .map((o) => ({
        id: randomUUID(),
        instanceId: `inst-${o.orderId}`,
        dedupeKey: `v1:${o.orderId}`,
        generation: "v1",
        orderId: o.orderId,
        productCode: o.product!,
        status: "active",
      })),
  });
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  const june: Seed[] = [];
  // BIG: 46 orders of 10,000 plus one of 1,800 = 461,800 paid; a 5,000 refund → X = 456,800 (net).
  for (let i = 0; i < 46; i++) june.push({ orderId: `BIG-${i}`, product: "BIG", amount: "10000.00", at: `2026-06-${String(1 + (i % 19)).padStart(2, "0")}T10:00:00+08:00` });
  june.push({ orderId: "BIG-odd", product: "BIG", amount: "1800.00", at: "2026-06-02T09:00:00+08:00" });
  june.push({ orderId: "BIG-refund", product: "BIG", amount: "5000.00", type: "UNSUBSCRIBE", at: "2026-06-10T09:00:00+08:00" });
  // Beijing month edges: 00:00 on 1 June belongs to June, 00:00 on 1 July does not.
  june.push({ orderId: "BIG-edge-in", product: "BIG", amount: "0.10", at: "2026-05-31T16:00:00Z" });
  june.push({ orderId: "BIG-edge-out", product: "BIG", amount: "999.00", at: "2026-06-30T16:00:00Z" });
  // Ten-percent product, a 联营 product, a V1 order and things that never reach a bill.
  for (let i = 0; i < 5; i++) june.push({ orderId: `TEN-${i}`, product: "TEN", amount: "333.33", at: "2026-06-05T12:00:00+08:00" });
  june.push({ orderId: "JNT-1", product: "JNT", amount: "1000.00", at: "2026-06-06T12:00:00+08:00" });
  june.push({ orderId: "V1-1", product: "SMALL", amount: "99.99", at: "2026-06-07T12:00:00+08:00", v1: true });
  june.push({ orderId: "SMALL-down", product: "SMALL", amount: "-20.00", type: "CHANGE", at: "2026-06-08T12:00:00+08:00" });
  june.push({ orderId: "TEST-1", product: "BIG", amount: "900000.00", at: "2026-06-09T12:00:00+08:00", test: true });
  june.push({ orderId: "TRIAL-1", product: "BIG", amount: "0.00", type: "TRIAL", at: "2026-06-09T12:00:00+08:00" });
  june.push({ orderId: "NOAMOUNT-1", product: "BIG", amount: null, at: "2026-06-09T12:00:00+08:00" });
  // May: BIG crosses 500,000 exactly.
  for (let i = 0; i < 5; i++) june.push({ orderId: `MAY-${i}`, product: "BIG", amount: "100000.00", at: "2026-05-15T12:00:00+08:00" });
  await insertOrders(june);
  await testDb.db.product.createMany({
    data: ["BIG", "TEN", "JNT", "SMALL"].map((code) => ({ id: randomUUID(), productCode: code, name: `产品 ${code}` })),
  });
  await saveProductTerms("TEN", { category: "general", platformFeePercent: "10" }, actor, deps());
  await saveProductTerms("JNT", { category: "joint", platformFeePercent: "30" }, actor, deps());
});
afterAll(async () => testDb?.close());

describe(`fees and bills on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("ships a policy table that matches the domain's and reproduces T1–T8", async () => {
    const config = await loadFeeConfig(testDb);
    expect(config.policies.map((p) => [p.id, p.effectiveFrom.toISOString(), p.eligibleRatioPercent?.toString() ?? null])).toEqual(
      SHIPPED_POLICIES.map((p) => [p.id, p.effectiveFrom.toISOString(), p.eligibleRatioPercent?.toString() ?? null]),
    );
    const vectors: [string, number, string, Date][] = [
      ["1500000", 5, "45000.00", new Date("2024-03-10T00:00:00+08:00")],
      ["300000", 5, "15000.00", new Date("2024-03-10T00:00:00+08:00")],
      ["500000", 5, "20000.00", new Date("2024-03-10T00:00:00+08:00")],
      ["499999.99", 5, "25000.00", new Date("2024-03-10T00:00:00+08:00")],
      ["999999.00", 5, "39999.96", new Date("2024-03-10T00:00:00+08:00")],
      ["1000000", 5, "30000.00", new Date("2024-03-10T00:00:00+08:00")],
      ["2000000", 10, "200000.00", new Date("2024-03-10T00:00:00+08:00")],
      ["1500000", 5, "75000.00", new Date("2024-02-28T00:00:00+08:00")],
    ];
    for (const [amount, ratio, fee, placedAt] of vectors) {
      const result = settleProductMonth({
        product: { ...defaultProductTerms("X"), platformFeePercent: money(ratio) },
        lines: [{ amount: money(amount), placedAt }],
        policies: config.policies,
        settings: config.settings,
      });
      expect(result.platformFee.toFixed(2), `${amount} at ${ratio}%`).toBe(fee);
    }
    expect(config.settings).toEqual(DEFAULT_FEE_SETTINGS);
  });

  it("turns a month of orders into a bill whose totals equal the fee report's", async () => {
    const { uuid, lineCount } = await generateBill({ month: "2026-06", category: "general" }, actor, deps());
    // 46 + odd + refund + edge-in (BIG), 5 TEN, V1 + downgrade (SMALL); JNT is on the 联营 bill.
    expect(lineCount).toBe(49 + 5 + 2);
    const bill = await getBill(uuid, testDb);
    expect(bill.billId).toBe("202606");
    expect(bill.status).toBe("countersigning");
    // Generated Friday 3 July; 16 working days later.
    expect(bill.expectedPaymentDate).toBe("2026-07-27");
    expect(bill.lines.map((l) => l.orderId)).not.toContain("BIG-edge-out");
    expect(bill.lines.find((l) => l.orderId === "BIG-refund")?.amount).toBe("-5000.00");
    expect(bill.lines.find((l) => l.orderId === "V1-1")?.productCode).toBe("SMALL");

    const report = await buildFeeReport(feeReportQuerySchema.parse({ month: "2026-06" }), deps());
    const june = report.rows.filter((row) => row.month === "2026-06" && row.category === "general");
    expect(sumMoney(june.map((row) => money(row.net))).toFixed(2)).toBe(bill.amount);
    expect(sumMoney(june.map((row) => money(row.platformFee))).toFixed(2)).toBe(bill.platformFee);
    expect(sumMoney(june.map((row) => money(row.settlement))).toFixed(2)).toBe(bill.settlement);
    const lineFees = sumMoney(bill.lines.map((l) => money(l.platformFee)));
    expect(lineFees.toFixed(2)).toBe(bill.platformFee);

    const big = june.find((row) => row.productCode === "BIG")!;
    expect(big.paid).toBe("461800.10");
    expect(big.refunds).toBe("-5000.00");
    expect(big.tierAmount).toBe("456800.10");
    expect(big.tierIndex).toBe(0);
    // 456,800.10 × 5% = 22,840.005 → 22,840.01
    expect(big.platformFee).toBe("22840.01");
    const ten = june.find((row) => row.productCode === "TEN")!;
    // 1,666.65 × 10% = 166.665 → 166.67
    expect([ten.platformFee, ten.sellerSharePercent, ten.tierAmount]).toEqual(["166.67", "90", null]);
    const may = report.rows.find((row) => row.month === "2026-05" && row.productCode === "BIG")!;
    expect([may.tierIndex, may.sellerSharePercent, may.platformFee]).toEqual([1, "96", "20000.00"]);
  });

  it("shows the current month's gap to the next tier and a pace projection", async () => {
    const report = await buildFeeReport(feeReportQuerySchema.parse({}), deps());
    expect(report.month).toBe("2026-06");
    expect(report.months).toHaveLength(12);
    const gap = report.gaps.find((g) => g.productCode === "BIG")!;
    expect(gap.gap).toBe("43199.90");
    expect(gap.saving).toBe("5000.00");
    expect(gap.nextTier?.fromAmount).toBe("500000.00");
    expect(gap.daysLeft).toBe(11);
    expect(report.gaps.find((g) => g.productCode === "TEN")).toBeUndefined();
    expect(report.tiers.map((t) => t.fromAmount)).toEqual(["0.00", "500000.00", "1000000.00"]);
    const csv = feeReportCsv(report);
    expect(csv.split("\n")[0]).toContain("month,product_code,product_name");
    expect(csv).toContain("2026-06,BIG,产品 BIG,general,49,461800.10,-5000.00,456800.10,456800.10,1,95,433960.09,22840.01");
  });

  it("flags a planted difference in an imported bill, and nothing else", async () => {
    const bills = await testDb.db.bill.findMany({ where: { billId: "202606", category: "general" } });
    const uuid = bills[0]!.id;
    const exported = await exportBillLinesCsv(uuid, testDb);
    const clean = await importBill(uuid, { fileName: exported.fileName, content: exported.csv }, actor, deps());
    expect(clean.differences).toEqual([]);
    const planted = exported.csv
      .replace(/\nTEN-3,TEN,new,[^,]+,333\.33,10,33\.33,300\.00/, (line) => line.replace("33.33,300.00", "30.00,303.33"))
      .replace(/\nBIG-odd,[^\n]+/, "");
    expect(planted).not.toBe(exported.csv);
    const flagged = await importBill(uuid, { fileName: "marketplace.csv", content: `${planted}EXTRA-1,BIG,new,2026-06-01,12.00,5,0.60,11.40\n` }, actor, {
      db: testDb.db,
      now: () => new Date(NOW.getTime() + 60_000),
    });
    expect(flagged.differences.map((d) => [d.orderId, d.kind, d.console, d.imported])).toEqual([
      ["BIG-odd", "missing_in_import", "1800.00", null],
      ["EXTRA-1", "missing_in_console", null, "12.00"],
      ["TEN-3", "platform_fee", "33.33", "30.00"],
      ["TEN-3", "settlement", "300.00", "303.33"],
    ]);
    const detail = await getBill(uuid, testDb);
    expect(detail.imports[0]?.differenceCount).toBe(4);
  });

  it("exports bill lines to Excel and reconciles an .xlsx import, flagging a planted difference", async () => {
    const [bill] = await testDb.db.bill.findMany({ where: { billId: "202606", category: "general" } });
    const { fileName, content } = await exportBillLinesXlsx(bill!.id, testDb);
    expect(fileName).toBe("bill-202606-general.xlsx");
    const clean = await importBill(bill!.id, { fileName, contentBase64: content.toString("base64") }, actor, deps());
    expect([clean.lineCount, clean.differences]).toEqual([56, []]);

    // The marketplace's workbook: a title row, Chinese headers, one fee off by a fen.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(2) as unknown as (string | number)[][];
    const theirs = new ExcelJS.Workbook();
    const out = theirs.addWorksheet("账单明细");
    out.addRow(["账单 202606 通用商品"]);
    out.addRow(["订单号", "交易金额", "平台服务费", "应结算金额"]);
    for (const row of rows) {
      const [orderId, , , , amount, , fee, settlement] = row.slice(1);
      out.addRow([orderId, amount, orderId === "BIG-odd" ? Number(fee) + 0.01 : fee, settlement]);
    }
    const planted = Buffer.from(await theirs.xlsx.writeBuffer());
    const flagged = await importBill(bill!.id, { fileName: "marketplace.xlsx", contentBase64: planted.toString("base64") }, actor, deps());
    expect(flagged.differences).toEqual([{ orderId: "BIG-odd", kind: "platform_fee", console: "90.00", imported: "90.01" }]);
    expect(flagged.rowErrors).toEqual([]);

    await expect(importBill(bill!.id, { fileName: "broken.xlsx", contentBase64: Buffer.from("PK not a zip").toString("base64") }, actor, deps())).rejects.toThrow(
      /not a readable Excel workbook/,
    );
  });

  it("exports the fee report to Excel with the CSV's rows as numbers", async () => {
    const report = await buildFeeReport(feeReportQuerySchema.parse({ month: "2026-06" }), deps());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await feeReportXlsx(report)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const values = (sheet.getSheetValues().slice(1) as unknown as unknown[][]).map((row) => row.slice(1));
    expect(values[0]).toEqual(feeReportCsv(report).replace("\ufeff", "").split("\n")[0]!.split(","));
    const big = values.find((row) => row[0] === "2026-06" && row[1] === "BIG")!;
    expect(big).toEqual(["2026-06", "BIG", "产品 BIG", "general", 49, 461800.1, -5000, 456800.1, 456800.1, 1, 95, 433960.09, 22840.01]);
    const total = values.find((row) => row[0] === "2026-06" && row[1] === "TOTAL")!;
    expect(total[12]).toBe(Number(report.monthTotals.find((t) => t.month === "2026-06")!.platformFee));
    expect(workbook.getWorksheet("settings")?.getCell("B4").value).toBe("net");
  });

  it("keeps a history of status changes and freezes a paid bill", async () => {
    const [bill] = await testDb.db.bill.findMany({ where: { billId: "202606", category: "general" } });
    await setBillStatus(bill!.id, { status: "awaiting_payment_request", note: "会签通过" }, actor, deps());
    await setBillStatus(bill!.id, { status: "paid" }, actor, deps());
    const detail = await getBill(bill!.id, testDb);
    expect(detail.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ["awaiting_payment_request", "paid"],
      ["countersigning", "awaiting_payment_request"],
      [null, "countersigning"],
    ]);
    await expect(generateBill({ month: "2026-06", category: "general" }, actor, deps())).rejects.toThrow(/paid bill/);
    expect(await testDb.db.auditEvent.count({ where: { action: "bills.status_changed" } })).toBe(2);
  });

  it("puts 联营 products on their own bill at their own share", async () => {
    const { uuid } = await generateBill({ month: "2026-06", category: "joint" }, actor, deps());
    const bill = await getBill(uuid, testDb);
    expect([bill.amount, bill.platformFee, bill.lineCount]).toEqual(["1000.00", "300.00", 1]);
  });

  it("applies an owner-added policy from its date on", async () => {
    await createFeePolicy(
      {
        category: "general",
        effectiveFrom: "2026-06-10",
        eligibleRatioPercent: "5",
        tiers: [
          { fromAmount: "0", platformFeePercent: "5" },
          { fromAmount: "100000", platformFeePercent: "1" },
        ],
      },
      { id: null, email: "owner@example.com" },
      deps(),
    );
    const report = await buildFeeReport(feeReportQuerySchema.parse({ month: "2026-06", months: "1" }), deps());
    const big = report.rows.find((row) => row.productCode === "BIG")!;
    // Orders placed from 10 June (Beijing) fall under the new row; earlier ones keep 2024's.
    expect(big.platformFee).not.toBe("22840.01");
    expect(report.tiers.map((t) => t.fromAmount)).toEqual(["0.00", "100000.00"]);
  });
});
