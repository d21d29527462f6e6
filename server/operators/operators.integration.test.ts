import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/server/auth/sign-in";
import { getSessionOperator } from "@/server/auth/get-session-operator";
import { AppError } from "@/server/errors";
import { createOperator } from "@/server/operators/create-operator";
import { ensureOwner } from "@/server/operators/ensure-owner";
import { listOperators } from "@/server/operators/list-operators";
import { resetOperatorPassword } from "@/server/operators/reset-operator-password";
import { updateOperator } from "@/server/operators/update-operator";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
const deps = () => testDeps(testDb.db);
let owner: { id: string; email: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => testDb?.close());

describe(`operators on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("creates the first owner once, from the given credentials", async () => {
    const first = await ensureOwner({ email: "Admin@Example.com", password: "admin password 1" }, deps());
    expect(first).toEqual({ created: true, email: "admin@example.com", password: "admin password 1", generated: false });
    expect(await ensureOwner({ email: "other@example.com" }, deps())).toEqual({ created: false });
    const all = await listOperators(deps());
    expect(all.map((o) => [o.email, o.role, o.mustChangePassword])).toEqual([["admin@example.com", "owner", false]]);
    owner = { id: all[0]!.id, email: all[0]!.email };
  });

  it("creates an operator with a one-time password that must be changed", async () => {
    const created = await createOperator({ email: "viewer@example.com", displayName: "Vi", role: "viewer" }, owner, "10.0.0.1", deps());
    expect(created.oneTimePassword).toMatch(/^[a-zA-Z2-9]{16}$/);
    expect(created.operator).toMatchObject({ role: "viewer", mustChangePassword: true, disabled: false });
    const session = await signIn({ email: "viewer@example.com", password: created.oneTimePassword!, ipAddress: null, userAgent: null }, deps());
    expect(session.operator.mustChangePassword).toBe(true);
    const audit = await testDb.db.auditEvent.findFirst({ where: { action: "operator.created", targetId: created.operator.id } });
    expect(audit).toMatchObject({ actorEmail: "admin@example.com", ipAddress: "10.0.0.1" });
    expect(JSON.stringify(audit?.details)).not.toContain(created.oneTimePassword!);
  });

  it("refuses a duplicate e-mail with a field error and changes nothing", async () => {
    const before = await testDb.db.operator.count();
    const error = (await createOperator({ email: "viewer@example.com", displayName: "Again", role: "owner" }, owner, null, deps()).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("CONFLICT");
    expect(error.options.issues?.[0]?.path).toBe("email");
    expect(await testDb.db.operator.count()).toBe(before);
  });

  it("changes a role, ends that operator's sessions and audits from/to", async () => {
    const { operator } = await createOperator({ email: "fin@example.com", displayName: "Fin", role: "viewer", password: "finance password" }, owner, null, deps());
    const session = await signIn({ email: "fin@example.com", password: "finance password", ipAddress: null, userAgent: null }, deps());
    const updated = await updateOperator(operator.id, { role: "finance" }, owner, null, deps());
    expect(updated.role).toBe("finance");
    expect(await getSessionOperator(session.sessionToken, deps())).toBeNull();
    const audit = await testDb.db.auditEvent.findFirst({ where: { action: "operator.role_changed", targetId: operator.id } });
    expect(audit?.details).toMatchObject({ changes: { role: { from: "viewer", to: "finance" } } });
  });

  it("keeps at least one active owner", async () => {
    const demote = (await updateOperator(owner.id, { role: "viewer" }, owner, null, deps()).catch((e: unknown) => e)) as AppError;
    expect(demote.code).toBe("CONFLICT");
    const disable = (await updateOperator(owner.id, { disabled: true }, owner, null, deps()).catch((e: unknown) => e)) as AppError;
    expect(disable.code).toBe("CONFLICT");
    expect((await testDb.db.operator.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe("owner");
    const second = await createOperator({ email: "owner2@example.com", displayName: "O2", role: "owner", password: "owner2 password" }, owner, null, deps());
    await expect(updateOperator(second.operator.id, { disabled: true }, owner, null, deps())).resolves.toMatchObject({ disabled: true });
    await expect(updateOperator(owner.id, { role: "viewer" }, owner, null, deps())).rejects.toThrow(AppError);
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const a = await createOperator({ email: "a-owner@example.com", displayName: "A", role: "owner", password: "a owner password" }, owner, null, deps());
    // Now: admin + a-owner active (owner2 disabled). Demote both concurrently: exactly one may succeed.
    const results = await Promise.allSettled([
      updateOperator(owner.id, { role: "operator" }, owner, null, deps()),
      updateOperator(a.operator.id, { role: "operator" }, owner, null, deps()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await testDb.db.operator.count({ where: { role: "owner", disabledAt: null } })).toBe(1);
  });

  it("resets a password: old one stops working, sessions end, one-time one must be changed", async () => {
    const { operator } = await createOperator({ email: "reset@example.com", displayName: "R", role: "operator", password: "original password" }, owner, null, deps());
    const session = await signIn({ email: "reset@example.com", password: "original password", ipAddress: null, userAgent: null }, deps());
    const { oneTimePassword } = await resetOperatorPassword(operator.id, owner, null, deps());
    expect(await getSessionOperator(session.sessionToken, deps())).toBeNull();
    await expect(signIn({ email: "reset@example.com", password: "original password", ipAddress: null, userAgent: null }, deps())).rejects.toThrow(AppError);
    const again = await signIn({ email: "reset@example.com", password: oneTimePassword, ipAddress: null, userAgent: null }, deps());
    expect(again.operator.mustChangePassword).toBe(true);
  });
});
