import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter } from "@/domain/invoices/unified-social-credit-code";
import { requestProblems, type RequestDetails } from "./request-rules";

const first17 = "91440300MA5F0000X".replace("X", "1");
const VALID = first17 + creditCodeCheckCharacter(first17)!;
const WRONG = first17 + (creditCodeCheckCharacter(first17) === "0" ? "1" : "0");

const base: RequestDetails = { titleType: "enterprise", title: "某某科技有限公司", taxpayerId: VALID, invoiceKind: "special_digital", receiverEmail: "a@b.cn" };

describe("requestProblems", () => {
  it("accepts a complete enterprise special invoice", () => {
    expect(requestProblems(base)).toEqual([]);
  });

  it("allows special invoices only for enterprise titles", () => {
    expect(requestProblems({ ...base, titleType: "individual", taxpayerId: null })).toEqual([{ field: "invoiceKind", problem: "specialOnlyForEnterprise" }]);
    expect(requestProblems({ ...base, titleType: "organisation", invoiceKind: "ordinary_digital" })).toEqual([]);
  });

  it("requires a valid taxpayer ID for enterprises", () => {
    expect(requestProblems({ ...base, taxpayerId: "" })).toEqual([{ field: "taxpayerId", problem: "required" }]);
    expect(requestProblems({ ...base, taxpayerId: WRONG })).toEqual([{ field: "taxpayerId", problem: "taxpayerIdCheckCharacter" }]);
    expect(requestProblems({ ...base, taxpayerId: "123" })).toEqual([{ field: "taxpayerId", problem: "taxpayerIdLength" }]);
  });

  it("needs the e-mail for digital and electronic kinds, the mailing block for paper", () => {
    expect(requestProblems({ ...base, receiverEmail: " " })).toEqual([{ field: "receiverEmail", problem: "required" }]);
    expect(requestProblems({ ...base, invoiceKind: "special_paper", receiverEmail: null })).toEqual([
      { field: "mailingRecipient", problem: "required" },
      { field: "mailingPhone", problem: "required" },
      { field: "mailingAddress", problem: "required" },
    ]);
    expect(
      requestProblems({ ...base, invoiceKind: "ordinary_paper", receiverEmail: null, mailingRecipient: "张三", mailingPhone: "13800000000", mailingAddress: "深圳" }),
    ).toEqual([]);
  });

  it("requires a title", () => {
    expect(requestProblems({ ...base, title: "  " })).toEqual([{ field: "title", problem: "required" }]);
  });
});
