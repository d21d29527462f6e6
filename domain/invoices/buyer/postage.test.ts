import { describe, expect, it } from "vitest";
import { postagePayer } from "./postage";

describe("postagePayer", () => {
  it("charges the buyer under 100 CNY, the seller from 100 CNY, nobody for e-mailed invoices", () => {
    expect(postagePayer("ordinary_paper", "99.99")).toBe("buyer");
    expect(postagePayer("special_paper", "100.00")).toBe("seller");
    expect(postagePayer("ordinary_digital", "5")).toBeNull();
    expect(postagePayer("special_electronic", "500")).toBeNull();
  });
});
