import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_TEMPLATE } from "@/lib/contracts/invoice-templates";
import { AppError } from "@/server/errors";
import { activateTemplate } from "@/server/invoices/templates/activate-template";
import { getActiveTemplate, getTemplate } from "@/server/invoices/templates/get-template";
import { listTemplates } from "@/server/invoices/templates/list-templates";
import { createTemplate, updateTemplate } from "@/server/invoices/templates/save-template";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
let clock = new Date("2026-07-01T10:00:00+08:00");
const deps = () => ({ db: testDb.db, now: () => clock });
const finance = { id: null, email: "finance@example.com" };
const other = { id: null, email: "other@example.com" };

const TEMPLATE = {
  ...EMPTY_TEMPLATE,
  title: "深圳示例软件有限公司",
  taxpayerId: "914403001922038216",
  bankName: "招商银行深圳分行",
  bankAccount: "755912345610801",
  registeredAddress: "深圳市南山区科技园路 1 号",
  registeredPhone: "0755-88888888",
  email: "finance@example.com",
};

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.close();
});

describe("invoice templates", () => {
  it("refuses a wrong credit code with the expected check character, stores nothing", async () => {
    const error = await rejection(createTemplate({ ...TEMPLATE, taxpayerId: "914403001922038217" }, finance, deps()));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.options.issues).toEqual([
      { path: "taxpayerId", code: "invoiceTemplates.errors.creditCodeCheckCharacter", message: "The check character of this credit code should be 6." },
    ]);
    expect(await testDb.db.invoiceTemplate.count()).toBe(0);
  });

  it("versions every edit with who changed which fields, and keeps old versions readable", async () => {
    const { id } = await createTemplate(TEMPLATE, finance, deps());
    clock = new Date(clock.getTime() + 60_000);
    const edit = await updateTemplate(id, { ...TEMPLATE, bankAccount: "755900000000001", email: "ap@example.com" }, other, deps());
    expect(edit).toEqual({ id, version: 2, changedFields: ["bankAccount", "email"] });
    expect(await updateTemplate(id, { ...TEMPLATE, bankAccount: "755900000000001", email: "ap@example.com" }, other, deps())).toMatchObject({ version: 2, changedFields: [] });
    const detail = await getTemplate(id, deps());
    expect(detail.currentVersion).toBe(2);
    expect(detail.versions.map((v) => [v.version, v.createdBy, v.changedFields, v.bankAccount])).toEqual([
      [2, "other@example.com", ["bankAccount", "email"], "755900000000001"],
      [1, "finance@example.com", [], "755912345610801"],
    ]);
    const audits = await testDb.db.auditEvent.findMany({ where: { targetId: id }, orderBy: { occurredAt: "asc" } });
    expect(audits.map((a) => [a.action, a.actorEmail])).toEqual([
      ["invoice_templates.created", "finance@example.com"],
      ["invoice_templates.updated", "other@example.com"],
    ]);
    expect(audits[1]!.details).toEqual({ version: 2, changedFields: ["bankAccount", "email"] });
  });

  it("refuses a special invoice for a personal title and a legacy kind on a new template", async () => {
    const personal = await rejection(createTemplate({ ...TEMPLATE, titleType: "individual" }, finance, deps()));
    expect(personal.options.issues?.map((i) => [i.path, i.code])).toEqual([["invoiceKind", "invoiceTemplates.errors.specialOnlyEnterprise"]]);
    const legacy = await rejection(createTemplate({ ...TEMPLATE, invoiceKind: "electronic_ordinary" }, finance, deps()));
    expect(legacy.options.issues?.map((i) => i.code)).toEqual(["invoiceTemplates.errors.kindLegacy"]);
  });

  it("keeps one active template: activating one retires the other", async () => {
    const a = await createTemplate(TEMPLATE, finance, deps());
    const b = await createTemplate({ ...TEMPLATE, invoiceKind: "digital_ordinary" }, finance, deps());
    await activateTemplate(a.id, finance, deps());
    expect((await getActiveTemplate(deps()))?.id).toBe(a.id);
    expect(await activateTemplate(b.id, finance, deps())).toEqual({ id: b.id, retired: [a.id] });
    const { templates } = await listTemplates(deps());
    expect(templates.filter((t) => t.status === "active").map((t) => t.id)).toEqual([b.id]);
    expect(templates.find((t) => t.id === a.id)?.status).toBe("retired");
  });

  it("stays at one active template under concurrent activations", async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await createTemplate({ ...TEMPLATE, title: `公司 ${i}` }, finance, deps())).id);
    const results = await Promise.allSettled(ids.map((id) => activateTemplate(id, finance, deps())));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await testDb.db.invoiceTemplate.count({ where: { status: "active" } })).toBe(1);
    expect(await testDb.db.invoiceTemplate.count({ where: { activeSlot: true } })).toBe(1);
  });

  it("answers 404 for an unknown template", async () => {
    const error = await rejection(activateTemplate("00000000-0000-4000-8000-000000000000", finance, deps()));
    expect(error.code).toBe("NOT_FOUND");
  });
});
