import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_TEMPLATE } from "@/lib/contracts/invoice-templates";
import { AppError } from "@/server/errors";
import { createRequest } from "@/server/invoices/platform-fee/create-request";
import { issueRequest, readPdf, returnRequest, uploadPdf } from "@/server/invoices/platform-fee/change-request";
import { listEligibleBills } from "@/server/invoices/platform-fee/load-eligible-bills";
import { getRequest, listRequests } from "@/server/invoices/platform-fee/list-requests";
import { seedDemoPaidBill } from "@/server/invoices/platform-fee/seed-demo-paid-bill";
import { setPaymentRequestNo } from "@/server/invoices/platform-fee/set-payment-request-no";
import { activateTemplate } from "@/server/invoices/templates/activate-template";
import { createTemplate, updateTemplate } from "@/server/invoices/templates/save-template";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
const NOW = new Date("2026-07-20T10:00:00+08:00");
const deps = () => ({ db: testDb.db, now: () => NOW });
const finance = { id: null, email: "finance@example.com" };
const TEMPLATE = {
  ...EMPTY_TEMPLATE,
  invoiceKind: "digital_ordinary" as const,
  title: "深圳示例软件有限公司",
  taxpayerId: "914403001922038216",
  email: "finance@example.com",
};
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

type Line = [orderId: string, amount: string, fee: string];
const insertBill = async (billId: string, status: string, lines: Line[], category = "general") => {
  const id = randomUUID();
  const sum = (i: 1 | 2) => lines.reduce((total, line) => total + Math.round(Number(line[i]) * 100), 0) / 100; // fixture totals only
  await testDb.db.bill.create({ data: { id, billId, category, status, amount: String(sum(1)), platformFee: String(sum(2)), lineCount: lines.length } });
  await testDb.db.billLine.createMany({
    data: lines.map(([orderId, amount, fee]) => ({
      billUuid: id,
      orderId,
      productCode: "P1",
      kind: amount.startsWith("-") ? "refund" : "new",
      placedAt: NOW,
      attributedAt: NOW,
      amount,
      platformFeePercent: "5",
      platformFee: fee,
      settlement: "0",
    })),
  });
  return id;
};

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

let templateId: string;
let may: string, june: string, july: string, unpaid: string, joint: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  templateId = (await createTemplate(TEMPLATE, finance, deps())).id;
  may = await insertBill("202605", "paid", [["O1", "1000.00", "50.00"]]);
  june = await insertBill("202606", "paid", [["O2", "333.33", "16.67"]]);
  july = await insertBill("202607", "paid", [["O3", "300.00", "15.00"], ["O4", "-102.00", "-5.10"]]);
  unpaid = await insertBill("202604", "payment_processing", [["O0", "100.00", "5.00"]]);
  joint = await insertBill("202605", "paid", [["J1", "100.00", "5.00"]], "joint");
});
afterAll(async () => {
  await testDb?.close();
});

