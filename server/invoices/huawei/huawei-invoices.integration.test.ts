import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckCharacter } from "@/domain/invoices/unified-social-credit-code";
import { checklistInputSchema, huaweiBuyerInputSchema } from "@/lib/contracts/huawei-invoices";
import { setBillStatus } from "@/server/bills/set-bill-status";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";
import { getHuaweiChecklist } from "./get-huawei-checklist";
import { getHuaweiBuyer, updateHuaweiBuyer } from "./huawei-buyer";
import { listHuaweiInvoiceBills } from "./list-huawei-invoice-bills";
import { recordHuaweiInvoice, removeHuaweiInvoice } from "./record-huawei-invoice";
import { saveHuaweiChecklist } from "./save-huawei-checklist";

let testDb: TestDatabase;
let clock = new Date("2026-12-01T02:00:00Z");
const deps = () => testDeps(testDb.db, () => clock);
const actor = { id: null, email: "finance@example.com" };
const first17 = "91440300708461136";
const TAX_ID = first17 + creditCodeCheckCharacter(first17)!;

const jointBill = randomUUID();
const generalBill = randomUUID();

beforeAll(async () => {
  testDb = await createTestDatabase();
  const line = (billUuid: string, productCode: string, settlement: string) => ({
    billUuid,
    orderId: `O-${randomUUID().slice(0, 8)}`,
    productCode,
    kind: "new",
    placedAt: new Date("2026-10-05T00:00:00Z"),
    attributedAt: new Date("2026-10-05T00:00:00Z"),
    amount: settlement,
    platformFeePercent: "0",
    platformFee: "0",
    settlement,
  });
  await testDb.db.bill.create({ data: { id: jointBill, billId: "202610", category: "joint", amount: "1200", platformFee: "200", settlement: "1000", lineCount: 3 } });
  await testDb.db.bill.create({ data: { id: generalBill, billId: "202610", category: "general", status: "awaiting_invoice", amount: "10", settlement: "9.5" } });
  await testDb.db.billLine.createMany({ data: [line(jointBill, "SAAS-1", "400"), line(jointBill, "SAAS-1", "200"), line(jointBill, "LIC-2", "400")] });
});
afterAll(async () => testDb?.close());

