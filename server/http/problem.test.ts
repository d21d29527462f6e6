import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodIssues } from "./problem";

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected the value to be refused");
  return zodIssues(result.error, "body");
};

describe("zodIssues", () => {
  it("keeps our own translation keys, including camel-case namespaces", () => {
    const schema = z.object({ taxId: z.string().refine(() => false, { message: "buyerInvoices.errors.taxId" }) });
    expect(issuesOf(schema, { taxId: "x" })).toEqual([
      { path: "body.taxId", code: "buyerInvoices.errors.taxId", message: "buyerInvoices.errors.taxId" },
    ]);
  });

  it("maps zod's own messages to validation.<code>", () => {
    const [issue] = issuesOf(z.object({ amount: z.string() }), { amount: 3 });
    expect(issue).toMatchObject({ path: "body.amount", code: "validation.invalid_type" });
  });

  it("does not take a sentence for a key", () => {
    const schema = z.string().refine(() => false, { message: "Amount. Must be positive" });
    expect(issuesOf(schema, "1")[0]?.code).toBe("validation.custom");
  });
});
