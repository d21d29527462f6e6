import { describe, expect, it } from "vitest";
import { xlsxCell } from "@/server/orders/export-orders";

describe("Excel cells", () => {
  it("writes amounts as numbers when the number reads back as the same decimal", () => {
    expect(xlsxCell("amount", "199.000")).toBe(199);
    expect(xlsxCell("amount_after_discount", "-2.500")).toBe(-2.5);
    expect(xlsxCell("amount", "0.100")).toBe(0.1);
  });

  it("keeps an amount past a double's precision as text, unchanged", () => {
    expect(xlsxCell("amount", "12345678901234567.125")).toBe("12345678901234567.125");
  });

  it("leaves other columns as text (order ids stay ids) and empty values empty", () => {
    expect(xlsxCell("order_id", "000123")).toBe("000123");
    expect(xlsxCell("customer_name", "")).toBeNull();
  });
});
