import { describe, expect, it } from "vitest";
import { BUYER_INVOICE_ACTIONS, BUYER_INVOICE_STATUSES, actionsFor, canMove, transitionFor, type BuyerInvoiceStatus } from "./status";

// Every allowed move, written out by hand from the reference; every other pair must be refused.
const ALLOWED: ReadonlyArray<[BuyerInvoiceStatus, string, BuyerInvoiceStatus]> = [
  ["pending_review", "approve", "awaiting_issue"],
  ["pending_review", "reject", "rejected"],
  ["awaiting_issue", "issue", "awaiting_receipt"],
  ["awaiting_receipt", "sign", "completed"],
  ["completed", "return", "returned"],
];

describe("buyer invoice request transitions", () => {
  for (const from of BUYER_INVOICE_STATUSES) {
    for (const action of BUYER_INVOICE_ACTIONS) {
      const expected = ALLOWED.find(([f, a]) => f === from && a === action);
      it(`${action} from ${from} is ${expected ? `allowed to ${expected[2]}` : "refused"}`, () => {
        expect(transitionFor(from, action)).toEqual(expected ? { allowed: true, to: expected[2] } : { allowed: false });
      });
    }
  }

  for (const from of BUYER_INVOICE_STATUSES) {
    for (const to of BUYER_INVOICE_STATUSES) {
      const expected = ALLOWED.some(([f, , t]) => f === from && t === to);
      it(`${from} → ${to} is ${expected ? "a move" : "not a move"}`, () => {
        expect(canMove(from, to)).toBe(expected);
      });
    }
  }

  it("offers no action once rejected or returned, and return only when completed", () => {
    expect(actionsFor("rejected")).toEqual([]);
    expect(actionsFor("returned")).toEqual([]);
    expect(actionsFor("completed")).toEqual(["return"]);
    expect(actionsFor("pending_review")).toEqual(["approve", "reject"]);
  });
});
