import { describe, expect, it } from "vitest";
import { refundBlock } from "./refund-block";
import { BUYER_INVOICE_STATUSES } from "./status";

describe("refundBlock", () => {
  it("lets an order without requests, or with only rejected and returned ones, be refunded", () => {
    expect(refundBlock([])).toEqual({ refundable: true });
    expect(
      refundBlock([
        { id: "a", status: "rejected" },
        { id: "b", status: "returned", invoiceNumber: "123" },
      ]),
    ).toEqual({ refundable: true });
  });

  it("blocks while an issued invoice has not been returned, naming it", () => {
    expect(
      refundBlock([
        { id: "a", status: "returned", invoiceNumber: "111" },
        { id: "b", status: "completed", invoiceNumber: "222" },
        { id: "c", status: "awaiting_receipt", invoiceNumber: "333" },
        { id: "d", status: "pending_review" },
      ]),
    ).toEqual({ refundable: false, reason: "invoiceIssued", requestIds: ["b", "c"], invoiceNumbers: ["222", "333"] });
  });

  it("blocks while a request is still open, so it is rejected first", () => {
    expect(refundBlock([{ id: "a", status: "awaiting_issue" }])).toEqual({
      refundable: false,
      reason: "requestOpen",
      requestIds: ["a"],
      invoiceNumbers: [],
    });
  });

  it("decides every single status", () => {
    const verdicts = Object.fromEntries(BUYER_INVOICE_STATUSES.map((status) => [status, refundBlock([{ id: "x", status }])]));
    expect(Object.fromEntries(Object.entries(verdicts).map(([status, v]) => [status, v.refundable ? "ok" : v.reason]))).toEqual({
      pending_review: "requestOpen",
      awaiting_issue: "requestOpen",
      awaiting_receipt: "invoiceIssued",
      completed: "invoiceIssued",
      rejected: "ok",
      returned: "ok",
    });
  });
});
