import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagesQuerySchema, type MessageSummary } from "@/lib/contracts/messages";
import { getDashboardSummary } from "@/server/dashboard/get-dashboard-summary";
import { AppError } from "@/server/errors";
import { getMessageDetail } from "@/server/messages/get-message-detail";
import { getMessageHealth } from "@/server/messages/get-message-health";
import { listMessages } from "@/server/messages/list-messages";
import { MASK } from "@/server/messages/mask-credentials";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// 2026-11-20 12:00 in Beijing.
const NOW = new Date("2026-11-20T04:00:00.000Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

let testDb: TestDatabase;
const deps = () => testDeps(testDb.db, () => NOW);
const list = (query: Record<string, string> = {}) => listMessages(messagesQuerySchema.parse({ limit: "200", ...query }), deps());
const keys = (messages: MessageSummary[]) => messages.map((m) => `${m.direction}:${m.direction === "inbound" ? m.activity : m.id}`);

const ids: Record<string, string> = {};

const inbound = async (
  name: string,
  at: Date,
  fields: { activity?: string; resultCode?: string | null; state?: string; orderId?: string; instanceId?: string; testFlag?: boolean; body?: Uint8Array<ArrayBuffer>; query?: string; headers?: object; answerBody?: string },
) => {
  const row = await testDb.db.inboundRequest.create({
    data: {
      receivedAt: at,
      method: "POST",
      path: "/api/koogallery",
      query: fields.query ?? "signature=ABC&timestamp=1&nonce=N",
      headers: (fields.headers ?? { "content-type": "application/json" }) as object,
      body: fields.body ?? new TextEncoder().encode(JSON.stringify({ activity: fields.activity, orderId: fields.orderId })),
      bodySize: 10,
      state: fields.state ?? "answered",
      activity: fields.activity ?? null,
      verification: "ok",
      resultCode: fields.resultCode === undefined ? "000000" : fields.resultCode,
      resultMessage: fields.resultCode && fields.resultCode !== "000000" ? `failed with ${fields.resultCode}` : "success.",
      answerBody: fields.answerBody ?? '{"resultCode":"000000"}',
      answerHeaders: { "content-type": "application/json", "body-sign": 'sign_type="HMAC-SHA256",signature="X"' },
      latencyMs: 12,
      testFlag: fields.testFlag ?? false,
      orderId: fields.orderId ?? null,
      instanceId: fields.instanceId ?? null,
    },
  });
  ids[name] = row.id.toString();
  return row.id;
};

const delivery = async (
  name: string,
  at: Date,
  fields: { eventType?: string; status?: string; roundAttempts?: number; attempts?: number; orderId?: string; instanceId?: string; productCode?: string; inboundRequestId?: bigint; adapter?: string; nextAttemptAt?: Date; lastStatusCode?: number; lastError?: string },
) => {
  const id = randomUUID();
  await testDb.db.delivery.create({
    data: {
      id,
      eventType: fields.eventType ?? "instance.created",
      adapter: fields.adapter ?? "webhook",
      instanceId: fields.instanceId ?? null,
      orderKey: fields.instanceId ?? fields.orderId ?? id,
      orderId: fields.orderId ?? null,
      productCode: fields.productCode ?? null,
      payload: { type: fields.eventType ?? "instance.created", data: { orderId: fields.orderId ?? null } },
      status: fields.status ?? "pending",
      attempts: fields.attempts ?? fields.roundAttempts ?? 0,
      roundAttempts: fields.roundAttempts ?? 0,
      nextAttemptAt: fields.nextAttemptAt ?? at,
      lastStatusCode: fields.lastStatusCode ?? null,
      lastError: fields.lastError ?? null,
      inboundRequestId: fields.inboundRequestId ?? null,
      createdAt: at,
      updatedAt: at,
    },
  });
  ids[name] = id;
  return id;
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.db.instance.create({
    data: { id: randomUUID(), instanceId: "INST-A", dedupeKey: "ORD-A", generation: "v2", orderId: "ORD-A", productCode: "PROD-1", status: "provisioning" },
  });
  await testDb.db.instance.create({
    data: { id: randomUUID(), instanceId: "INST-B", dedupeKey: "ORD-B", generation: "v1", orderId: "ORD-B", productCode: "PROD-2", status: "active" },
  });

  // Order A: a purchase first called 2 h ago, whose delivery to the SaaS keeps failing.
  const newA = await inbound("newA", minutes(-120), { activity: "newInstance", resultCode: "000004", orderId: "ORD-A", instanceId: "INST-A" });
  await inbound("queryA", minutes(-119), { activity: "queryInstance", orderId: "ORD-A", instanceId: "INST-A" });
  await delivery("createdA", minutes(-119.5), {
    orderId: "ORD-A", instanceId: "INST-A", productCode: "PROD-1", inboundRequestId: newA, status: "pending", roundAttempts: 3,
    nextAttemptAt: minutes(5), lastStatusCode: 500, lastError: "the endpoint answered HTTP 500",
  });
  // Order B: purchased yesterday, delivered, then a release 30 minutes ago that is dead.
  await inbound("newB", minutes(-26 * 60), { activity: "newInstance", orderId: "ORD-B", instanceId: "INST-B", testFlag: false });
  await delivery("createdB", minutes(-26 * 60 + 1), { orderId: "ORD-B", instanceId: "INST-B", productCode: "PROD-2", status: "succeeded", attempts: 1 });
  const releaseB = await inbound("releaseB", minutes(-30), { activity: "releaseInstance", orderId: "ORD-B-REL", instanceId: "INST-B" });
  await delivery("releasedB", minutes(-29), { eventType: "instance.released", orderId: "ORD-B-REL", instanceId: "INST-B", productCode: "PROD-2", inboundRequestId: releaseB, status: "dead", roundAttempts: 6, lastStatusCode: 503 });
  // Order C: the gateway failed the purchase 50 minutes ago; the marketplace has not retried.
  await inbound("newC", minutes(-50), { activity: "newInstance", resultCode: "000005", orderId: "ORD-C" });
  // Order D: failed once, then the marketplace's retry succeeded: no longer at risk.
  await inbound("newD1", minutes(-100), { activity: "newInstance", resultCode: "000005", orderId: "ORD-D" });
  await inbound("newD2", minutes(-40), { activity: "newInstance", orderId: "ORD-D" });
  // A manual product waiting for an operator, and assorted other states.
  await delivery("manualE", minutes(-10), { orderId: "ORD-E", instanceId: "INST-E", productCode: "PROD-1", adapter: "manual", status: "awaiting_operator" });
  await inbound("badSig", minutes(-5), { activity: null as unknown as undefined, resultCode: "000001" });
  await inbound("crashed", minutes(-4), { activity: "refreshInstance", state: "needs_review", resultCode: null, orderId: "ORD-F" });
  await inbound("inFlight", minutes(-3), { activity: "upgrade", state: "received", resultCode: null, orderId: "ORD-G" });
  await inbound("test1", minutes(-2), { activity: "newInstance", orderId: "CSTEST-1", testFlag: true });
  await delivery("fresh", minutes(-1), { orderId: "ORD-H", instanceId: "INST-H", productCode: "PROD-1", status: "pending" });
  // The same millisecond on both sides and twice on one side: the keyset must still be total.
  const tie = minutes(-60);
  await inbound("tie1", tie, { activity: "orderNotify", orderId: "ORD-T" });
  await inbound("tie2", tie, { activity: "orderNotify", orderId: "ORD-T" });
  await delivery("tie3", tie, { eventType: "instance.renewed", orderId: "ORD-T", status: "cancelled" });
  await delivery("tie4", tie, { eventType: "instance.renewed", orderId: "ORD-T", status: "resolved" });
  // Beijing yesterday (2026-11-19) 23:59 and today 00:01.
  await inbound("lateYesterday", new Date("2026-11-19T15:59:00.000Z"), { activity: "orderNotify", orderId: "ORD-DAY" });
  await inbound("earlyToday", new Date("2026-11-19T16:01:00.000Z"), { activity: "orderNotify", orderId: "ORD-DAY" });

  await testDb.db.deliveryAttempt.createMany({
    data: [
      { deliveryId: ids.createdA!, attemptNo: 1, startedAt: minutes(-119), finishedAt: minutes(-119), statusCode: 500, latencyMs: 40, outcome: "failed", error: "the endpoint answered HTTP 500", responseExcerpt: "oops" },
      { deliveryId: ids.createdA!, attemptNo: 3, startedAt: minutes(-60), finishedAt: minutes(-60), statusCode: 200, latencyMs: 33, outcome: "failed", error: "not a valid provisioning result", responseExcerpt: '{"frontEndUrl":"x","userName":"root","password":"hunter2"}' },
      { deliveryId: ids.createdA!, attemptNo: 2, startedAt: minutes(-118), finishedAt: minutes(-118), statusCode: null, latencyMs: 5000, outcome: "failed", error: "no answer within 5000 ms", responseExcerpt: null },
      { deliveryId: ids.createdB!, attemptNo: 1, startedAt: minutes(-26 * 60), finishedAt: minutes(-26 * 60), statusCode: 200, latencyMs: 20, outcome: "succeeded" },
      { deliveryId: ids.releasedB!, attemptNo: 1, startedAt: minutes(-20), finishedAt: minutes(-20), statusCode: 503, latencyMs: 9, outcome: "failed" },
    ],
  });
});
afterAll(async () => testDb?.close());

