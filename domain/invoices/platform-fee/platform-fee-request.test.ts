import { describe, expect, it } from "vitest";
import { money, sumMoney } from "@/domain/fees/money";
import {
  checkPdf,
  isNegativeLine,
  nextStatus,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  resolveSelection,
  validateReturn,
  type EligibleBill,
} from "./platform-fee-request";

const line = (orderId: string, amount: string, platformFee: string, kind = "new") => ({ orderId, kind, amount, platformFee });
// Builds the selection's view of a bill from its lines, as the server does in SQL.
const bill = (uuid: string, billId: string, paymentRequestNo: string | null, lines: ReturnType<typeof line>[]): EligibleBill => ({
  uuid,
  billId,
  paymentRequestNo,
  positiveFee: sumMoney(lines.map((l) => money(l.platformFee)).filter((fee) => fee.isPositive())).toString(),
  negativeFee: sumMoney(lines.map((l) => money(l.platformFee)).filter((fee) => fee.isNegative())).toString(),
  negativeLines: lines.filter(isNegativeLine),
});

const MAY = bill("b-may", "202605", "PR-1", [line("O1", "1000.00", "50.00")]);
const JUNE = bill("b-june", "202606", "PR-1", [line("O2", "333.33", "16.67")]);
const REFUND = line("O4", "-102.00", "-5.10", "refund");
const JULY = bill("b-july", "202607", "PR-2", [line("O3", "300.00", "15.00"), REFUND]);
const AUG = bill("b-aug", "202608", null, [line("O5", "2.00", "0.10")]);

describe("platform-fee invoice selection", () => {
  it("takes every bill of the same 申付单 together and forces the bills with negative orders in", () => {
    const result = resolveSelection([MAY, JUNE, JULY, AUG], ["b-may"]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.selection.billUuids).toEqual(["b-may", "b-june", "b-july"]);
    expect(result.selection.forcedBillUuids).toEqual(["b-july"]);
    expect(result.selection.negativeLines).toEqual([{ ...REFUND, billUuid: "b-july", billId: "202607" }]);
    // 50.00 + 16.67 + 15.00 = 81.67 positive, −5.10 negative: 76.57 exactly, never a float sum.
    expect(result.selection.positive.toFixed(2)).toBe("81.67");
    expect(result.selection.negative.toFixed(2)).toBe("-5.10");
    expect(result.selection.net.toFixed(2)).toBe("76.57");
  });

  it("counts a zero-fee downgrade as a negative order", () => {
    expect(isNegativeLine(line("D", "-10.00", "0.00", "refund"))).toBe(true);
    expect(isNegativeLine(line("N", "10.00", "0.50"))).toBe(false);
  });

  it("keeps the negative orders in when the seller unticks their bill", () => {
    const result = resolveSelection([JULY, AUG], ["b-aug"]);
    expect(result.ok && result.selection.billUuids).toEqual(["b-july", "b-aug"]);
  });

  it("sums decimals exactly", () => {
    const tenths = Array.from({ length: 10 }, (_, i) => bill(`t${i}`, "202601", null, [line(`T${i}`, "2", "0.1")]));
    const result = resolveSelection(tenths, tenths.map((b) => b.uuid));
    expect(result.ok && result.selection.net.toString()).toBe("1");
  });

  it("refuses bills that are not eligible, an empty request and a net that is not positive", () => {
    expect(resolveSelection([MAY], ["b-unknown"])).toEqual({ ok: false, problem: "unknownBill", billUuid: "b-unknown" });
    expect(resolveSelection([], [])).toEqual({ ok: false, problem: "empty" });
    const refundOnly = bill("b-r", "202609", null, [line("R", "-100", "-5", "refund")]);
    expect(resolveSelection([refundOnly, AUG], ["b-aug"])).toEqual({ ok: false, problem: "netNotPositive" });
  });
});

describe("platform-fee invoice request transitions", () => {
  const allowed = new Set(["requested:issue", "issued:attachPdf", "issued:return"]);
  for (const from of REQUEST_STATUSES) {
    for (const action of REQUEST_ACTIONS) {
      const key = `${from}:${action}`;
      it(`${allowed.has(key) ? "allows" : "refuses"} ${action} from ${from}`, () => {
        const next = nextStatus(from, action);
        if (allowed.has(key)) expect(next).toBe(action === "issue" ? "issued" : action === "return" ? "returned" : "issued");
        else expect(next).toBeNull();
      });
    }
  }
});

describe("returning an invoice", () => {
  it("needs courier and tracking number when the invoice was not credited", () => {
    expect(validateReturn({ reason: "抬头有误", credited: false, courier: "", trackingNumber: "" })).toEqual([
      { path: "courier", code: "invoices.platformFee.errors.required" },
      { path: "trackingNumber", code: "invoices.platformFee.errors.required" },
    ]);
    expect(validateReturn({ reason: "抬头有误", credited: false, courier: "顺丰", trackingNumber: "SF 1" })).toEqual([
      { path: "trackingNumber", code: "invoices.platformFee.errors.trackingNumberInvalid" },
    ]);
    expect(validateReturn({ reason: "抬头有误", credited: false, courier: "顺丰", trackingNumber: "SF1234567890" })).toEqual([]);
  });

  it("needs a detailed reason when the invoice was already credited", () => {
    expect(validateReturn({ reason: "错了", credited: true, courier: "", trackingNumber: "" })).toEqual([
      { path: "reason", code: "invoices.platformFee.errors.reasonDetailed" },
    ]);
    expect(validateReturn({ reason: "已抵扣认证，金额与账单不符需红冲", credited: true, courier: "", trackingNumber: "" })).toEqual([]);
  });
});

describe("the issued PDF", () => {
  const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
  it("accepts a PDF and refuses anything else", () => {
    expect(checkPdf(pdf)).toBeNull();
    expect(checkPdf(new Uint8Array())).toBe("empty");
    expect(checkPdf(Buffer.from("PK\u0003\u0004 not a pdf %%EOF"))).toBe("notPdf");
    expect(checkPdf(Buffer.from("%PDF-1.7 truncated"))).toBe("notPdf");
    expect(checkPdf(pdf, 10)).toBe("tooLarge");
  });
});
