import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { computeKitSignature, computeV1KitAuthToken, formatKitTimestamp, verifyBodySign } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { clientSecretAssociatedData } from "@/server/kit/application-sync";
import { contactAssociatedData } from "@/server/kit/auth-sync";
import { listKitTenants } from "@/server/kit/list-kit-tenants";
import { configureTestKeys, raw, sendCallback, TEST_KEYS } from "@/test/support/marketplace-requests";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// The 联营Kit sync calls (§3.5) through the gateway: verification (§2.2 POST variant, §2.5),
// parsing, idempotent storage (§4), and the record in inbound_requests.

const KIT_KEY = "kit-current-8a1f27";
const KIT_PREVIOUS = "kit-previous-3c90de";
const BASE = "/api/koogallery/produceAPI";

let testDb: TestDatabase;
let deps: Deps;

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
});
beforeEach(async () => configureTestKeys(deps, { "marketplace.kitAccessKey.current": KIT_KEY, "marketplace.kitAccessKey.previous": KIT_PREVIOUS }));
afterAll(async () => {
  forgetMarketplaceKeys();
  await testDb?.close();
});

const kitV2 = (name: string, body: Record<string, unknown> | string, options: { key?: string; nonce?: string; timestamp?: string; signature?: string } = {}) => {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const nonce = options.nonce ?? randomBytes(32).toString("hex").toUpperCase();
  const timestamp = options.timestamp ?? String(Date.now());
  const signature = options.signature ?? computeKitSignature({ accessKey: options.key ?? KIT_KEY, nonce, timestamp, body: text });
  return raw("POST", "", Buffer.from(text), { "content-type": "application/json", "x-sign": signature, "x-nonce": nonce, "x-timestamp": timestamp }, `${BASE}/v2/${name}`);
};

const kitV1 = (name: string, body: Record<string, unknown>, key: string = TEST_KEYS.v1) =>
  raw("POST", "", Buffer.from(JSON.stringify(body)), { "content-type": "application/json", authToken: computeV1KitAuthToken(body, key) }, `${BASE}/${name}`);

let seq = 0;
const scope = () => {
  seq += 1;
  return { instanceId: `INST${seq}${randomUUID().slice(0, 8)}`, tenantId: `tenant-${seq}-${randomUUID().slice(0, 8)}`, testFlag: 0, timeStamp: formatKitTimestamp(new Date()) };
};
const tenantBody = (common: ReturnType<typeof scope>, flag: number, extra: Record<string, unknown> = {}) => ({
  ...common,
  orderId: "CS1906666666ABCDE",
  tenantCode: "huawei",
  name: "华为测试企业",
  domainName: "https://example.tenantaccount.com",
  flag,
  ...extra,
});

const send = async (request: ReturnType<typeof raw>) => sendCallback(request, deps);

