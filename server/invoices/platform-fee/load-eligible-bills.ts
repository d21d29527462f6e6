import { monthOfBillId } from "@/domain/fees/beijing-month";
import { forcedBills, type EligibleBill } from "@/domain/invoices/platform-fee/platform-fee-request";
import type { EligibleBillDto } from "@/lib/contracts/platform-fee-invoices";
import { fen } from "@/server/bills/bill-dto";
import type { Deps } from "@/server/deps";

type Tx = Pick<Deps["db"], "$queryRaw">;

type BillRow = { id: string; bill_id: string; amount: string; platform_fee: string; payment_request_no: string | null };
type LineRow = { bill_uuid: string; order_id: string; kind: string; amount: string; platform_fee: string };

// Paid general-product bills not in an open request (§3b: only 已支付 通用商品 bills). With
// `lock`, the bills are locked for the rest of the transaction so two submissions cannot take the same bill.
export const loadEligibleBills = async (db: Tx, options: { lock?: boolean } = {}): Promise<EligibleBillDto[]> => {
  const bills = options.lock
    ? await db.$queryRaw<BillRow[]>`
        SELECT b.id::text AS id, b.bill_id, b.amount::text AS amount, b.platform_fee::text AS platform_fee, p.payment_request_no
          FROM bills b LEFT JOIN invoice_bill_payment_requests p ON p.bill_uuid = b.id
         WHERE b.category = 'general' AND b.status = 'paid'
           AND NOT EXISTS (SELECT 1 FROM platform_fee_invoice_request_bills r WHERE r.open_bill_uuid = b.id)
         ORDER BY b.bill_id, b.id
           FOR UPDATE OF b`
    : await db.$queryRaw<BillRow[]>`
        SELECT b.id::text AS id, b.bill_id, b.amount::text AS amount, b.platform_fee::text AS platform_fee, p.payment_request_no
          FROM bills b LEFT JOIN invoice_bill_payment_requests p ON p.bill_uuid = b.id
         WHERE b.category = 'general' AND b.status = 'paid'
           AND NOT EXISTS (SELECT 1 FROM platform_fee_invoice_request_bills r WHERE r.open_bill_uuid = b.id)
         ORDER BY b.bill_id, b.id`;
  if (bills.length === 0) return [];
  const uuids = bills.map((bill) => bill.id);
  const lines = await db.$queryRaw<LineRow[]>`
    SELECT bill_uuid::text AS bill_uuid, order_id, kind, amount::text AS amount, platform_fee::text AS platform_fee
      FROM bill_lines WHERE bill_uuid = ANY(${uuids}::uuid[]) ORDER BY attributed_at, order_id`;
  return bills.map((bill) => ({
    uuid: bill.id,
    billId: bill.bill_id,
    month: monthOfBillId(bill.bill_id) ?? bill.bill_id,
    paymentRequestNo: bill.payment_request_no,
    amount: fen(bill.amount),
    platformFee: fen(bill.platform_fee),
    lines: lines
      .filter((line) => line.bill_uuid === bill.id)
      .map((line) => ({ orderId: line.order_id, kind: line.kind, amount: fen(line.amount), platformFee: fen(line.platform_fee) })),
  }));
};

export const toEligible = (bills: EligibleBillDto[]): EligibleBill[] =>
  bills.map((bill) => ({ uuid: bill.uuid, billId: bill.billId, paymentRequestNo: bill.paymentRequestNo, platformFee: bill.platformFee, lines: bill.lines }));

export const listEligibleBills = async (deps: Pick<Deps, "db">): Promise<{ bills: EligibleBillDto[]; forcedBillUuids: string[] }> => {
  const bills = await loadEligibleBills(deps.db);
  return { bills, forcedBillUuids: forcedBills(toEligible(bills)) };
};
