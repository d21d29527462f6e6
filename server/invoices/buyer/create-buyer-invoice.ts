import { randomUUID } from "node:crypto";
import { money } from "@/domain/fees/money";
import type { CreateBuyerInvoiceInput } from "@/lib/contracts/buyer-invoices";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

const OFFSET_MS = 8 * 3_600_000;

// Finance enters a buyer's request by hand: the marketplace's own request feed (卖家中心 › 发票管理 › 给用户开票)
// is not described in the reference, so the console cannot pull requests. The buyer and the amount come from
// the stored order: invoicing is by the full order amount only (after vouchers and discounts, which are not
// invoiced), never a custom amount.
export const createBuyerInvoice = async (
  input: CreateBuyerInvoiceInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<{ id: string }> => {
  const now = deps.now();
  const order = await deps.db.order.findUnique({ where: { orderId: input.orderId } });
  if (!order) {
    throw new AppError("VALIDATION_FAILED", "No stored order has this ID.", {
      messageKey: "buyerInvoices.errors.orderNotFound",
      issues: [{ path: "orderId", code: "buyerInvoices.errors.orderNotFound", message: "buyerInvoices.errors.orderNotFound" }],
    });
  }
  const rawAmount = order.amountAfterDiscount ?? order.amount;
  if (!rawAmount || money(rawAmount.toString()).lte(0)) {
    throw new AppError("VALIDATION_FAILED", "The order has no positive amount to invoice.", {
      messageKey: "buyerInvoices.errors.orderNotInvoiceable",
      issues: [{ path: "orderId", code: "buyerInvoices.errors.orderNotInvoiceable", message: "buyerInvoices.errors.orderNotInvoiceable" }],
    });
  }
  const amount = money(rawAmount.toString()).toFixed(2);
  const requestedAt = input.requestedAt ? new Date(Date.parse(`${input.requestedAt}T00:00:00Z`) - OFFSET_MS) : now;
  const id = randomUUID();
  await deps.db.$transaction(async (tx) => {
    // One live request per order: a second one waits until the first is rejected or returned.
    const live = await tx.buyerInvoiceRequest.findFirst({ where: { orderId: order.orderId, status: { notIn: ["rejected", "returned"] } }, select: { id: true } });
    if (live) {
      throw new AppError("CONFLICT", "This order already has an invoice request in progress.", { messageKey: "buyerInvoices.errors.requestExists" });
    }
    await tx.buyerInvoiceRequest.create({
      data: {
        id,
        orderId: order.orderId,
        buyerName: order.customerName ?? order.customerId ?? order.orderId,
        amount,
        titleType: input.titleType,
        title: input.title,
        taxpayerId: input.taxpayerId ?? null,
        invoiceKind: input.invoiceKind,
        receiverEmail: input.receiverEmail ?? null,
        mailingRecipient: input.mailingRecipient ?? null,
        mailingPhone: input.mailingPhone ?? null,
        mailingAddress: input.mailingAddress ?? null,
        status: "pending_review",
        requestedAt,
        source: "manual",
        createdBy: actor.email,
        createdAt: now,
        updatedAt: now,
      },
    });
    await tx.buyerInvoiceRequestEvent.create({ data: { requestId: id, action: "create", fromStatus: null, toStatus: "pending_review", actorEmail: actor.email, occurredAt: now } });
    await recordAuditEvent(
      tx,
      {
        actor,
        action: "invoices.buyer_request_created",
        targetType: "buyer_invoice_request",
        targetId: id,
        ipAddress: actor.ipAddress,
        details: { orderId: order.orderId, amount, invoiceKind: input.invoiceKind, titleType: input.titleType },
      },
      now,
    );
  });
  return { id };
};
