import { describe, expect, it } from "vitest";
import { EMPTY_TEMPLATE, templateInputSchemaFor } from "@/lib/contracts/invoice-templates";

// The schema the form's resolver and the API share: field paths and message keys the UI translates.
describe("template input schema", () => {
  const base = { ...EMPTY_TEMPLATE, title: "深圳示例软件有限公司", invoiceKind: "digital_ordinary", taxpayerId: "914403001922038217", email: "a@example.com" };

  it("puts the check-character problem on taxpayerId with its key and expected character", () => {
    const result = templateInputSchemaFor().safeParse(base);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["taxpayerId"], message: "invoiceTemplates.errors.creditCodeCheckCharacter", params: { expected: "6" } }),
    ]);
  });

  it("fills missing optional fields with empty strings and accepts a valid template", () => {
    const result = templateInputSchemaFor().safeParse({ titleType: "individual", title: "张三", invoiceKind: "digital_ordinary", email: "a@example.com" });
    expect(result.success).toBe(true);
    expect(result.data?.taxpayerId).toBe("");
  });

  it("lets an old record keep its legacy kind only when editing that record", () => {
    const paper = { ...base, taxpayerId: "914403001922038216", invoiceKind: "paper_ordinary", mailRecipient: "李四", mailPhone: "13800000000", mailAddress: "深圳" };
    expect(templateInputSchemaFor().safeParse(paper).success).toBe(false);
    expect(templateInputSchemaFor("paper_ordinary").safeParse(paper).success).toBe(true);
  });
});
