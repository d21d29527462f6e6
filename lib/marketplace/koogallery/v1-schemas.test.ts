import { describe, expect, it } from "vitest";
import { encodeSaasExtendParams } from "./saas-extend-params";
import { parseV1Request, queryInstanceIds, V1_ACTIVITY_NAMES } from "./v1-schemas";

const COMMON = { authToken: "Gzbfjf9LHRBcI3bFVi++sLinCNOBF6qa7is1fvjEgYQ=", timeStamp: "20200727073711903" };

// The spec §2.2 example request.
const SPEC_NEW_INSTANCE = {
  ...COMMON,
  activity: "newInstance",
  businessId: "61e834ba-7b97-4418-b8f7-e5345137278c",
  customerId: "68cbc86abc2018ab880d92f36422fa0e",
  expireTime: "20200727153156",
  orderId: "CS1906666666ABCDE",
  productId: "00301-666666-0--0",
  testFlag: "1",
};

const id = (n: number) => "i".repeat(n);

describe("parseV1Request accepts each activity", () => {
  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ["newInstance (spec example)", SPEC_NEW_INSTANCE, { orderId: "CS1906666666ABCDE", testFlag: "1", expireTime: "20200727153156" }],
    [
      "newInstance with every optional field",
      {
        ...SPEC_NEW_INSTANCE,
        customerName: "华为",
        userId: "u1",
        userName: "user",
        mobilePhone: "abcdefgh12345678MZgye9ZJ/7vYk/loNYGkvg==",
        email: "abcdefgh12345678MZgye9ZJ/7vYk/loNYGkvg==",
        skuCode: "sku",
        trialFlag: "1",
        chargingMode: "1",
        saasExtendParams: encodeSaasExtendParams([{ name: "idNum", value: "1" }]),
        amount: "20",
        diskSize: "100",
        bandWidth: "10",
        periodType: "month",
        periodNumber: "12",
        orderAmount: "99.125",
      },
      { trialFlag: "1", chargingMode: "1", orderAmount: "99.125", periodType: "month" },
    ],
    [
      "refreshInstance with the debug case's empty productId",
      { ...COMMON, activity: "refreshInstance", orderId: "O2", instanceId: "I1", productId: "", expireTime: "20261231235959", trialToFormal: "1" },
      { productId: undefined, trialToFormal: "1" },
    ],
    ["expireInstance without orderId (doc example)", { ...COMMON, activity: "expireInstance", instanceId: "I1" }, { instanceId: "I1" }],
    ["releaseInstance", { ...COMMON, activity: "releaseInstance", instanceId: "I1", orderId: "O1" }, { instanceId: "I1" }],
    [
      "upgrade",
      { ...COMMON, activity: "upgrade", instanceId: "I1", orderId: "O3", skuCode: "s2", productId: "p2", amount: "50" },
      { skuCode: "s2", amount: "50" },
    ],
    ["instanceStatus NORMAL", { ...COMMON, activity: "instanceStatus", instanceId: "I1", instanceStatus: "NORMAL" }, { instanceStatus: "NORMAL" }],
    ["queryInstance batch", { ...COMMON, activity: "queryInstance", instanceId: "a,b" }, { instanceId: "a,b" }],
    [
      "getLicense",
      { ...COMMON, activity: "getLicense", customerId: "c", businessId: "b", orderId: "O1" },
      { customerId: "c" },
    ],
    ["releaseLicense", { ...COMMON, activity: "releaseLicense", orderId: "O1" }, { orderId: "O1" }],
  ])("%s", (_name, params, expected) => {
    const result = parseV1Request(params);
    expect(result).toMatchObject({ ok: true, activity: params.activity, data: expected, ignoredFields: [] });
  });

  it("covers every V1 activity", () => {
    expect(V1_ACTIVITY_NAMES).toEqual([
      "newInstance",
      "refreshInstance",
      "expireInstance",
      "releaseInstance",
      "upgrade",
      "instanceStatus",
      "queryInstance",
      "getLicense",
      "releaseLicense",
    ]);
  });
});

describe("parseV1Request narrows by activity", () => {
  it("exposes typed data", () => {
    const result = parseV1Request({ ...COMMON, activity: "instanceStatus", instanceId: "I1", instanceStatus: "FREEZE" });
    if (!result.ok || result.activity !== "instanceStatus") throw new Error("expected instanceStatus");
    const status: "FREEZE" | "NORMAL" = result.data.instanceStatus;
    expect(status).toBe("FREEZE");
  });

  it("drops and reports unknown parameters", () => {
    const result = parseV1Request({ ...SPEC_NEW_INSTANCE, newField: "x", other: "" });
    expect(result).toMatchObject({ ok: true, ignoredFields: ["newField", "other"] });
    expect(result.ok && "newField" in result.data).toBe(false);
  });
});

