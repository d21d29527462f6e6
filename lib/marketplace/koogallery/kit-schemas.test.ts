import { describe, expect, it } from "vitest";
import { isKitInterfaceName, kitTestFlagOf, parseKitRequest } from "./kit-schemas";

const common = { instanceId: "huaiweitest123456", tenantId: "68cbc86abc2018ab880d92f36422fa0e", testFlag: 0, timeStamp: "20220413093539534" };
const tenant = { ...common, orderId: "CS1906666666ABCDE", tenantCode: "huawei", name: "huaiweitest", domainName: "https://example.tenantaccount.com", flag: 1 };
const orgs = [
  { orgCode: "HQ", orgName: "总部", parentCode: "" },
  { orgCode: "RD", orgName: "研发部", parentCode: "HQ" },
];

describe("parseKitRequest", () => {
  it("reads the spec's tenantSync example", () => {
    const parsed = parseKitRequest("tenantSync", "v2", tenant);
    expect(parsed).toMatchObject({ ok: true, name: "tenantSync", data: { flag: 1, testFlag: 0, tenantCode: "huawei" }, ignoredFields: [] });
  });

  it("accepts an empty or absent instanceId (seller test-account calls)", () => {
    expect(parseKitRequest("tenantSync", "v2", { ...tenant, instanceId: "", orderId: "" })).toMatchObject({ ok: true, data: { instanceId: "", orderId: "" } });
    const { instanceId: _, ...noInstance } = tenant;
    expect(parseKitRequest("tenantSync", "v2", noInstance)).toMatchObject({ ok: true, data: { instanceId: "" } });
  });

  it.each([
    [{ ...tenant, tenantId: undefined }, "tenantSync: tenantId is required"],
    [{ ...tenant, tenantId: 5 }, "tenantSync: tenantId must be a string"],
    [{ ...tenant, flag: 7 }, "tenantSync: flag must be one of 0, 1, 2 (got 7)"],
    [{ ...tenant, flag: true }, "tenantSync: flag must be one of 0, 1, 2 (got true)"],
    [{ ...tenant, testFlag: undefined }, "tenantSync: testFlag is required; expected one of 0, 1"],
    [{ ...tenant, timeStamp: "2022-04-13" }, "timeStamp"],
    [{ ...tenant, name: "x".repeat(256) }, "tenantSync: name must be at most 255 characters"],
  ])("refuses a bad tenantSync field with 000002 naming it (%#)", (body, message) => {
    const parsed = parseKitRequest("tenantSync", "v2", body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.resultCode).toBe("000002");
      expect(parsed.message).toContain(message);
    }
  });

  it("accepts numeric strings for integer fields", () => {
    expect(parseKitRequest("tenantSync", "v1", { ...tenant, flag: "2", testFlag: "1" })).toMatchObject({ ok: true, data: { flag: 2, testFlag: 1 } });
  });

  it("applicationSync: flag 2 exists only in V2", () => {
    const body = { ...common, appId: "APP1", clientId: "cid", clientSecret: "b64cipher==", flag: 2 };
    expect(parseKitRequest("applicationSync", "v2", body).ok).toBe(true);
    expect(parseKitRequest("applicationSync", "v1", body)).toMatchObject({ ok: false, message: "applicationSync: flag must be one of 0, 1 (got 2)" });
  });

  it("authSync reads userList as an array or a JSON string; add needs the profile, delete only the account", () => {
    const users = [{ userName: "u1", name: "甲", orgCode: "HQ", role: "admin", enable: "true", employeeType: 1, ext: "x" }];
    const body = { ...common, appId: "APP1", currentSyncTime: "20220413093539534", flag: 1, userList: users };
    expect(parseKitRequest("authSync", "v2", body)).toMatchObject({ ok: true, data: { userList: [{ userName: "u1", role: "admin", enable: true, employeeType: 1 }] } });
    expect(parseKitRequest("authSync", "v1", { ...body, userList: JSON.stringify(users) })).toMatchObject({ ok: true, data: { userList: [{ userName: "u1" }] } });
    expect(parseKitRequest("authSync", "v2", { ...body, userList: [{ userName: "u1" }] })).toMatchObject({ ok: false, message: expect.stringContaining("userList[0]: name is required when flag is 1") });
    expect(parseKitRequest("authSync", "v2", { ...body, flag: 3, userList: [{ userName: "u1" }] }).ok).toBe(true);
    expect(parseKitRequest("authSync", "v2", { ...body, userList: [{ ...users[0], role: "root" }] })).toMatchObject({ ok: false, message: expect.stringContaining("role must be user or admin") });
    expect(parseKitRequest("authSync", "v2", { ...body, userList: "{not json" })).toMatchObject({ ok: false, message: expect.stringContaining("userList is a string but not a JSON array") });
  });

  it("allOrgSync: orgInfoList as array or JSON string, orgInfo (V1) as JSON string", () => {
    expect(parseKitRequest("allOrgSync", "v2", { ...common, orgInfoList: orgs })).toMatchObject({ ok: true, data: { orgs: [{ orgCode: "HQ", parentCode: undefined }, { orgCode: "RD", parentCode: "HQ" }] } });
    expect(parseKitRequest("allOrgSync", "v2", { ...common, orgInfoList: JSON.stringify(orgs) })).toMatchObject({ ok: true, data: { orgs: [{ orgCode: "HQ" }, { orgCode: "RD" }] } });
    expect(parseKitRequest("allOrgSync", "v1", { ...common, orgInfo: JSON.stringify(orgs) })).toMatchObject({ ok: true, data: { orgs: [{ orgCode: "HQ" }, { orgCode: "RD" }] } });
    expect(parseKitRequest("allOrgSync", "v1", common)).toMatchObject({ ok: false, message: "allOrgSync: orgInfo is required" });
    expect(parseKitRequest("allOrgSync", "v2", { ...common, orgInfoList: { orgCode: "HQ" } })).toMatchObject({ ok: false, message: expect.stringContaining("orgInfoList must be a JSON array") });
    expect(parseKitRequest("allOrgSync", "v2", { ...common, orgInfoList: [orgs[0], orgs[0]] })).toMatchObject({ ok: false, message: 'allOrgSync: orgCode "HQ" appears twice' });
    expect(parseKitRequest("allOrgSync", "v2", { ...common, orgInfoList: [{ orgCode: "HQ" }] })).toMatchObject({ ok: false, message: expect.stringContaining("orgInfoList[0]: orgName is required") });
  });

  it("singleOrgSync and the helpers", () => {
    expect(parseKitRequest("singleOrgSync", "v2", { ...common, orgCode: "HQ", orgName: "总部", flag: 0 })).toMatchObject({ ok: true, data: { flag: 0 } });
    expect(parseKitRequest("singleOrgSync", "v2", [])).toMatchObject({ ok: false, message: "singleOrgSync: the request body must be a JSON object" });
    expect(isKitInterfaceName("tenantSync")).toBe(true);
    expect(isKitInterfaceName("toString")).toBe(false);
    expect([kitTestFlagOf({ testFlag: 1 }), kitTestFlagOf({ testFlag: "1" }), kitTestFlagOf({ testFlag: 0 }), kitTestFlagOf(null)]).toEqual([true, true, false, false]);
  });
});
