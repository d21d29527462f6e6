import { describe, expect, it } from "vitest";
import { billGenerationDate, expectedPaymentDate } from "./bill-timeline";

describe("bill timeline", () => {
  it("generates on the 3rd of the next month, moved past weekends and listed holidays", () => {
    // 2020-02-03 is a Monday: the bill 202001 (§2.2 example).
    expect(billGenerationDate("2020-01")).toBe("2020-02-03");
    // 2024-08-03 is a Saturday.
    expect(billGenerationDate("2024-07")).toBe("2024-08-05");
    expect(billGenerationDate("2024-09", new Set(["2024-10-03", "2024-10-04"]))).toBe("2024-10-07");
  });

  it("expects payment 16 working days later, 18 for bills invoiced to Huawei", () => {
    expect(expectedPaymentDate("2020-01", "general")).toBe("2020-02-25");
    expect(expectedPaymentDate("2020-01", "joint")).toBe("2020-02-27");
  });
});
