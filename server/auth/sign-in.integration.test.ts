import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LOCK_MS } from "@/domain/auth/sign-in-throttle";
import { changeOwnPassword } from "@/server/auth/change-own-password";
import { getSessionOperator } from "@/server/auth/get-session-operator";
import { signIn } from "@/server/auth/sign-in";
import { signOut } from "@/server/auth/sign-out";
import { AppError } from "@/server/errors";
import { createOperator } from "@/server/operators/create-operator";
import { updateOperator } from "@/server/operators/update-operator";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
let clock = new Date("2026-11-28T08:00:00Z");
const deps = () => ({ ...testDeps(testDb.db, () => clock), sleep: async () => undefined });
const attempt = (email: string, password: string) =>
  signIn({ email, password, ipAddress: "127.0.0.1", userAgent: "vitest" }, deps());

beforeAll(async () => {
  testDb = await createTestDatabase();
  await createOperator({ email: "ops@example.com", displayName: "Ops", role: "operator", password: "correct horse battery" }, null, null, deps());
});
afterAll(async () => testDb?.close());

describe(`sign-in on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("signs in with the right password, case-insensitive e-mail, and the session resolves", async () => {
    const result = await attempt("  OPS@example.com ", "correct horse battery");
    expect(result.operator.email).toBe("ops@example.com");
    const operator = await getSessionOperator(result.sessionToken, deps());
    expect(operator).toMatchObject({ email: "ops@example.com", role: "operator" });
    const stored = await testDb.db.session.findMany();
    expect(stored.map((s) => s.id)).not.toContain(result.sessionToken);
    const audit = await testDb.db.auditEvent.findMany({ where: { action: "auth.signed_in" } });
    expect(audit).toHaveLength(1);
  });

  it("refuses a wrong password with one message for every cause, and audits it", async () => {
    const wrong = await attempt("ops@example.com", "nope nope nope").catch((e: unknown) => e);
    const unknown = await attempt("ghost@example.com", "nope nope nope").catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect(unknown).toBeInstanceOf(AppError);
    expect((wrong as AppError).message).toBe((unknown as AppError).message);
    expect((wrong as AppError).code).toBe("UNAUTHENTICATED");
    const failures = await testDb.db.auditEvent.findMany({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "asc" } });
    expect(failures.map((f) => (f.details as { reason: string }).reason)).toEqual(["wrong_password", "unknown_email"]);
  });

  it("locks after five failures, even for the right password, until the lock ends", async () => {
    await createOperator({ email: "lock@example.com", displayName: "L", role: "viewer", password: "right password 1" }, null, null, deps());
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(((await attempt("lock@example.com", "bad password!").catch((e: unknown) => e)) as AppError).code);
    expect(codes).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "TOO_MANY_REQUESTS"]);
    const locked = (await attempt("lock@example.com", "right password 1").catch((e: unknown) => e)) as AppError;
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.options.retryAfterSeconds).toBe(SIGN_IN_LOCK_MS / 1000);
    clock = new Date(clock.getTime() + SIGN_IN_LOCK_MS + 1000);
    const ok = await attempt("lock@example.com", "right password 1");
    expect(ok.operator.email).toBe("lock@example.com");
    expect(await testDb.db.signInThrottle.findUnique({ where: { email: "lock@example.com" } })).toBeNull();
  });

  it("ends the session at sign-out and on disable", async () => {
    const a = await attempt("ops@example.com", "correct horse battery");
    const operator = (await getSessionOperator(a.sessionToken, deps()))!;
    await signOut(operator, null, deps());
    expect(await getSessionOperator(a.sessionToken, deps())).toBeNull();

    const owner = await createOperator({ email: "boss@example.com", displayName: "Boss", role: "owner", password: "owner password" }, null, null, deps());
    const b = await attempt("ops@example.com", "correct horse battery");
    await updateOperator(operator.id, { disabled: true }, { id: owner.operator.id, email: "boss@example.com" }, null, deps());
    expect(await getSessionOperator(b.sessionToken, deps())).toBeNull();
    const afterDisable = (await attempt("ops@example.com", "correct horse battery").catch((e: unknown) => e)) as AppError;
    expect(afterDisable.code).toBe("UNAUTHENTICATED");
  });

  it("changes the own password, keeps this session and ends the others", async () => {
    await createOperator({ email: "pw@example.com", displayName: "P", role: "finance", password: "first password" }, null, null, deps());
    const here = await attempt("pw@example.com", "first password");
    const elsewhere = await attempt("pw@example.com", "first password");
    const me = (await getSessionOperator(here.sessionToken, deps()))!;
    const bad = (await changeOwnPassword(me, { currentPassword: "wrong", newPassword: "second password", ipAddress: null }, deps()).catch((e: unknown) => e)) as AppError;
    expect(bad.options.issues?.[0]?.path).toBe("currentPassword");
    const short = (await changeOwnPassword(me, { currentPassword: "first password", newPassword: "short", ipAddress: null }, deps()).catch((e: unknown) => e)) as AppError;
    expect(short.options.issues?.[0]).toMatchObject({ path: "newPassword", code: "password.tooShort" });
    await changeOwnPassword(me, { currentPassword: "first password", newPassword: "second password", ipAddress: null }, deps());
    expect(await getSessionOperator(here.sessionToken, deps())).not.toBeNull();
    expect(await getSessionOperator(elsewhere.sessionToken, deps())).toBeNull();
    await expect(attempt("pw@example.com", "first password")).rejects.toThrow(AppError);
    await expect(attempt("pw@example.com", "second password")).resolves.toBeTruthy();
  });
});
