import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { resolveSelection } from "@/domain/invoices/platform-fee/platform-fee-request";
import type { CreateRequestInput } from "@/lib/contracts/platform-fee-invoices";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { loadEligibleBills } from "@/server/invoices/platform-fee/load-eligible-bills";
import { contentOf } from "@/server/invoices/templates/template-dto";

const PROBLEMS = {
  unknownBill: { message: "A selected bill is not a paid general-product bill free to invoice (it may be in another request).", key: "invoices.platformFee.errors.billNotEligible" },
  empty: { message: "Select at least one paid bill.", key: "invoices.platformFee.errors.noBills" },
  netNotPositive: { message: "The net platform fee of the selection is not positive; add bills.", key: "invoices.platformFee.errors.netNotPositive" },
} as const;

// Submits a request: the ticks widened to whole 申付单 groups plus the forced negative orders, the
// amounts summed in decimal, and the active template's current version copied into the request.
export const createRequest = async (
  input: CreateRequestInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<{ id: string; netAmount: string; billUuids: string[] }> => {
  const now = deps.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      // The template row is shared-locked: an activation (which locks every template) waits for us.
      const [template] = await tx.$queryRaw<{ status: string; current_version: number }[]>`
        SELECT status, current_version FROM invoice_templates WHERE id = ${input.templateId}::uuid FOR SHARE`;
      if (!template || template.status !== "active") {
        throw new AppError("CONFLICT", "Choose the active invoice template.", {
          messageKey: "invoices.platformFee.errors.templateNotActive",
          issues: [{ path: "templateId", code: "invoices.platformFee.errors.templateNotActive", message: "Choose the active invoice template." }],
        });
      }
      const version = await tx.invoiceTemplateVersion.findUniqueOrThrow({
        where: { templateId_version: { templateId: input.templateId, version: template.current_version } },
      });
      const eligible = await loadEligibleBills(tx, { lock: true });
      const result = resolveSelection(eligible, input.billUuids);
      if (!result.ok) {
        const problem = PROBLEMS[result.problem];
        throw new AppError(result.problem === "unknownBill" ? "CONFLICT" : "VALIDATION_FAILED", problem.message, {
          messageKey: problem.key,
          issues: [{ path: "billUuids", code: problem.key, message: problem.message }],
        });
      }
      const { selection } = result;
      const id = randomUUID();
      const snapshot = contentOf(version);
      await tx.platformFeeInvoiceRequest.create({
        data: {
          id,
          status: "requested",
          positiveAmount: selection.positive.toFixed(3),
          negativeAmount: selection.negative.toFixed(3),
          netAmount: selection.net.toFixed(3),
          templateId: input.templateId,
          templateVersion: version.version,
          templateSnapshot: snapshot,
          negativeLines: selection.negativeLines,
          requestedBy: actor.email,
          requestedAt: now,
          updatedAt: now,
        },
      });
      const byUuid = new Map(eligible.map((bill) => [bill.uuid, bill]));
      await tx.platformFeeInvoiceRequestBill.createMany({
        data: selection.billUuids.map((uuid) => {
          const bill = byUuid.get(uuid)!;
          return { requestId: id, billUuid: uuid, openBillUuid: uuid, billId: bill.billId, paymentRequestNo: bill.paymentRequestNo, platformFee: bill.platformFee };
        }),
      });
      await recordAuditEvent(
        tx,
        {
          actor,
          action: "platform_fee_invoices.requested",
          targetType: "platform_fee_invoice_request",
          targetId: id,
          ipAddress: actor.ipAddress,
          details: { bills: selection.billUuids.map((uuid) => byUuid.get(uuid)!.billId), netAmount: selection.net.toFixed(2), templateId: input.templateId, templateVersion: version.version },
        },
        now,
      );
      return { id, netAmount: selection.net.toFixed(2), billUuids: selection.billUuids };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "A selected bill is already in an open request.", {
        messageKey: "invoices.platformFee.errors.billNotEligible",
        issues: [{ path: "billUuids", code: "invoices.platformFee.errors.billNotEligible", message: "A selected bill is already in an open request." }],
      });
    }
    throw error;
  }
};
