import { describe, expect, it } from "vitest";
import { parseV2Request, V2_ACTIVITY_NAMES } from "./v2-schemas";

// Spec §2.4 vector body (a debug newInstance).
const SPEC_NEW_INSTANCE =
  '{"activity":"newInstance","businessId":"87b94795-0603-4e24-8ae5-69420d60e3c8","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"1"}';
// Spec §3.2 orderNotify example.
const SPEC_ORDER_NOTIFY =
  '{"activity":"orderNotify","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"1"}';

describe("parseV2Request accepts each activity", () => {
  it.each<[string, string | Record<string, unknown>, Record<string, unknown>]>([
    [
      "newInstance (spec vector body)",
      SPEC_NEW_INSTANCE,
      { orderId: "CS2211181819B4LVS", orderLineId: "CS2211181819B4LVS-000001", businessId: "87b94795-0603-4e24-8ae5-69420d60e3c8", testFlag: "1" },
    ],
    ["newInstance in production (no testFlag)", { activity: "newInstance", orderId: "O", orderLineId: "O-1", businessId: "b" }, { orderId: "O" }],
    ["queryInstance", { activity: "queryInstance", instanceId: "a,b", testFlag: "0" }, { instanceId: "a,b", testFlag: "0" }],
    [
      "refreshInstance with the 17-digit example expireTime",
      { activity: "refreshInstance", scene: "TRIAL_TO_FORMAL", orderId: "O", orderLineId: "O-1", instanceId: "I", expireTime: "20221124023618256" },
      { scene: "TRIAL_TO_FORMAL", expireTime: "20221124023618256" },
    ],
    [
      "refreshInstance RENEWAL_CHANGE with 14 digits",
      { activity: "refreshInstance", scene: "RENEWAL_CHANGE", orderId: "O", orderLineId: "O-1", instanceId: "I", expireTime: "20221124023618" },
      { scene: "RENEWAL_CHANGE" },
    ],
    ["updateInstanceStatus", { activity: "updateInstanceStatus", instanceId: "I", status: "UNFREEZE" }, { status: "UNFREEZE" }],
    ["releaseInstance without order", { activity: "releaseInstance", instanceId: "I" }, { instanceId: "I" }],
    ["upgradeInstance", { activity: "upgradeInstance", instanceId: "I", orderId: "O", orderLineId: "O-1" }, { orderId: "O" }],
    [
      "changeInstanceCheck with an object",
      { activity: "changeInstanceCheck", instanceId: "I", productInfo: { skuCode: "s", linearValue: 5 } },
      { productInfo: { skuCode: "s", linearValue: 5 } },
    ],
    [
      "changeInstanceCheck with a JSON string",
      { activity: "changeInstanceCheck", instanceId: "I", productInfo: '{"skuCode":"s"}' },
      { productInfo: { skuCode: "s" } },
    ],
    ["orderNotify (spec example)", SPEC_ORDER_NOTIFY, { orderLineId: "CS2211181819B4LVS-000001" }],
    [
      "getLicenseAsync",
      { activity: "getLicenseAsync", instanceId: "I", effectiveTime: "2023-10-27 10:30:15 z", eventId: "e", deviceFingerprint: "fp" },
      { effectiveTime: "2023-10-27 10:30:15 z", deviceFingerprint: "fp" },
    ],
    [
      "refreshLicenseCode (spec expireTime example)",
      { activity: "refreshLicenseCode", scene: "RENEWAL", orderId: "O", orderLineId: "O-1", license: "L", expireTime: "20230523201932" },
      { license: "L", scene: "RENEWAL" },
    ],
    [
      "updateLicenseCodeStatus keeps unknown fields",
      { activity: "updateLicenseCodeStatus", license: "L", status: "FROZEN", reason: "arrears" },
      { license: "L", status: "FROZEN", reason: "arrears" },
    ],
    ["releaseLicenseCode", { activity: "releaseLicenseCode", license: "L", orderId: "O" }, { license: "L" }],
  ])("%s", (_name, body, expected) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const result = parseV2Request(text);
    expect(result).toMatchObject({ ok: true, data: expected, ignoredFields: [] });
  });

  it("covers every V2 activity of the brief", () => {
    expect(V2_ACTIVITY_NAMES).toEqual([
      "newInstance",
      "queryInstance",
      "refreshInstance",
      "updateInstanceStatus",
      "releaseInstance",
      "upgradeInstance",
      "changeInstanceCheck",
      "orderNotify",
      "getLicenseAsync",
      "refreshLicenseCode",
      "updateLicenseCodeStatus",
      "releaseLicenseCode",
    ]);
  });
});

