import { describe, expect, it } from "vitest";
import {
  canActivate,
  changedFields,
  invoiceHeader,
  normaliseTemplate,
  requiredFields,
  validateTemplate,
  type TemplateContent,
} from "./invoice-template";

const ENTERPRISE: TemplateContent = {
  titleType: "enterprise",
  title: "深圳示例软件有限公司",
  taxpayerId: "914403001922038216",
  bankName: "招商银行深圳分行",
  bankAccount: "755912345610801",
  registeredAddress: "深圳市南山区科技园路 1 号",
  registeredPhone: "0755-88888888",
  invoiceKind: "digital_special",
  email: "finance@example.com",
  mailRecipient: "",
  mailPhone: "",
  mailAddress: "",
};

const codes = (content: TemplateContent, previousKind?: string) =>
  Object.fromEntries(validateTemplate(content, { previousKind }).map((issue) => [issue.path, issue.code]));

describe("invoice template rules", () => {
  it("accepts a complete enterprise 数电专票 template", () => {
    expect(validateTemplate(ENTERPRISE)).toEqual([]);
  });

  it("allows special invoices only for enterprise titles", () => {
    expect(codes({ ...ENTERPRISE, titleType: "individual" })).toEqual({ invoiceKind: "invoiceTemplates.errors.specialOnlyEnterprise" });
    expect(codes({ ...ENTERPRISE, titleType: "organisation" })).toEqual({ invoiceKind: "invoiceTemplates.errors.specialOnlyEnterprise" });
    expect(codes({ ...ENTERPRISE, titleType: "organisation", invoiceKind: "digital_ordinary", taxpayerId: "" })).toEqual({});
  });

  it("requires the whole buyer block on a 专票", () => {
    const blank = { ...ENTERPRISE, bankName: "", bankAccount: " ", registeredAddress: "", registeredPhone: "" };
    expect(codes(blank)).toEqual({
      bankName: "invoiceTemplates.errors.required",
      bankAccount: "invoiceTemplates.errors.required",
      registeredAddress: "invoiceTemplates.errors.required",
      registeredPhone: "invoiceTemplates.errors.required",
    });
    expect(codes({ ...blank, invoiceKind: "digital_ordinary" })).toEqual({});
  });

  it("requires the tax ID of an enterprise on every kind, and an individual may leave it out", () => {
    expect(codes({ ...ENTERPRISE, invoiceKind: "digital_ordinary", taxpayerId: "" })).toEqual({ taxpayerId: "invoiceTemplates.errors.required" });
    expect(codes({ ...ENTERPRISE, titleType: "individual", title: "张三", invoiceKind: "digital_ordinary", taxpayerId: "" })).toEqual({});
  });

  it("names the expected check character of a mistyped credit code", () => {
    expect(validateTemplate({ ...ENTERPRISE, taxpayerId: "914403001922038217" })).toEqual([
      { path: "taxpayerId", code: "invoiceTemplates.errors.creditCodeCheckCharacter", params: { expected: "6" } },
    ]);
    expect(codes({ ...ENTERPRISE, taxpayerId: "91440300192203821" })).toEqual({ taxpayerId: "invoiceTemplates.errors.creditCodeLength" });
    expect(codes({ ...ENTERPRISE, taxpayerId: "91440300192203821I" })).toEqual({ taxpayerId: "invoiceTemplates.errors.creditCodeCharacters" });
  });

  it("needs an e-mail for 数电 invoices and the mailing block for paper ones", () => {
    expect(codes({ ...ENTERPRISE, email: "" })).toEqual({ email: "invoiceTemplates.errors.required" });
    expect(codes({ ...ENTERPRISE, email: "not-an-address" })).toEqual({ email: "invoiceTemplates.errors.emailInvalid" });
    expect(requiredFields("enterprise", "paper_special")).toEqual(expect.arrayContaining(["mailRecipient", "mailPhone", "mailAddress"]));
    expect(requiredFields("enterprise", "paper_special")).not.toContain("email");
    expect(codes({ ...ENTERPRISE, invoiceKind: "paper_special" }, "paper_special")).toEqual({
      mailRecipient: "invoiceTemplates.errors.required",
      mailPhone: "invoiceTemplates.errors.required",
      mailAddress: "invoiceTemplates.errors.required",
    });
  });

  it("never lets a legacy kind be chosen anew, but keeps it on an old record", () => {
    const paper = { ...ENTERPRISE, invoiceKind: "paper_ordinary" as const, mailRecipient: "李四", mailPhone: "13800000000", mailAddress: "深圳" };
    expect(codes(paper)).toEqual({ invoiceKind: "invoiceTemplates.errors.kindLegacy" });
    expect(codes(paper, "digital_ordinary")).toEqual({ invoiceKind: "invoiceTemplates.errors.kindLegacy" });
    expect(codes(paper, "paper_ordinary")).toEqual({});
  });

  it("checks phone, bank account and length", () => {
    expect(codes({ ...ENTERPRISE, registeredPhone: "call me" })).toEqual({ registeredPhone: "invoiceTemplates.errors.phoneInvalid" });
    expect(codes({ ...ENTERPRISE, bankAccount: "ABC123" })).toEqual({ bankAccount: "invoiceTemplates.errors.bankAccountInvalid" });
    expect(validateTemplate({ ...ENTERPRISE, title: "x".repeat(101) })).toEqual([{ path: "title", code: "invoiceTemplates.errors.tooLong", params: { max: "100" } }]);
  });

  it("refuses unknown title types and kinds", () => {
    expect(codes({ ...ENTERPRISE, titleType: "company" as never })).toEqual({ titleType: "invoiceTemplates.errors.titleTypeInvalid" });
    expect(codes({ ...ENTERPRISE, invoiceKind: "fax" as never })).toEqual({ invoiceKind: "invoiceTemplates.errors.kindInvalid" });
  });

  it("normalises before storing: trimmed, upper-case tax ID, no mailing block on 数电", () => {
    const stored = normaliseTemplate({ ...ENTERPRISE, title: "  深圳示例软件有限公司 ", taxpayerId: "91310000ma1fl1mmxl", mailAddress: "x" });
    expect(stored).toMatchObject({ title: "深圳示例软件有限公司", taxpayerId: "91310000MA1FL1MMXL", mailAddress: "" });
  });

  it("lists the fields a new version changed", () => {
    expect(changedFields(null, ENTERPRISE)).toEqual([]);
    expect(changedFields(ENTERPRISE, { ...ENTERPRISE, bankAccount: "1", email: "a@b.cn" })).toEqual(["bankAccount", "email"]);
  });

  it("previews the buyer block as the invoice prints it", () => {
    expect(invoiceHeader(ENTERPRISE)).toEqual([
      { label: "title", value: "深圳示例软件有限公司" },
      { label: "taxpayerId", value: "914403001922038216" },
      { label: "addressPhone", value: "深圳市南山区科技园路 1 号 0755-88888888" },
      { label: "bankAccount", value: "招商银行深圳分行 755912345610801" },
    ]);
    expect(invoiceHeader({ ...ENTERPRISE, titleType: "individual", title: "张三", taxpayerId: "", bankName: "", bankAccount: "", registeredAddress: "", registeredPhone: "" })).toEqual([
      { label: "title", value: "张三" },
    ]);
  });

  it("activates drafts and retired templates, not the active one", () => {
    expect(canActivate("draft")).toBe(true);
    expect(canActivate("retired")).toBe(true);
    expect(canActivate("active")).toBe(false);
  });
});
