import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instanceListQuerySchema } from "@/lib/contracts/instances";
import { getInstanceDetail } from "@/server/instances/get-instance-detail";
import { listInstances } from "@/server/instances/list-instances";
import { revealInstanceCredentials } from "@/server/instances/reveal-instance-credentials";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
const NOW = new Date("2026-11-28T00:00:00Z");
const deps = () => testDeps(testDb.db, () => NOW);
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const list = (input: Record<string, unknown>) => listInstances(instanceListQuerySchema.parse(input), deps());

const seeded = [
  { instanceId: "INS-1", status: "active", expireAt: days(3), testFlag: false, customerName: "华东示例科技", productCode: "P-A" },
  { instanceId: "INS-2", status: "frozen", expireAt: days(6), testFlag: true, customerName: "示例零售", productCode: "P-A" },
  { instanceId: "INS-3", status: "active", expireAt: days(20), testFlag: false, customerName: "华东物流", productCode: "P-B" },
  { instanceId: "INS-4", status: "released", expireAt: days(2), testFlag: false, customerName: "Demo Ltd", productCode: "P-B" },
  { instanceId: "INS-5", status: "active", expireAt: days(-1), testFlag: false, customerName: "Demo Ltd", productCode: "P-B" },
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const box = deps().secretBox;
  for (const [i, instance] of seeded.entries()) {
    await testDb.db.instance.create({
      data: {
        id: randomUUID(),
        dedupeKey: `v2:${instance.instanceId}`,
        generation: "v2",
        orderId: `ORD-${i}`,
        customerId: `cust-${i}`,
        createdAt: new Date(NOW.getTime() - (10 - i) * 60_000),
        ...instance,
        userNameSealed: i === 0 ? box.encrypt("admin@tenant", "instance.userName") : null,
        passwordSealed: i === 0 ? box.encrypt("S3cret!", "instance.password") : null,
      },
    });
  }
  await testDb.db.instanceEvent.create({ data: { instanceId: "INS-1", kind: "created", orderId: "ORD-0", inboundRequestId: 42n, occurredAt: NOW } });
});
afterAll(async () => testDb?.close());

describe(`instances on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("lists newest first in keyset pages with a total", async () => {
    const first = await list({ limit: 2 });
    expect(first.total).toBe(5);
    expect(first.instances.map((i) => i.instanceId)).toEqual(["INS-5", "INS-4"]);
    const second = await list({ limit: 2, after: first.nextCursor });
    const third = await list({ limit: 2, after: second.nextCursor });
    expect([...second.instances, ...third.instances].map((i) => i.instanceId)).toEqual(["INS-3", "INS-2", "INS-1"]);
    expect(third.nextCursor).toBeNull();
  });

  it("filters by expiry within N days (still-live instances only), status, customer, product and test traffic", async () => {
    expect((await list({ expiringWithinDays: "7" })).instances.map((i) => i.instanceId)).toEqual(["INS-2", "INS-1"]);
    expect((await list({ expiringWithinDays: "7", test: "exclude" })).instances.map((i) => i.instanceId)).toEqual(["INS-1"]);
    expect((await list({ status: "active" })).total).toBe(3);
    expect((await list({ customer: "华东" })).instances.map((i) => i.instanceId)).toEqual(["INS-3", "INS-1"]);
    expect((await list({ product: "P-A" })).total).toBe(2);
  });

  it("shows the lifecycle with credentials masked, and reveals them only through an audited call", async () => {
    const detail = await getInstanceDetail("INS-1", deps());
    expect(detail.instance).toMatchObject({ hasUserName: true, hasPassword: true });
    expect(JSON.stringify(detail)).not.toContain("S3cret!");
    expect(detail.events).toMatchObject([{ kind: "created", orderId: "ORD-0", inboundRequestId: "42" }]);
    const actor = { id: null, email: "ops@example.com" };
    expect(await revealInstanceCredentials("INS-1", actor, "10.0.0.1", deps())).toEqual({ userName: "admin@tenant", password: "S3cret!" });
    expect(await testDb.db.auditEvent.findFirst({ where: { action: "instance.credentials_revealed", targetId: "INS-1" } })).toMatchObject({ actorEmail: "ops@example.com", ipAddress: "10.0.0.1" });
    await expect(revealInstanceCredentials("INS-404", actor, null, deps())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
