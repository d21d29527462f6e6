import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { deleteSavedCase } from "@/server/simulator/delete-saved-case";
import { runDialTest, saveDialTest } from "@/server/simulator/dial-tests";
import { listSavedCases } from "@/server/simulator/list-saved-cases";
import { runDebugSuite } from "@/server/simulator/run-debug-suite";
import { CONSOLE_TARGET, configureSimulatorKeys, inProcessRuntime } from "@/server/simulator/simulator-test-setup";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
let deps: Deps;

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db, () => new Date());
  await configureSimulatorKeys(deps);
});
afterAll(async () => testDb?.close());

const actor = { id: null, email: "ops@example.com", ipAddress: "203.0.113.7" };

describe("deleting a saved debugging case", () => {
  it("removes it from the list and from the dial test, and is audited", async () => {
    const runtime = await inProcessRuntime(deps);
    await runDebugSuite({ productKeys: ["report-once-v1"], targetUrl: CONSOLE_TARGET, save: true }, runtime);
    const { savedCases } = await listSavedCases(deps);
    expect(savedCases.map((c) => c.caseKey).sort()).toEqual(["new", "query", "release"]);
    const query = savedCases.find((c) => c.caseKey === "query")!;

    const result = await deleteSavedCase(query.id, actor, deps);

    expect(result.deleted).toEqual({ productKey: "report-once-v1", caseKey: "query", targetUrl: CONSOLE_TARGET });
    expect((await listSavedCases(deps)).savedCases.map((c) => c.caseKey).sort()).toEqual(["new", "release"]);
    const audit = await testDb.db.auditEvent.findMany({ where: { action: "simulator.saved_case_deleted" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorEmail: "ops@example.com",
      targetType: "simulator_saved_case",
      targetId: "report-once-v1/query",
      ipAddress: "203.0.113.7",
      details: { targetUrl: CONSOLE_TARGET },
    });

    const { dialTestId } = await saveDialTest({ targetUrl: CONSOLE_TARGET, intervalMinutes: 720, enabled: true }, deps);
    const run = await runDialTest({ dialTestId, trigger: "manual" }, runtime);
    expect(run.results.map((r) => r.caseKey)).toEqual(["new", "release"]);
    expect(run).toMatchObject({ passed: 2, failed: 0 });

    // Deleting it a second time finds nothing.
    await expect(deleteSavedCase(query.id, actor, deps)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.db.auditEvent.count({ where: { action: "simulator.saved_case_deleted" } })).toBe(1);
  });

  it("an unknown or already deleted case is a 404 and changes nothing", async () => {
    const before = await testDb.db.auditEvent.count();
    const error = await deleteSavedCase("00000000-0000-4000-8000-000000000000", actor, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.db.auditEvent.count()).toBe(before);
  });
});