describe(`联营Kit sync on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("V2 tenantSync: add, repeated add, modify (name and domain only), delete, repeated delete", async () => {
    const common = scope();
    const added = await send(kitV2("tenantSync", tenantBody(common, 1)));
    expect(added.json).toEqual({ resultCode: "000000", resultMsg: "Success" });
    expect(added.row).toMatchObject({ generation: "kit", activity: "tenantSync", verification: "ok", keyUsed: "kit", instanceId: common.instanceId, testFlag: false });
    // The V2 answer is signed with the key that verified the call.
    expect(verifyBodySign({ body: added.body, header: added.headers["Body-Sign"]!, key: KIT_KEY })).toEqual({ ok: true });
    expect((await send(kitV2("tenantSync", tenantBody(common, 1)))).json.resultCode).toBe("000000");
    expect(await deps.db.kitTenant.count({ where: { tenantId: common.tenantId } })).toBe(1);

    await send(kitV2("tenantSync", tenantBody(common, 2, { name: "新名称", domainName: "https://new.example.com", tenantCode: "ignored" })));
    const modified = await deps.db.kitTenant.findUniqueOrThrow({ where: { instanceId_tenantId: { instanceId: common.instanceId, tenantId: common.tenantId } } });
    expect(modified).toMatchObject({ name: "新名称", domainName: "https://new.example.com", tenantCode: "huawei", deletedAt: null, generation: "v2" });

    expect((await send(kitV2("tenantSync", tenantBody(common, 0)))).json.resultCode).toBe("000000");
    expect((await send(kitV2("tenantSync", tenantBody(common, 0)))).json.resultCode).toBe("000000");
    const deleted = await deps.db.kitTenant.findUniqueOrThrow({ where: { instanceId_tenantId: { instanceId: common.instanceId, tenantId: common.tenantId } } });
    expect(deleted.deletedAt).not.toBeNull();
    // A delete for an instance the console never heard of succeeds and creates nothing.
    const unknown = scope();
    expect((await send(kitV2("tenantSync", tenantBody(unknown, 0)))).json.resultCode).toBe("000000");
    expect(await deps.db.kitTenant.count({ where: { tenantId: unknown.tenantId } })).toBe(0);
  });

  it("V2 tenantSync from a seller test account (empty instanceId, testFlag 1) is kept and marked test; the previous kit key still verifies", async () => {
    const common = { ...scope(), instanceId: "", testFlag: 1 };
    const sent = await send(kitV2("tenantSync", tenantBody(common, 1, { orderId: "" }), { key: KIT_PREVIOUS }));
    expect(sent.json.resultCode).toBe("000000");
    expect(sent.row).toMatchObject({ keyUsed: "kit-previous", testFlag: true, instanceId: null });
    expect(await deps.db.kitTenant.findFirstOrThrow({ where: { tenantId: common.tenantId } })).toMatchObject({ instanceId: "", orderId: null, testFlag: true });
  });

  it("V2 applicationSync stores appId, clientId and the still-encrypted clientSecret, sealed at rest", async () => {
    const common = scope();
    const body = { ...common, appId: "APP-1", clientId: "client-1", clientSecret: "UlNBLU9BRVAtY2lwaGVydGV4dA==", flag: 1 };
    expect((await send(kitV2("applicationSync", body))).json.resultCode).toBe("000000");
    expect((await send(kitV2("applicationSync", body))).json.resultCode).toBe("000000");
    const rows = await deps.db.kitApplication.findMany({ where: { tenantId: common.tenantId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.clientSecretSealed).not.toContain(body.clientSecret);
    expect(deps.secretBox.decrypt(rows[0]!.clientSecretSealed!, clientSecretAssociatedData(common.instanceId, common.tenantId, "APP-1"))).toBe(body.clientSecret);
    await send(kitV2("applicationSync", { ...body, flag: 0 }));
    expect((await deps.db.kitApplication.findFirstOrThrow({ where: { tenantId: common.tenantId } })).deletedAt).not.toBeNull();
  });

  it("V2 authSync: add, repeat, modify, cancel authorisation, delete", async () => {
    const common = scope();
    const users = [
      { userName: "zhang.san", name: "张三", orgCode: "HQ", role: "admin", enable: "true", mobile: "13800000000", email: "z@example.com" },
      { userName: "li.si", name: "李四", orgCode: "RD", role: "user", enable: "true", employeeType: 2 },
    ];
    const body = (flag: number, userList: unknown[]) => ({ ...common, appId: "APP-1", currentSyncTime: formatKitTimestamp(new Date()), flag, userList });
    expect((await send(kitV2("authSync", body(1, users)))).json.resultCode).toBe("000000");
    expect((await send(kitV2("authSync", body(1, users)))).json.resultCode).toBe("000000");
    expect(await deps.db.kitUser.count({ where: { tenantId: common.tenantId } })).toBe(2);
    const zhang = await deps.db.kitUser.findFirstOrThrow({ where: { tenantId: common.tenantId, userName: "zhang.san" } });
    expect(zhang).toMatchObject({ role: "admin", enabled: true, authorised: true });
    expect(JSON.parse(deps.secretBox.decrypt(zhang.contactSealed!, contactAssociatedData(common.instanceId, common.tenantId, "APP-1", "zhang.san")))).toMatchObject({ mobile: "13800000000" });

    await send(kitV2("authSync", body(2, [{ ...users[1], role: "admin", enable: "false" }])));
    expect(await deps.db.kitUser.findFirstOrThrow({ where: { tenantId: common.tenantId, userName: "li.si" } })).toMatchObject({ role: "admin", enabled: false, employeeType: 2 });
    await send(kitV2("authSync", body(3, [{ userName: "li.si" }])));
    expect(await deps.db.kitUser.findFirstOrThrow({ where: { tenantId: common.tenantId, userName: "li.si" } })).toMatchObject({ authorised: false, deletedAt: null });
    await send(kitV2("authSync", body(0, [{ userName: "zhang.san" }, { userName: "never.seen" }])));
    await send(kitV2("authSync", body(0, [{ userName: "zhang.san" }])));
    const after = await deps.db.kitUser.findMany({ where: { tenantId: common.tenantId }, orderBy: { userName: "asc" } });
    expect(after.map((u) => [u.userName, u.deletedAt !== null])).toEqual([["li.si", false], ["zhang.san", true]]);
  });

  it("singleOrgSync and allOrgSync (list or JSON string): full sync retires the units it no longer lists", async () => {
    const common = scope();
    const orgs = [
      { orgCode: "HQ", orgName: "总部", parentCode: "" },
      { orgCode: "RD", orgName: "研发部", parentCode: "HQ" },
    ];
    expect((await send(kitV2("allOrgSync", { ...common, orgInfoList: orgs }))).json.resultCode).toBe("000000");
    expect((await send(kitV2("allOrgSync", { ...common, orgInfoList: JSON.stringify(orgs) }))).json.resultCode).toBe("000000");
    expect(await deps.db.kitOrgUnit.count({ where: { tenantId: common.tenantId, deletedAt: null } })).toBe(2);
    await send(kitV2("singleOrgSync", { ...common, orgCode: "QA", orgName: "测试部", parentCode: "HQ", flag: 1 }));
    await send(kitV2("singleOrgSync", { ...common, orgCode: "QA", orgName: "质量部", parentCode: "HQ", flag: 2 }));
    expect(await deps.db.kitOrgUnit.findFirstOrThrow({ where: { tenantId: common.tenantId, orgCode: "QA" } })).toMatchObject({ orgName: "质量部", parentCode: "HQ" });
    await send(kitV2("singleOrgSync", { ...common, orgCode: "RD", orgName: "研发部", flag: 0 }));
    await send(kitV2("singleOrgSync", { ...common, orgCode: "RD", orgName: "研发部", flag: 0 }));
    await send(kitV2("allOrgSync", { ...common, orgInfoList: [orgs[0]] }));
    const active = await deps.db.kitOrgUnit.findMany({ where: { tenantId: common.tenantId, deletedAt: null } });
    expect(active.map((o) => o.orgCode)).toEqual(["HQ"]);
    expect(await deps.db.kitOrgUnit.count({ where: { tenantId: common.tenantId } })).toBe(3);
  });

  it("V1 kit calls carry authToken in a header; answers are V1 (Body-Sign with the V1 key); orgInfo is a JSON string", async () => {
    const common = scope();
    const sent = await send(kitV1("tenantSync", tenantBody(common, 1)));
    expect(sent.json).toEqual({ resultCode: "000000", resultMsg: "Success" });
    expect(sent.row).toMatchObject({ keyUsed: "v1", verification: "ok" });
    expect(verifyBodySign({ body: sent.body, header: sent.headers["Body-Sign"]!, key: TEST_KEYS.v1 })).toEqual({ ok: true });
    const orgs = [{ orgCode: "HQ", orgName: "总部", parentCode: "" }];
    expect((await send(kitV1("allOrgSync", { ...common, orgInfo: JSON.stringify(orgs) }))).json.resultCode).toBe("000000");
    expect(await deps.db.kitTenant.findFirstOrThrow({ where: { tenantId: common.tenantId } })).toMatchObject({ generation: "v1" });
    expect(await deps.db.kitOrgUnit.count({ where: { tenantId: common.tenantId } })).toBe(1);
    const bad = await send(kitV1("tenantSync", tenantBody(scope(), 1), "not-the-v1-key"));
    expect(bad.json).toEqual({ resultCode: "000001", resultMsg: "authToken does not match" });
  });

  it("refusals: bad signature, stale timestamp, replayed nonce, missing field, wrong type, unknown interface — stored, nothing written", async () => {
    const common = scope();
    const count = () => deps.db.kitTenant.count({ where: { tenantId: common.tenantId } });
    const expectAnswer = async (request: ReturnType<typeof raw>, resultCode: string, resultMsg: string | RegExp, verification: string) => {
      const sent = await send(request);
      expect(sent.json.resultCode).toBe(resultCode);
      expect(sent.json.resultMsg).toMatch(resultMsg);
      expect(sent.row).toMatchObject({ generation: "kit", verification });
      return sent;
    };
    await expectAnswer(kitV2("tenantSync", tenantBody(common, 1), { key: "attacker-key" }), "000001", "x-sign does not match", "mismatch");
    // The basic-interface algorithm (inner HMAC) must not pass for a kit call.
    await expectAnswer(kitV2("tenantSync", tenantBody(common, 1), { key: TEST_KEYS.basic }), "000001", "x-sign does not match", "mismatch");
    await expectAnswer(kitV2("tenantSync", tenantBody(common, 1), { signature: "" }), "000001", "x-sign is missing", "missing-signature");
    await expectAnswer(kitV2("tenantSync", tenantBody(common, 1), { timestamp: String(Date.now() - 61_000) }), "000002", /x-timestamp is \d+ ms old/, "stale-timestamp");
    const nonce = randomBytes(32).toString("hex");
    await expectAnswer(kitV2("tenantSync", tenantBody(common, 1), { nonce }), "000000", "Success", "ok");
    await expectAnswer(kitV2("tenantSync", tenantBody(common, 1), { nonce }), "000002", "x-nonce was already used: the request is a replay", "replayed-nonce");
    const before = await count();
    await expectAnswer(kitV2("tenantSync", { ...tenantBody(common, 1), tenantCode: undefined }), "000002", "tenantSync: tenantCode is required", "ok");
    await expectAnswer(kitV2("tenantSync", tenantBody(common, 1, { flag: "add" })), "000002", 'tenantSync: flag must be one of 0, 1, 2 (got "add")', "ok");
    await expectAnswer(kitV2("tenantSync", tenantBody(common, 1, { name: 42 })), "000002", "tenantSync: name must be a string", "ok");
    await expectAnswer(kitV2("orgDelete", tenantBody(common, 1)), "000002", /^unknown 联营Kit interface "orgDelete"; supported: tenantSync/, "ok");
    await expectAnswer(kitV2("tenantSync", "{not json", { signature: "00" }), "000002", /invalid JSON/, "invalid-body");
    expect(await count()).toBe(before);
  });

  it("the operators' view groups what was synced by instance and tenant, departments and users even before the tenant", async () => {
    const common = scope();
    await send(kitV2("allOrgSync", { ...common, orgInfoList: [{ orgCode: "HQ", orgName: "总部" }] }));
    const early = await listKitTenants({ instanceId: common.instanceId }, deps);
    expect(early.tenants).toEqual([expect.objectContaining({ instanceId: common.instanceId, tenantId: common.tenantId, tenant: null, orgUnits: [expect.objectContaining({ orgCode: "HQ", deleted: false })] })]);
    await send(kitV2("tenantSync", tenantBody(common, 1)));
    await send(kitV2("applicationSync", { ...common, appId: "APP-9", clientId: "c9", clientSecret: "cipher", flag: 1 }));
    await send(kitV2("authSync", { ...common, appId: "APP-9", currentSyncTime: formatKitTimestamp(new Date()), flag: 1, userList: [{ userName: "u9", name: "九", orgCode: "HQ", role: "user", enable: "false" }] }));
    const view = await listKitTenants({ instanceId: common.instanceId }, deps);
    expect(view.truncated).toBe(false);
    expect(view.tenants).toHaveLength(1);
    expect(view.tenants[0]).toMatchObject({
      tenant: { tenantCode: "huawei", generation: "v2", deleted: false },
      applications: [{ appId: "APP-9", clientId: "c9", hasClientSecret: true }],
      users: [{ userName: "u9", role: "user", enabled: false, authorised: true }],
    });
    expect(JSON.stringify(view)).not.toContain("cipher");
  });

  it("a handler that fails answers 000005 signed with the kit key, writes nothing, and keeps the error for review", async () => {
    const common = scope();
    const broken = new Proxy(deps.db, {
      get(target, property) {
        if (property === "kitTenant") return { ...target.kitTenant, upsert: () => Promise.reject(new Error("connection lost")) };
        return Reflect.get(target, property, target) as unknown;
      },
    });
    const sent = await sendCallback(kitV2("tenantSync", tenantBody(common, 1)), { ...deps, db: broken });
    expect(sent.json).toEqual({ resultCode: "000005", resultMsg: "internal error while handling the request; it has been recorded for review" });
    expect(verifyBodySign({ body: sent.body, header: sent.headers["Body-Sign"]!, key: KIT_KEY })).toEqual({ ok: true });
    expect(sent.row).toMatchObject({ verification: "ok", keyUsed: "kit", error: "Error: connection lost", instanceId: common.instanceId });
    expect(await deps.db.kitTenant.count({ where: { tenantId: common.tenantId } })).toBe(0);
  });

  it("the same add arriving several times at once creates one row of each kind, every call answered 000000", async () => {
    const common = scope();
    const users = [{ userName: "same.user", name: "同一人", orgCode: "HQ", role: "user", enable: "true" }];
    const calls = Array.from({ length: 4 }, () => [
      kitV2("tenantSync", tenantBody(common, 1)),
      kitV2("allOrgSync", { ...common, orgInfoList: [{ orgCode: "HQ", orgName: "总部" }] }),
      kitV2("authSync", { ...common, appId: "APP-C", currentSyncTime: formatKitTimestamp(new Date()), flag: 1, userList: users }),
    ]).flat();
    const answers = await Promise.all(calls.map((request) => send(request)));
    expect(answers.map((a) => a.json.resultCode)).toEqual(calls.map(() => "000000"));
    const where = { tenantId: common.tenantId };
    expect([await deps.db.kitTenant.count({ where }), await deps.db.kitOrgUnit.count({ where }), await deps.db.kitUser.count({ where })]).toEqual([1, 1, 1]);
  });

  it("without a kit key configured a V2 kit call is refused with 000001", async () => {
    await configureTestKeys(deps, { "marketplace.kitAccessKey.current": null, "marketplace.kitAccessKey.previous": null });
    const sent = await send(kitV2("tenantSync", tenantBody(scope(), 1)));
    expect(sent.json).toEqual({ resultCode: "000001", resultMsg: "the seller has not configured the 联营SaaS同步接口 (kit) access key" });
  });
});