describe(`invoices to Huawei on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("lists joint-operation bills once they reach 待开票, never general bills, with the deadline from the first 待开票", async () => {
    expect((await listHuaweiInvoiceBills(deps())).bills).toEqual([]);
    clock = new Date("2026-11-05T02:00:00Z");
    await setBillStatus(jointBill, { status: "awaiting_invoice" }, actor, deps());
    clock = new Date("2026-11-30T02:00:00Z");
    const { bills } = await listHuaweiInvoiceBills(deps());
    expect(bills).toHaveLength(1);
    expect(bills[0]).toMatchObject({ billUuid: jointBill, billStatus: "awaiting_invoice", settlement: "1000.00", invoicesNeeded: null });
    expect(bills[0]!.deadline).toEqual({ kind: "dueSoon", deadline: "2026-12-05", daysLeft: 5 });
  });

  it("computes the split from the bill lines before anything is saved, at the default rate", async () => {
    const detail = await getHuaweiChecklist(jointBill, deps());
    expect(detail.products).toEqual([
      { productCode: "LIC-2", settlement: "400.00", taxRatePercent: "6" },
      { productCode: "SAAS-1", settlement: "600.00", taxRatePercent: "6" },
    ]);
    expect(detail.split.map((part) => [part.taxRatePercent, part.amount])).toEqual([["6", "1000.00"]]);
    expect(detail.remark).toBeNull();
    expect(detail.printable).toBe(false);
  });

  it("keeps the buyer details, validating the taxpayer ID, and audits the change", async () => {
    const before = await getHuaweiBuyer(deps());
    expect(before.bankAccount).toBe("4000056019100216486");
    expect(before.problems).toEqual([{ field: "taxpayerId", problem: "required" }]);
    const wrong = huaweiBuyerInputSchema.safeParse({ ...before, taxpayerId: first17 + "0" === TAX_ID ? first17 + "1" : first17 + "0" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("huaweiInvoices.errors.creditCode.checkCharacter");
    const saved = await updateHuaweiBuyer(huaweiBuyerInputSchema.parse({ ...before, taxpayerId: TAX_ID.toLowerCase() }), actor, deps());
    expect(saved).toMatchObject({ taxpayerId: TAX_ID, problems: [], updatedBy: "finance@example.com" });
    const audit = await testDb.db.auditEvent.findFirst({ where: { action: "invoices.huawei_buyer_updated" } });
    expect(audit?.details).toEqual({ changed: ["taxpayerId"] });
  });

  it("saves the checklist, splits per tax rate to the fen, and writes the remark", async () => {
    const input = checklistInputSchema.parse({
      paymentRequestNo: "SF2026110001",
      settlementPeriod: "2026年10月",
      invoiceAmount: "1000.01",
      productRates: { "SAAS-1": "6", "LIC-2": "13" },
      noticeDate: "",
    });
    await saveHuaweiChecklist(jointBill, input, actor, deps());
    const detail = await getHuaweiChecklist(jointBill, deps());
    expect(detail.split.map(({ invoice: _invoice, ...part }) => part)).toEqual([
      { taxRatePercent: "6", amount: "600.01", amountExcludingTax: "566.05", tax: "33.96" },
      { taxRatePercent: "13", amount: "400.00", amountExcludingTax: "353.98", tax: "46.02" },
    ]);
    expect(detail.remark).toBe("申付单号：SF2026110001；对账期次：2026年10月");
    expect(detail.printable).toBe(true);
    expect(await testDb.db.auditEvent.count({ where: { action: "invoices.huawei_checklist_saved" } })).toBe(1);
  });

  it("records an invoice per rate, clears the reminder when all are in, and protects the amount afterwards", async () => {
    await recordHuaweiInvoice(jointBill, { taxRatePercent: "6", invoiceNumber: "24442000000012345678", invoiceDate: "2026-11-30" }, actor, deps());
    let row = (await listHuaweiInvoiceBills(deps())).bills[0]!;
    expect(row).toMatchObject({ invoicesRecorded: 1, invoicesNeeded: 2, deadline: { kind: "dueSoon" } });
    await expect(recordHuaweiInvoice(jointBill, { taxRatePercent: "9", invoiceNumber: "12345678", invoiceDate: "2026-11-30" }, actor, deps())).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await recordHuaweiInvoice(jointBill, { taxRatePercent: "13.00", invoiceNumber: "24442000000012345679", invoiceDate: "2026-11-30" }, actor, deps());
    row = (await listHuaweiInvoiceBills(deps())).bills[0]!;
    expect(row).toMatchObject({ invoicesRecorded: 2, invoicesNeeded: 2, deadline: { kind: "issued" } });
    const detail = await getHuaweiChecklist(jointBill, deps());
    expect(detail.split[1]!.invoice).toMatchObject({ invoiceNumber: "24442000000012345679", invoiceDate: "2026-11-30", amount: "400.00" });

    const changed = checklistInputSchema.parse({ paymentRequestNo: "SF2026110001", settlementPeriod: "2026年10月", invoiceAmount: "999", productRates: { "SAAS-1": "6", "LIC-2": "13" }, noticeDate: null });
    await expect(saveHuaweiChecklist(jointBill, changed, actor, deps())).rejects.toMatchObject({ code: "CONFLICT" });
    await removeHuaweiInvoice(jointBill, "13", actor, deps());
    await removeHuaweiInvoice(jointBill, "6", actor, deps());
    await saveHuaweiChecklist(jointBill, changed, actor, deps());
    expect((await getHuaweiChecklist(jointBill, deps())).split.map((part) => part.amount)).toEqual(["599.40", "399.60"]);
    expect(await testDb.db.auditEvent.count({ where: { action: { in: ["invoices.huawei_invoice_recorded", "invoices.huawei_invoice_voided"] } } })).toBe(4);
  });

  it("counts the deadline from an earlier notice date and flags it overdue", async () => {
    const input = checklistInputSchema.parse({ paymentRequestNo: "SF2026110001", settlementPeriod: "2026年10月", invoiceAmount: "999", productRates: { "SAAS-1": "6", "LIC-2": "13" }, noticeDate: "2026-10-20" });
    await saveHuaweiChecklist(jointBill, input, actor, deps());
    const detail = await getHuaweiChecklist(jointBill, deps());
    expect(detail.deadline).toEqual({ kind: "overdue", deadline: "2026-11-20", daysOverdue: 10 });
  });

  it("refuses general-product bills", async () => {
    await expect(getHuaweiChecklist(generalBill, deps())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
