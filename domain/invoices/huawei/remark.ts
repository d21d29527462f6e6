// The remark (备注) of every invoice to Huawei carries the payment-request number and the settlement
// period, so Huawei can match the invoice to its 申付单 (koogallery-money.md §3a, "The remark field carries
// 申付单号 + 对账期次"). Every invoice of a split 申付单 carries the same remark; one invoice never names two.

export type RemarkInput = { paymentRequestNo: string; settlementPeriod: string };

export type RemarkProblem = "paymentRequestNoRequired" | "paymentRequestNoSingle" | "settlementPeriodRequired";

/** Problems with the two fields, before a remark can be generated. */
export const remarkProblems = (input: RemarkInput): { field: keyof RemarkInput; problem: RemarkProblem }[] => {
  const problems: { field: keyof RemarkInput; problem: RemarkProblem }[] = [];
  const paymentRequestNo = input.paymentRequestNo.trim();
  if (!paymentRequestNo) problems.push({ field: "paymentRequestNo", problem: "paymentRequestNoRequired" });
  // "Never merge several 申付单 on one invoice": a list of numbers is refused, not joined.
  else if (/[\s,，;；、/]/.test(paymentRequestNo)) problems.push({ field: "paymentRequestNo", problem: "paymentRequestNoSingle" });
  if (!input.settlementPeriod.trim()) problems.push({ field: "settlementPeriod", problem: "settlementPeriodRequired" });
  return problems;
};

/** 申付单号：<number>；对账期次：<period> — the wording of the reference, full-width punctuation as on a Chinese invoice. */
export const invoiceRemark = (input: RemarkInput): string => {
  if (remarkProblems(input).length > 0) throw new RangeError("The payment-request number and the settlement period are both required.");
  return `申付单号：${input.paymentRequestNo.trim()}；对账期次：${input.settlementPeriod.trim()}`;
};