describe(`interface message log on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("merges callbacks and deliveries newest first, each with its normalised status", async () => {
    const page = await list();
    expect(page.total).toBe(22);
    expect(page.totalIsCapped).toBe(false);
    const at = page.messages.map((m) => m.at);
    expect([...at].sort().reverse()).toEqual(at);
    const byId = (name: string) => page.messages.find((m) => m.id === ids[name])!;
    expect(keys(page.messages.slice(0, 4))).toEqual([`outbound:${ids.fresh}`, "inbound:newInstance", "inbound:upgrade", "inbound:refreshInstance"]);
    expect(byId("newA").status).toBe("succeeded");
    expect(byId("newC").status).toBe("failed");
    expect(byId("crashed").status).toBe("needs_review");
    expect(byId("inFlight").status).toBe("processing");
    expect(byId("createdA")).toMatchObject({ status: "failed", resultCode: "500", attempts: 3, latencyMs: 33, nextAttemptAt: minutes(5).toISOString(), productCode: "PROD-1" });
    expect(byId("fresh").status).toBe("pending");
    expect(byId("releasedB").status).toBe("dead");
    expect(byId("manualE")).toMatchObject({ status: "awaiting_operator", adapter: "manual" });
    // The product of a callback is its instance's.
    expect(byId("newA").productCode).toBe("PROD-1");
  });

  it("pages through everything with a keyset cursor, ties included, never twice and never skipping", async () => {
    const all = (await list()).messages.map((m) => `${m.direction}:${m.id}`);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const page = await listMessages(messagesQuerySchema.parse({ limit: "3", cursor }), deps());
      seen.push(...page.messages.map((m) => `${m.direction}:${m.id}`));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(22);
    // Of one millisecond: deliveries before callbacks, then newest id first on each side.
    const tie = [ids.tie1, ids.tie2, ids.tie3, ids.tie4].map((id) => seen.findIndex((entry) => entry.endsWith(`:${id}`)));
    expect(tie[1]).toBeLessThan(tie[0]!);
    expect(Math.max(tie[2]!, tie[3]!)).toBeLessThan(tie[1]!);
  });

  it("rejects a forged cursor and malformed filters", async () => {
    await expect(listMessages(messagesQuerySchema.parse({ cursor: "not-a-cursor" }), deps())).rejects.toBeInstanceOf(AppError);
    expect(messagesQuerySchema.safeParse({ status: "failed,exploded" }).success).toBe(false);
    expect(messagesQuerySchema.safeParse({ direction: "sideways" }).success).toBe(false);
    expect(messagesQuerySchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(messagesQuerySchema.parse({ status: "failed, dead", direction: "", q: " " })).toMatchObject({ status: ["failed", "dead"], direction: undefined, q: undefined });
  });

  it.each([
    [{ direction: "outbound" }, ["fresh", "manualE", "releasedB", "tie4", "tie3", "createdA", "createdB"]],
    [{ direction: "inbound", status: "failed" }, ["badSig", "newC", "newD1"]],
    [{ status: "failed,dead,needs_review" }, ["crashed", "badSig", "releasedB", "newC", "newD1", "createdA"]],
    [{ activity: "instance.released" }, ["releasedB"]],
    [{ activity: "newInstance", test: "exclude" }, ["newC", "newD2", "newD1", "newA", "newB"]],
    [{ test: "only" }, ["test1"]],
    [{ resultCode: "000005" }, ["newC", "newD1"]],
    [{ resultCode: "503" }, ["releasedB"]],
    [{ product: "PROD-2" }, ["releaseB", "releasedB", "createdB", "newB"]],
    [{ orderId: "ORD-A" }, ["queryA", "createdA", "newA"]],
    [{ instanceId: "INST-B" }, ["releasedB", "releaseB", "createdB", "newB"]],
    [{ q: "inst-e" }, ["manualE"]],
    [{ q: "ORD-B" }, ["releasedB", "releaseB", "createdB", "newB"]],
    [{ q: "100%_" }, []],
    // Beijing days: 2026-11-19 ends at 16:00 UTC.
    [{ from: "2026-11-19", to: "2026-11-19" }, ["lateYesterday", "newB", "createdB"]],
    [{ from: "2026-11-20", activity: "orderNotify" }, ["tie2", "tie1", "earlyToday"]],
  ])("filters by %o", async (query, expected) => {
    const page = await list(query as Record<string, string>);
    const names = page.messages.map((m) => Object.keys(ids).find((name) => ids[name] === m.id));
    expect(names.sort()).toEqual([...expected].sort());
    expect(page.total).toBe(expected.length);
  });

  it("counts down to the marketplace's deadline while a message is open, and finds the orders at risk", async () => {
    const page = await list();
    const byId = (name: string) => page.messages.find((m) => m.id === ids[name])!;
    // From the order's first callback (2 h ago), not from the delivery's creation.
    expect(byId("createdA").deadlineAt).toBe(minutes(-120 + 180).toISOString());
    // Release: an hour from its own callback; dead letters still count down.
    expect(byId("releasedB").deadlineAt).toBe(minutes(-30 + 60).toISOString());
    expect(byId("newC").deadlineAt).toBe(minutes(-50 + 180).toISOString());
    // Closed, settled by a later success, or not a deadline-bearing message: none.
    for (const name of ["createdB", "newA", "newD1", "newD2", "tie1", "tie3", "badSig"]) expect(byId(name).deadlineAt, name).toBeNull();
    // No inbound callback at all: from the delivery's creation.
    expect(byId("fresh").deadlineAt).toBe(minutes(-1 + 180).toISOString());

    const atRisk = await list({ atRisk: "1" });
    expect(atRisk.messages.map((m) => m.orderId).sort()).toEqual(["ORD-A", "ORD-B-REL", "ORD-C", "ORD-E", "ORD-G", "ORD-H"]);
  });

  it("shows a callback raw, with credentials masked and what it caused", async () => {
    const id = await inbound("raw", minutes(-0.5), {
      activity: "newInstance",
      orderId: "ORD-A",
      query: "signature=AB%2BC&timestamp=1&nonce=N&password=leak",
      headers: { "content-type": "application/json", cookie: "sid=secret" },
      body: new TextEncoder().encode('{"activity":"newInstance","userName":"buyer"}'),
      answerBody: '{"resultCode":"000000","appInfo":{"userName":"ENC1","password":"ENC2"}}',
    });
    const detail = await getMessageDetail("inbound", id.toString(), deps());
    if (detail.direction !== "inbound") throw new Error("wrong side");
    expect(detail.request.query).toEqual([["signature", "AB+C"], ["timestamp", "1"], ["nonce", "N"], ["password", MASK]]);
    expect(detail.request.headers).toEqual([["content-type", "application/json"], ["cookie", MASK]]);
    expect(detail.request).toMatchObject({ method: "POST", path: "/api/koogallery" });
    expect(detail.answer).toMatchObject({ state: "answered", verification: "ok", resultCode: "000000", latencyMs: 12 });
    expect(detail.request.body).toMatchObject({ text: `{"activity":"newInstance","userName":"${MASK}"}`, hex: null });
    expect(detail.answer.body).toBe(`{"resultCode":"000000","appInfo":{"userName":"${MASK}","password":"${MASK}"}}`);
    expect(detail.answer.headers).toContainEqual(["body-sign", 'sign_type="HMAC-SHA256",signature="X"']);
    expect(detail.related.map((m) => m.id).sort()).toEqual([ids.newA, ids.queryA, ids.createdA].sort());

    const newA = await getMessageDetail("inbound", ids.newA!, deps());
    expect(newA.direction === "inbound" && newA.deliveries.map((m) => m.id)).toEqual([ids.createdA]);

    const binary = await inbound("binary", minutes(-0.2), { body: new Uint8Array([0xff, 0xfe, 0x41]) as Uint8Array<ArrayBuffer> });
    const hex = await getMessageDetail("inbound", binary.toString(), deps());
    expect(hex.direction === "inbound" && hex.request.body).toMatchObject({ text: null, hex: "fffe41" });
    await testDb.db.inboundRequest.deleteMany({ where: { id: { in: [id, binary] } } });
  });

  it("shows a delivery with every attempt in order, the next one and what an operator may do", async () => {
    const detail = await getMessageDetail("outbound", ids.createdA!, deps());
    if (detail.direction !== "outbound") throw new Error("wrong side");
    expect(detail.delivery.attempts.map((a) => [a.attemptNo, a.statusCode, a.latencyMs])).toEqual([[1, 500, 40], [2, null, 5000], [3, 200, 33]]);
    expect(detail.delivery.attempts[2]!.responseExcerpt).toBe(`{"frontEndUrl":"x","userName":"${MASK}","password":"${MASK}"}`);
    expect(detail.message).toMatchObject({ status: "failed", nextAttemptAt: minutes(5).toISOString(), deadlineAt: minutes(60).toISOString() });
    expect(detail.serverNow).toBe(NOW.toISOString());
    expect(detail.actions).toEqual({ rerun: true, cancel: true, resolve: false, complete: null });
    expect(detail.related.map((m) => m.id).sort()).toEqual([ids.newA, ids.queryA].sort());
    expect(JSON.parse(detail.delivery.payload)).toEqual({ type: "instance.created", data: { orderId: "ORD-A" } });

    const manual = await getMessageDetail("outbound", ids.manualE!, deps());
    expect(manual.direction === "outbound" && manual.actions).toEqual({ rerun: false, cancel: true, resolve: true, complete: "credentials" });
    const dead = await getMessageDetail("outbound", ids.releasedB!, deps());
    expect(dead.direction === "outbound" && dead.actions).toEqual({ rerun: true, cancel: true, resolve: true, complete: null });
  });

  it("answers 404 for unknown or malformed ids, on either side", async () => {
    for (const [direction, id] of [["inbound", "999999"], ["inbound", "abc"], ["inbound", ids.createdA!], ["outbound", randomUUID()], ["outbound", ids.newA!]] as const) {
      await expect(getMessageDetail(direction, id, deps())).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("sums up the log's health for the dashboard", async () => {
    const health = await getMessageHealth(deps());
    expect(health.failingNow).toBe(1);
    expect(health.deadLetters).toBe(1);
    // The oldest open delivery: order A's, waiting for its fourth try.
    expect(health.oldestPending).toEqual({ id: ids.createdA, createdAt: minutes(-119.5).toISOString() });
    // Attempts finished in the last 24 h: three failures of A, one of the release.
    expect(health.successRate24h.deliveries).toEqual({ succeeded: 0, total: 4 });
    // Callbacks answered in 24 h (newB is older; the in-flight one is not answered yet).
    expect(health.successRate24h.callbacks).toEqual({ succeeded: 9, total: 13 });
    expect(health.atRisk).toEqual({ orders: 6, soonestDeadline: minutes(30).toISOString() });
  });

  it("puts the same figures on the dashboard, where 000004 is not an error", async () => {
    const summary = await getDashboardSummary(deps());
    expect(summary.messages).toEqual(await getMessageHealth(deps()));
    // Received in 24 h: 14 (newB is older). Errors: 000001, 000005 twice, the crashed and the in-flight one.
    expect(summary.callbacks24h).toEqual({ total: 14, failed: 5, test: 1 });
  });
});
