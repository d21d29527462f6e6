import { describe, expect, it } from "vitest";
import { invoiceRemark, remarkProblems } from "./remark";

describe("invoiceRemark", () => {
  it("carries 申付单号 and 对账期次 in the reference's wording", () => {
    expect(invoiceRemark({ paymentRequestNo: " SF202611000123 ", settlementPeriod: "2026年10月" })).toBe(
      "申付单号：SF202611000123；对账期次：2026年10月",
    );
  });

  it("names both fields the reference requires, in order", () => {
    const remark = invoiceRemark({ paymentRequestNo: "A1", settlementPeriod: "202610" });
    expect(remark.indexOf("申付单号")).toBe(0);
    expect(remark.indexOf("对账期次")).toBeGreaterThan(remark.indexOf("A1"));
  });

  it("refuses a missing number or period, and a list of several 申付单", () => {
    expect(remarkProblems({ paymentRequestNo: "", settlementPeriod: "" })).toEqual([
      { field: "paymentRequestNo", problem: "paymentRequestNoRequired" },
      { field: "settlementPeriod", problem: "settlementPeriodRequired" },
    ]);
    for (const joined of ["A1,A2", "A1，A2", "A1 A2", "A1;A2", "A1、A2", "A1/A2"]) {
      expect(remarkProblems({ paymentRequestNo: joined, settlementPeriod: "202610" })).toEqual([
        { field: "paymentRequestNo", problem: "paymentRequestNoSingle" },
      ]);
    }
    expect(() => invoiceRemark({ paymentRequestNo: "A1,A2", settlementPeriod: "x" })).toThrow(RangeError);
  });
});