describe("parseV1Request rejects with 000002 and a precise message", () => {
  it.each<[string, Record<string, string>, string]>([
    ["no activity", { ...COMMON }, "activity is required"],
    [
      "unknown activity",
      { ...COMMON, activity: "updateInstanceStatus" },
      'unknown activity "updateInstanceStatus"; V1 activities are newInstance, refreshInstance, expireInstance, releaseInstance, upgrade, instanceStatus, queryInstance, getLicense, releaseLicense',
    ],
    ["missing customerId", { ...SPEC_NEW_INSTANCE, customerId: undefined as unknown as string }, "newInstance: customerId is required"],
    ["blank orderId", { ...SPEC_NEW_INSTANCE, orderId: "  " }, "newInstance: orderId must not be empty"],
    ["orderId of 65 characters", { ...SPEC_NEW_INSTANCE, orderId: id(65) }, "newInstance: orderId must be at most 64 characters"],
    ["customerId of 101 characters", { ...SPEC_NEW_INSTANCE, customerId: id(101) }, "customerId must be at most 100 characters"],
    ["missing authToken", { ...SPEC_NEW_INSTANCE, authToken: undefined as unknown as string }, "newInstance: authToken is required"],
    [
      "timeStamp in seconds",
      { ...SPEC_NEW_INSTANCE, timeStamp: "1595835431" },
      'newInstance: timeStamp "1595835431" has the wrong format; expected yyyyMMddHHmmssSSS (UTC)',
    ],
    [
      "impossible expireTime",
      { ...SPEC_NEW_INSTANCE, expireTime: "20200230153156" },
      'newInstance: expireTime "20200230153156" is not a valid time: day 30 does not exist in 2020-02',
    ],
    ["testFlag 2", { ...SPEC_NEW_INSTANCE, testFlag: "2" }, 'newInstance: testFlag must be one of 0, 1 (got "2")'],
    ["chargingMode word", { ...SPEC_NEW_INSTANCE, chargingMode: "PERIOD" }, "chargingMode must be a whole number of at most 3 digits"],
    ["periodNumber 100", { ...SPEC_NEW_INSTANCE, periodNumber: "100" }, "periodNumber must be a whole number of at most 2 digits"],
    ["orderAmount with 4 decimals", { ...SPEC_NEW_INSTANCE, orderAmount: "1.2345" }, "orderAmount must be a non-negative amount with at most 3 decimal places"],
    ["negative orderAmount", { ...SPEC_NEW_INSTANCE, orderAmount: "-1" }, "orderAmount must be a non-negative amount"],
    ["saasExtendParams not Base64", { ...SPEC_NEW_INSTANCE, saasExtendParams: "***" }, "newInstance: saasExtendParams is not valid Base64"],
    ["saasExtendParams over 2048", { ...SPEC_NEW_INSTANCE, saasExtendParams: "A".repeat(2049) }, "saasExtendParams must be at most 2048 characters"],
    [
      "V2 status word in V1",
      { ...COMMON, activity: "instanceStatus", instanceId: "I1", instanceStatus: "UNFREEZE" },
      'instanceStatus: instanceStatus must be one of FREEZE, NORMAL (got "UNFREEZE")',
    ],
    [
      "missing instanceStatus",
      { ...COMMON, activity: "instanceStatus", instanceId: "I1" },
      "instanceStatus: instanceStatus is required; expected one of FREEZE, NORMAL",
    ],
    ["refresh without expireTime", { ...COMMON, activity: "refreshInstance", orderId: "O", instanceId: "I" }, "refreshInstance: expireTime is required"],
    ["releaseInstance without orderId", { ...COMMON, activity: "releaseInstance", instanceId: "I1" }, "releaseInstance: orderId is required"],
    ["upgrade without skuCode", { ...COMMON, activity: "upgrade", instanceId: "I", orderId: "O", productId: "p" }, "upgrade: skuCode is required"],
    [
      "queryInstance with 101 IDs",
      { ...COMMON, activity: "queryInstance", instanceId: Array.from({ length: 101 }, (_, i) => `i${i}`).join(",") },
      "queryInstance: instanceId lists 101 instance IDs, more than the limit of 100",
    ],
    ["queryInstance with only commas", { ...COMMON, activity: "queryInstance", instanceId: ",," }, "instanceId must list at least one instance ID"],
    ["queryInstance with a long ID", { ...COMMON, activity: "queryInstance", instanceId: `a,${id(65)}` }, "is longer than 64 characters"],
  ])("%s", (_name, params, message) => {
    const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
    const result = parseV1Request(clean);
    expect(result).toMatchObject({ ok: false, resultCode: "000002" });
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("lists every problem at once", () => {
    const result = parseV1Request({ ...COMMON, activity: "releaseInstance" });
    expect(result).toEqual({
      ok: false,
      resultCode: "000002",
      activity: "releaseInstance",
      message: "releaseInstance: instanceId is required; orderId is required",
    });
  });
});

describe("queryInstanceIds", () => {
  it.each([
    ["a", ["a"]],
    ["a, b ,c", ["a", "b", "c"]],
    ["a,,b,", ["a", "b"]],
    ["a,b,a", ["a", "b"]],
  ])("%j -> %j", (instanceId, ids) => {
    expect(queryInstanceIds({ instanceId })).toEqual(ids);
  });

  it("accepts exactly 100 IDs", () => {
    const instanceId = Array.from({ length: 100 }, (_, i) => `i${i}`).join(",");
    expect(parseV1Request({ ...COMMON, activity: "queryInstance", instanceId }).ok).toBe(true);
  });
});
