import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckCharacter } from "@/domain/invoices/unified-social-credit-code";
import { buyerInvoiceActionInputSchema, createBuyerInvoiceInputSchema } from "@/lib/contracts/buyer-invoices";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";
import { actOnBuyerInvoice } from "./act-on-buyer-invoice";
import { checkOrderRefund } from "./check-order-refund";
import { createBuyerInvoice } from "./create-buyer-invoice";
import { getBuyerInvoice } from "./get-buyer-invoice";
import { listBuyerInvoices } from "./list-buyer-invoices";

let testDb: TestDatabase;
const clock = new Date("2026-11-12T02:00:00Z");
const deps = () => testDeps(testDb.db, () => clock);
const actor = { id: null, email: "finance@example.com" };
const first17 = "91440300708461136";
const TAX_ID = first17 + creditCodeCheckCharacter(first17)!;

const input = (overrides: Record<string, unknown> = {}) =>
  createBuyerInvoiceInputSchema.parse({
    orderId: "CS-INV-1",
    titleType: "enterprise",
    title: "华东示例科技有限公司",
    taxpayerId: TAX_ID,
    invoiceKind: "special_digital",
    receiverEmail: "ap@example.cn",
    requestedAt: "2026-11-10",
    ...overrides,
  });
const act = (id: string, body: Record<string, unknown>) => actOnBuyerInvoice(id, buyerInvoiceActionInputSchema.parse(body), actor, deps());

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.db.order.create({ data: { id: randomUUID(), orderId: "CS-INV-1", customerName: "华东示例科技", amount: "1200.000", amountAfterDiscount: "1000.500" } });
  await testDb.db.order.create({ data: { id: randomUUID(), orderId: "CS-INV-REFUND", customerName: "退订客户", amount: null, amountAfterDiscount: "-50" } });
});
afterAll(async () => testDb?.close());

describe(`buyer invoice requests on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("refuses a request the marketplace would refuse", () => {
    const special = createBuyerInvoiceInputSchema.safeParse({ ...input(), titleType: "individual" });
    expect(special.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["invoiceKind", "buyerInvoices.errors.specialOnlyForEnterprise"]]);
  });

  it("creates a request for a stored order at the order's amount after discounts, once per order", async () => {
    await expect(createBuyerInvoice(input({ orderId: "NOPE" }), actor, deps())).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(createBuyerInvoice(input({ orderId: "CS-INV-REFUND" }), actor, deps())).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const { id } = await createBuyerInvoice(input(), actor, deps());
    const detail = await getBuyerInvoice(id, deps());
    expect(detail).toMatchObject({ orderId: "CS-INV-1", buyerName: "华东示例科技", amount: "1000.50", status: "pending_review", actions: ["approve", "reject"], issueDaysLeft: 5 });
    expect(detail.refund).toMatchObject({ refundable: false, reason: "requestOpen" });
    await expect(createBuyerInvoice(input(), actor, deps())).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("walks 待审核 → 待开票 → 待签收 → 已完成, refuses illegal moves, blocks the refund until returned", async () => {
    const [request] = (await listBuyerInvoices({ orderId: "CS-INV-1" }, deps())).requests;
    const id = request!.id;
    await expect(act(id, { action: "sign" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(act(id, { action: "return", reason: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    await act(id, { action: "approve" });
    await expect(act(id, { action: "approve" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(act(id, { action: "reject", reason: "late" })).rejects.toMatchObject({ code: "CONFLICT" });
    await act(id, { action: "issue", invoiceNumber: "26442000000000000001", invoiceDate: "2026-11-12" });
    expect(await checkOrderRefund("CS-INV-1", deps())).toEqual({
      refundable: false,
      reason: "invoiceIssued",
      requestIds: [id],
      invoiceNumbers: ["26442000000000000001"],
    });
    await act(id, { action: "sign" });
    expect((await getBuyerInvoice(id, deps())).actions).toEqual(["return"]);
    await act(id, { action: "return", reason: "买家申请退订" });
    const detail = await getBuyerInvoice(id, deps());
    expect(detail).toMatchObject({ status: "returned", reason: "买家申请退订", actions: [], refund: { refundable: true }, invoiceNumber: "26442000000000000001" });
    expect(detail.events.map((event) => event.action)).toEqual(["create", "approve", "issue", "sign", "return"]);
    expect(await testDb.db.auditEvent.count({ where: { targetType: "buyer_invoice_request", targetId: id } })).toBe(5);
  });

  it("rejects with a reason and filters by status", async () => {
    const { id } = await createBuyerInvoice(input({ titleType: "individual", taxpayerId: "", title: "张三", invoiceKind: "ordinary_paper", receiverEmail: "", mailingRecipient: "张三", mailingPhone: "13800000000", mailingAddress: "深圳市南山区" }), actor, deps());
    await act(id, { action: "reject", reason: "抬头与实名不符" });
    expect(await getBuyerInvoice(id, deps())).toMatchObject({ status: "rejected", reason: "抬头与实名不符" });
    expect((await listBuyerInvoices({ status: "rejected" }, deps())).requests.map((r) => r.id)).toEqual([id]);
    expect(buyerInvoiceActionInputSchema.safeParse({ action: "reject", reason: " " }).success).toBe(false);
  });

  it("lets only one operator win a race on the same request", async () => {
    const { id } = await createBuyerInvoice(input(), actor, deps());
    const results = await Promise.allSettled([act(id, { action: "approve" }), act(id, { action: "reject", reason: "dup" })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });
});