describe("platform-fee invoice requests", () => {
  it("offers only paid general bills and marks the ones with negative orders as forced", async () => {
    await setPaymentRequestNo(may, { paymentRequestNo: "PR2026001" }, finance, deps());
    await setPaymentRequestNo(june, { paymentRequestNo: "PR2026001" }, finance, deps());
    const { bills, forcedBillUuids } = await listEligibleBills(deps());
    expect(bills.map((b) => b.uuid)).toEqual([may, june, july]);
    expect(bills.map((b) => b.uuid)).not.toContain(unpaid);
    expect(bills.map((b) => b.uuid)).not.toContain(joint);
    expect(forcedBillUuids).toEqual([july]);
    expect(bills[2]).toMatchObject({ positiveFee: "15.00", negativeFee: "-5.10", platformFee: "9.90", lineCount: 2 });
    expect(bills[2]!.negativeLines).toEqual([{ orderId: "O4", kind: "refund", amount: "-102.00", platformFee: "-5.10" }]);
    expect(bills[0]!.negativeLines).toEqual([]);
  });

  it("refuses a template that is not active", async () => {
    const error = await rejection(createRequest({ billUuids: [may], templateId }, finance, deps()));
    expect(error.options.messageKey).toBe("invoices.platformFee.errors.templateNotActive");
  });

  it("submits the 申付单 group with the forced negative order, the net in decimal and the template snapshot", async () => {
    await activateTemplate(templateId, finance, deps());
    const created = await createRequest({ billUuids: [may], templateId }, finance, deps());
    expect(created.netAmount).toBe("76.57");
    expect(created.billUuids).toEqual([may, june, july]);
    // Later template edits do not touch the request's snapshot.
    await updateTemplate(templateId, { ...TEMPLATE, title: "深圳示例软件股份有限公司" }, finance, deps());
    const detail = await getRequest(created.id, deps());
    expect(detail).toMatchObject({
      status: "requested",
      positiveAmount: "81.67",
      negativeAmount: "-5.10",
      netAmount: "76.57",
      billIds: ["202605", "202606", "202607"],
      templateVersion: 1,
      templateTitle: "深圳示例软件有限公司",
    });
    expect(detail.templateSnapshot.taxpayerId).toBe("914403001922038216");
    expect(detail.negativeLines).toEqual([{ orderId: "O4", kind: "refund", amount: "-102.00", platformFee: "-5.10", billUuid: july, billId: "202607" }]);
    expect(detail.bills.map((b) => b.paymentRequestNo)).toEqual(["PR2026001", "PR2026001", null]);
  });

  it("never puts a bill in two open requests, even when submitted at the same moment", async () => {
    const again = await rejection(createRequest({ billUuids: [may], templateId }, finance, deps()));
    expect(again.code).toBe("CONFLICT");
    const fresh = await insertBill("202608", "paid", [["O8", "200.00", "10.00"]]);
    const results = await Promise.allSettled([1, 2, 3].map(() => createRequest({ billUuids: [fresh], templateId }, finance, deps())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof AppError)).toBe(true);
    expect(await testDb.db.platformFeeInvoiceRequestBill.count({ where: { billUuid: fresh } })).toBe(1);
  });

  it("moves requested → issued → returned and refuses every other move, leaving the data whole", async () => {
    const [request] = (await listRequests(deps())).requests.filter((r) => r.billIds.includes("202605"));
    const id = request!.id;
    expect((await rejection(returnRequest(id, { reason: "x", credited: true, courier: "", trackingNumber: "" }, finance, deps()))).code).toBe("VALIDATION_FAILED");
    expect((await rejection(returnRequest(id, { reason: "抬头有误，需要作废并重新开具", credited: true, courier: "", trackingNumber: "" }, finance, deps()))).code).toBe("CONFLICT");
    expect((await rejection(uploadPdf(id, { fileName: "a.pdf", contentBase64: PDF.toString("base64") }, finance, deps()))).code).toBe("CONFLICT");
    await issueRequest(id, { invoiceNumber: "26442000000012345678", invoiceDate: "2026-07-22" }, finance, deps());
    expect((await rejection(issueRequest(id, { invoiceNumber: "26442000000012345679", invoiceDate: "2026-07-22" }, finance, deps()))).code).toBe("CONFLICT");

    const notPdf = await rejection(uploadPdf(id, { fileName: "a.pdf", contentBase64: Buffer.from("hello").toString("base64") }, finance, deps()));
    expect(notPdf.options.messageKey).toBe("invoices.platformFee.errors.notPdf");
    const tooBig = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await rejection(uploadPdf(id, { fileName: "a.pdf", contentBase64: tooBig.toString("base64") }, finance, deps()))).code).toBe("PAYLOAD_TOO_LARGE");
    await uploadPdf(id, { fileName: "invoice.pdf", contentBase64: PDF.toString("base64") }, finance, deps());
    expect(Buffer.from((await readPdf(id, deps())).content).equals(PDF)).toBe(true);

    const missingTracking = await rejection(returnRequest(id, { reason: "金额有误", credited: false, courier: "顺丰速运", trackingNumber: "" }, finance, deps()));
    expect(missingTracking.options.issues?.map((i) => i.path)).toEqual(["trackingNumber"]);
    expect((await getRequest(id, deps())).status).toBe("issued");
    await returnRequest(id, { reason: "金额有误", credited: false, courier: "顺丰速运", trackingNumber: "SF1234567890" }, finance, deps());
    const returned = await getRequest(id, deps());
    expect(returned).toMatchObject({ status: "returned", invoiceNumber: "26442000000012345678", returnCourier: "顺丰速运", returnTrackingNumber: "SF1234567890", hasPdf: true });
    expect((await rejection(returnRequest(id, { reason: "again", credited: false, courier: "x", trackingNumber: "SF1234567890" }, finance, deps()))).code).toBe("CONFLICT");
    expect((await rejection(issueRequest(id, { invoiceNumber: "26442000000012345678", invoiceDate: "2026-07-22" }, finance, deps()))).code).toBe("CONFLICT");

    // A returned request frees its bills for a new request.
    expect((await listEligibleBills(deps())).bills.map((b) => b.uuid)).toEqual([may, june, july]);
    const actions = (await testDb.db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["platform_fee_invoices.requested", "platform_fee_invoices.issued", "platform_fee_invoices.pdf_uploaded", "platform_fee_invoices.returned"]);
  });

  it("refuses bills that are not eligible", async () => {
    const error = await rejection(createRequest({ billUuids: [unpaid], templateId }, finance, deps()));
    expect(error.options.issues?.[0]?.code).toBe("invoices.platformFee.errors.billNotEligible");
  });

  it("seeds a demo paid bill whose refund is a forced negative order", async () => {
    const { billUuid } = await seedDemoPaidBill({ month: "2025-01" }, finance, deps());
    const { bills, forcedBillUuids } = await listEligibleBills(deps());
    const bill = bills.find((b) => b.uuid === billUuid)!;
    expect(bill).toMatchObject({ billId: "202501", amount: "1500.00", platformFee: "75.00" });
    expect(bill).toMatchObject({ positiveFee: "100.00", negativeFee: "-25.00" });
    expect(bill.negativeLines.map((l) => [l.kind, l.amount, l.platformFee])).toEqual([["refund", "-500.00", "-25.00"]]);
    expect(forcedBillUuids).toContain(billUuid);
    expect((await rejection(seedDemoPaidBill({ month: "2025-01" }, finance, deps()))).code).toBe("CONFLICT");
  });
});
