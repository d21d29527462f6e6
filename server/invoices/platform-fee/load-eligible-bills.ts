import { monthOfBillId } from "@/domain/fees/beijing-month";
import { forcedBills } from "@/domain/invoices/platform-fee/platform-fee-request";
import type { EligibleBillDto } from "@/lib/contracts/platform-fee-invoices";
import { fen } from "@/server/bills/bill-dto";
import type { Deps } from "@/server/deps";

type Tx = Pick<Deps["db"], "$queryRaw">;

type BillRow = {
  id: string;
  bill_id: string;
  amount: string;
  platform_fee: string;
  line_count: number;
  payment_request_no: string | null;
  positive_fee: string;
  negative_fee: string;
};
type LineRow = { bill_uuid: string; order_id: string; kind: string; amount: string; platform_fee: string };

// Paid general-product bills not in an open request (§3b: only 已支付 通用商品 bills), with their
// platform fee split into positive and negative lines in SQL and only the negative lines read.
// With `lock`, the bills are locked for the rest of the transaction.
export const loadEligibleBills = async (db: Tx, options: { lock?: boolean } = {}): Promise<EligibleBillDto[]> => {
  const bills = options.lock
    ? await db.$queryRaw<{ id: string }[]>`
        SELECT b.id::text AS id FROM bills b
         WHERE b.category = 'general' AND b.status = 'paid'
           AND NOT EXISTS (SELECT 1 FROM platform_fee_invoice_request_bills r WHERE r.open_bill_uuid = b.id)
         ORDER BY b.id FOR UPDATE`
    : null;
  if (bills?.length === 0) return [];
  const rows = await db.$queryRaw<BillRow[]>`
    SELECT b.id::text AS id, b.bill_id, b.amount::text AS amount, b.platform_fee::text AS platform_fee, b.line_count,
           p.payment_request_no,
           COALESCE((SELECT SUM(l.platform_fee) FROM bill_lines l WHERE l.bill_uuid = b.id AND l.platform_fee > 0), 0)::text AS positive_fee,
           COALESCE((SELECT SUM(l.platform_fee) FROM bill_lines l WHERE l.bill_uuid = b.id AND l.platform_fee < 0), 0)::text AS negative_fee
      FROM bills b LEFT JOIN invoice_bill_payment_requests p ON p.bill_uuid = b.id
     WHERE b.category = 'general' AND b.status = 'paid'
       AND NOT EXISTS (SELECT 1 FROM platform_fee_invoice_request_bills r WHERE r.open_bill_uuid = b.id)
     ORDER BY b.bill_id, b.id`;
  if (rows.length === 0) return [];
  const uuids = rows.map((row) => row.id);
  const negatives = await db.$queryRaw<LineRow[]>`
    SELECT bill_uuid::text AS bill_uuid, order_id, kind, amount::text AS amount, platform_fee::text AS platform_fee
      FROM bill_lines WHERE bill_uuid = ANY(${uuids}::uuid[]) AND (amount < 0 OR platform_fee < 0)
     ORDER BY attributed_at, order_id`;
  return rows.map((row) => ({
    uuid: row.id,
    billId: row.bill_id,
    month: monthOfBillId(row.bill_id) ?? row.bill_id,
    paymentRequestNo: row.payment_request_no,
    amount: fen(row.amount),
    platformFee: fen(row.platform_fee),
    positiveFee: fen(row.positive_fee),
    negativeFee: fen(row.negative_fee),
    lineCount: row.line_count,
    negativeLines: negatives
      .filter((line) => line.bill_uuid === row.id)
      .map((line) => ({ orderId: line.order_id, kind: line.kind, amount: fen(line.amount), platformFee: fen(line.platform_fee) })),
  }));
};

export const listEligibleBills = async (deps: Pick<Deps, "db">): Promise<{ bills: EligibleBillDto[]; forcedBillUuids: string[] }> => {
  const bills = await loadEligibleBills(deps.db);
  return { bills, forcedBillUuids: forcedBills(bills) };
};