describe("parseV2Request reads values like the official sample", () => {
  it.each([
    ["number testFlag becomes its text", '{"activity":"newInstance","orderId":"O","orderLineId":"L","businessId":"b","testFlag":1}', { testFlag: "1" }],
    ["null counts as absent", '{"activity":"releaseInstance","instanceId":"I","orderId":null}', { instanceId: "I" }],
    ["decimal keeps its source text", '{"activity":"orderNotify","orderId":1.50}', { orderId: "1.50" }],
    ["boolean becomes its text", '{"activity":"orderNotify","orderId":true}', { orderId: "true" }],
  ])("%s", (_name, body, expected) => {
    expect(parseV2Request(body)).toMatchObject({ ok: true, data: expected });
  });

  it("treats a parsed object the same way", () => {
    expect(parseV2Request({ activity: "newInstance", orderId: "O", orderLineId: "L", businessId: "b", testFlag: 0 })).toMatchObject({
      ok: true,
      data: { testFlag: "0" },
    });
  });

  it("drops and reports unknown fields", () => {
    const result = parseV2Request({
      activity: "newInstance",
      orderId: "O",
      orderLineId: "L",
      businessId: "b",
      buyerInfo: { customerId: "c" },
    });
    expect(result).toMatchObject({ ok: true, ignoredFields: ["buyerInfo"] });
  });

  it("narrows the data type by activity", () => {
    const result = parseV2Request({ activity: "updateInstanceStatus", instanceId: "I", status: "FREEZE" });
    if (!result.ok || result.activity !== "updateInstanceStatus") throw new Error("expected updateInstanceStatus");
    const status: "FREEZE" | "UNFREEZE" = result.data.status;
    expect(status).toBe("FREEZE");
  });
});

describe("parseV2Request rejects with 000002 and a precise message", () => {
  it.each<[string, string | Record<string, unknown>, string]>([
    ["body not JSON", "activity=newInstance", "the request body is not valid JSON (unexpected character at position 0)"],
    ["duplicate key", '{"activity":"newInstance","activity":"releaseInstance"}', 'duplicate property "activity"'],
    ["array body", "[]", "the request body must be a JSON object"],
    ["no activity", { orderId: "O" }, "activity is required"],
    ["activity not a string", { activity: ["newInstance"] }, "activity must be a string"],
    ["unknown activity", { activity: "instanceStatus" }, 'unknown activity "instanceStatus"; V2 activities are newInstance, queryInstance'],
    ["newInstance without orderLineId", { activity: "newInstance", orderId: "O", businessId: "b" }, "newInstance: orderLineId is required"],
    ["businessId of 65 characters", { activity: "newInstance", orderId: "O", orderLineId: "L", businessId: "b".repeat(65) }, "businessId must be at most 64 characters"],
    ["testFlag 2", { activity: "newInstance", orderId: "O", orderLineId: "L", businessId: "b", testFlag: "2" }, 'testFlag must be one of 0, 1 (got "2")'],
    ["object in a string field", { activity: "orderNotify", orderId: { id: "O" } }, "orderNotify: orderId must be a string"],
    [
      "unknown scene",
      { activity: "refreshInstance", scene: "RENEW", orderId: "O", orderLineId: "L", instanceId: "I", expireTime: "20221124023618" },
      'refreshInstance: scene must be one of TRIAL_TO_FORMAL, RENEWAL, UNSUBSCRIBE_RENEWAL_PERIOD, RENEWAL_CHANGE (got "RENEW")',
    ],
    [
      "expireTime in the wrong layout",
      { activity: "refreshInstance", scene: "RENEWAL", orderId: "O", orderLineId: "L", instanceId: "I", expireTime: "2022-11-24" },
      'expireTime "2022-11-24" has the wrong format; expected yyyyMMddHHmmss or yyyyMMddHHmmssSSS (UTC)',
    ],
    ["V1 status word in V2", { activity: "updateInstanceStatus", instanceId: "I", status: "NORMAL" }, 'status must be one of FREEZE, UNFREEZE (got "NORMAL")'],
    [
      "queryInstance with 101 IDs",
      { activity: "queryInstance", instanceId: Array.from({ length: 101 }, (_, i) => `i${i}`).join(",") },
      "more than the limit of 100",
    ],
    ["productInfo missing", { activity: "changeInstanceCheck", instanceId: "I" }, "changeInstanceCheck: productInfo is required"],
    ["productInfo not an object", { activity: "changeInstanceCheck", instanceId: "I", productInfo: "sku-1" }, "productInfo must be a JSON object (or a string holding one)"],
    ["getLicenseAsync without eventId", { activity: "getLicenseAsync", instanceId: "I", effectiveTime: "t" }, "getLicenseAsync: eventId is required"],
    ["deviceFingerprint over 1024", { activity: "getLicenseAsync", instanceId: "I", effectiveTime: "t", eventId: "e", deviceFingerprint: "f".repeat(1025) }, "deviceFingerprint must be at most 1024 characters"],
    ["license-code scene of the instance flow", { activity: "refreshLicenseCode", scene: "TRIAL_TO_FORMAL", orderId: "O", orderLineId: "L", license: "L", expireTime: "20230523201932" }, 'scene must be one of RENEWAL, UNSUBSCRIBE_RENEWAL_PERIOD (got "TRIAL_TO_FORMAL")'],
    ["updateLicenseCodeStatus without status", { activity: "updateLicenseCodeStatus", license: "L" }, "updateLicenseCodeStatus: status is required"],
    ["releaseLicenseCode without license", { activity: "releaseLicenseCode" }, "releaseLicenseCode: license is required"],
  ])("%s", (_name, body, message) => {
    const result = parseV2Request(typeof body === "string" ? body : JSON.stringify(body));
    expect(result).toMatchObject({ ok: false, resultCode: "000002" });
    if (!result.ok) expect(result.message).toContain(message);
  });
});
