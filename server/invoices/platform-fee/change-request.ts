import { checkPdf, MAX_PDF_BYTES, nextStatus, validateReturn, type RequestAction, type RequestStatus } from "@/domain/invoices/platform-fee/platform-fee-request";
import type { IssueRequestInput, ReturnRequestInput, UploadPdfInput } from "@/lib/contracts/platform-fee-invoices";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

type Actor = AuditActor & { ipAddress?: string | null };
type Tx = Parameters<Parameters<Deps["db"]["$transaction"]>[0]>[0];

// Locks the request and checks the action is allowed from its status; every other move is refused.
const lockFor = async (tx: Tx, requestId: string, action: RequestAction): Promise<{ from: RequestStatus; to: RequestStatus }> => {
  const [row] = await tx.$queryRaw<{ status: RequestStatus }[]>`SELECT status FROM platform_fee_invoice_requests WHERE id = ${requestId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "No such platform-fee invoice request.", { messageKey: "invoices.platformFee.notFound" });
  const to = nextStatus(row.status, action);
  if (!to) {
    throw new AppError("CONFLICT", `A request that is ${row.status} cannot take the action ${action}.`, { messageKey: `invoices.platformFee.errors.illegal.${action}` });
  }
  return { from: row.status, to };
};

const audit = (tx: Tx, actor: Actor, action: string, requestId: string, details: Record<string, unknown>, now: Date) =>
  recordAuditEvent(tx, { actor, action, targetType: "platform_fee_invoice_request", targetId: requestId, ipAddress: actor.ipAddress, details }, now);

// Huawei issued the invoice: record its number and date.
export const issueRequest = async (requestId: string, input: IssueRequestInput, actor: Actor, deps: Pick<Deps, "db" | "now">): Promise<void> => {
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const { from, to } = await lockFor(tx, requestId, "issue");
    await tx.platformFeeInvoiceRequest.update({
      where: { id: requestId },
      data: { status: to, invoiceNumber: input.invoiceNumber, invoiceDate: new Date(`${input.invoiceDate}T00:00:00Z`), issuedAt: now, issuedBy: actor.email, updatedAt: now },
    });
    await audit(tx, actor, "platform_fee_invoices.issued", requestId, { from, to, invoiceNumber: input.invoiceNumber }, now);
  });
};

const PDF_PROBLEMS = {
  empty: { message: "The file is empty.", key: "invoices.platformFee.errors.pdfEmpty" },
  tooLarge: { message: `The PDF is larger than ${MAX_PDF_BYTES / 1024 / 1024} MiB.`, key: "invoices.platformFee.errors.pdfTooLarge" },
  notPdf: { message: "The file is not a PDF.", key: "invoices.platformFee.errors.notPdf" },
} as const;

// The issued invoice's PDF, kept in the database (replaces an earlier upload).
export const uploadPdf = async (requestId: string, input: UploadPdfInput, actor: Actor, deps: Pick<Deps, "db" | "now">): Promise<{ byteSize: number }> => {
  const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64) ? Buffer.from(input.contentBase64, "base64") : Buffer.alloc(0);
  const problem = bytes.byteLength === 0 && input.contentBase64.length > 0 ? "notPdf" : checkPdf(bytes);
  if (problem) {
    const { message, key } = PDF_PROBLEMS[problem];
    throw new AppError(problem === "tooLarge" ? "PAYLOAD_TOO_LARGE" : "VALIDATION_FAILED", message, { messageKey: key, issues: [{ path: "file", code: key, message }] });
  }
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    await lockFor(tx, requestId, "attachPdf");
    const data = { fileName: input.fileName, byteSize: bytes.byteLength, content: new Uint8Array(bytes), uploadedBy: actor.email, uploadedAt: now };
    await tx.platformFeeInvoicePdf.upsert({ where: { requestId }, create: { requestId, ...data }, update: data });
    await tx.platformFeeInvoiceRequest.update({ where: { id: requestId }, data: { updatedAt: now } });
    await audit(tx, actor, "platform_fee_invoices.pdf_uploaded", requestId, { fileName: input.fileName, byteSize: bytes.byteLength }, now);
  });
  return { byteSize: bytes.byteLength };
};

export const readPdf = async (requestId: string, deps: Pick<Deps, "db">): Promise<{ fileName: string; content: Uint8Array }> => {
  const pdf = await deps.db.platformFeeInvoicePdf.findUnique({ where: { requestId } });
  if (!pdf) throw new AppError("NOT_FOUND", "No PDF was uploaded for this request.", { messageKey: "invoices.platformFee.errors.noPdf" });
  return { fileName: pdf.fileName, content: pdf.content };
};

// 退回发票: the reason and, unless the invoice was already credited, how it goes back. The bills are
// free to be requested again.
export const returnRequest = async (requestId: string, input: ReturnRequestInput, actor: Actor, deps: Pick<Deps, "db" | "now">): Promise<void> => {
  const issues = validateReturn(input);
  if (issues.length) {
    throw new AppError("VALIDATION_FAILED", "The return has invalid fields.", {
      messageKey: "errors.validation",
      issues: issues.map((issue) => ({ ...issue, message: issue.code })),
    });
  }
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const { from, to } = await lockFor(tx, requestId, "return");
    await tx.platformFeeInvoiceRequest.update({
      where: { id: requestId },
      data: {
        status: to,
        returnReason: input.reason.trim(),
        returnCredited: input.credited,
        returnCourier: input.credited ? null : input.courier.trim(),
        returnTrackingNumber: input.credited ? null : input.trackingNumber.trim(),
        returnedAt: now,
        returnedBy: actor.email,
        updatedAt: now,
      },
    });
    await tx.platformFeeInvoiceRequestBill.updateMany({ where: { requestId }, data: { openBillUuid: null } });
    await audit(tx, actor, "platform_fee_invoices.returned", requestId, { from, to, credited: input.credited }, now);
  });
};
