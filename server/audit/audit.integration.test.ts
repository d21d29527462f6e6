import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditQuerySchema } from "@/lib/contracts/audit";
import { exportAuditEventsCsv } from "@/server/audit/export-audit-events";
import { listAuditEvents } from "@/server/audit/list-audit-events";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const base = new Date("2026-11-01T00:00:00Z").getTime();
  for (let i = 0; i < 25; i++) {
    await recordAuditEvent(
      testDb.db,
      {
        actor: { id: null, email: i % 2 ? "alice@example.com" : "bob@example.com" },
        action: i % 5 === 0 ? "auth.sign_in_failed" : "settings.changed",
        details: { n: i, note: "含中文, \"quoted\"" },
      },
      new Date(base + i * 3_600_000),
    );
  }
});
afterAll(async () => testDb?.close());

describe(`audit log on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("cannot be updated or deleted, even with raw SQL", async () => {
    await expect(testDb.db.$executeRawUnsafe("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(testDb.db.$executeRawUnsafe("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
    expect(await testDb.db.auditEvent.count()).toBe(25);
  });

  it("pages newest first with a keyset cursor and a total", async () => {
    const first = await listAuditEvents(auditQuerySchema.parse({ limit: "10" }), testDb);
    expect(first.total).toBe(25);
    expect(first.events.map((e) => (e.details as { n: number }).n)).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15]);
    const second = await listAuditEvents(auditQuerySchema.parse({ limit: "10", before: first.nextCursor }), testDb);
    expect((second.events[0]!.details as { n: number }).n).toBe(14);
    const third = await listAuditEvents(auditQuerySchema.parse({ limit: "10", before: second.nextCursor }), testDb);
    expect(third.events).toHaveLength(5);
    expect(third.nextCursor).toBeNull();
  });

  it("filters by action prefix, actor and Beijing-time days", async () => {
    const failed = await listAuditEvents(auditQuerySchema.parse({ action: "auth." }), testDb);
    expect(failed.total).toBe(5);
    const alice = await listAuditEvents(auditQuerySchema.parse({ actor: "ALICE" }), testDb);
    expect(alice.total).toBe(12);
    // 2026-11-01 in Beijing ends at 2026-11-01T16:00Z: events 0..15 fall on that day.
    const day = await listAuditEvents(auditQuerySchema.parse({ from: "2026-11-01", to: "2026-11-01", limit: "200" }), testDb);
    expect(day.total).toBe(16);
  });

  it("exports the filtered log as CSV with a BOM and escaped fields", async () => {
    const stream = exportAuditEventsCsv({ action: "auth." }, testDb);
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trim().split("\n");
    expect(lines[0]).toBe("id,occurred_at,actor_email,action,target_type,target_id,ip_address,details");
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('"{""n"":0,""note"":""含中文, \\""quoted\\""""}"');
  });

  it("rejects malformed filters", () => {
    expect(auditQuerySchema.safeParse({ from: "2026-13-01" }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ before: "abc" }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ limit: "1000" }).success).toBe(false);
  });
});
