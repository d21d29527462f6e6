import { describe, expect, it } from "vitest";
import { csvLines, xlsxCell } from "@/server/orders/export-orders";

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

describe("CSV lines", () => {
  it("quote only fields with a comma, a quote or a line break, as csv-stringify does", async () => {
    const { stringify } = await import("csv-stringify/sync");
    const records = [
      ["CS1", "plain", "客户, \"甲\"", "two\nlines", "cr\r", "", " spaced "],
      ["CS2", "-12.500", "\"", ",", "a\"b", "x", "y"],
    ];
    expect(csvLines(records)).toBe(stringify(records));
    expect(csvLines([["a", "b,c"]])).toBe('a,"b,c"\n');
  });
});
