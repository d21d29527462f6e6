import { describe, expect, it } from "vitest";
import { instanceDedupeKey, type CreateInstanceCommand } from "@/domain/callbacks/callback-command";
import { V2_LICENCE_ONLY_ACTIVITIES, v1ToCommand, v2ToCommand } from "./to-callback-command";
import { parseV1Request } from "./v1-schemas";
import { parseV2Request } from "./v2-schemas";

// The command is what the handlers act on: every field the marketplace sends that matters must
// arrive in it, renamed to the console's vocabulary, and nothing must be made up.

const COMMON_V1 = { authToken: "token", timeStamp: "20261128073711903" };

const v1 = (params: Record<string, string>) => {
  const parsed = parseV1Request({ ...COMMON_V1, ...params });
  if (!parsed.ok) throw new Error(parsed.message);
  return v1ToCommand(parsed);
};

const v2 = (body: Record<string, unknown>) => {
  const parsed = parseV2Request(JSON.stringify(body));
  if (!parsed.ok) throw new Error(parsed.message);
  return v2ToCommand(parsed);
};

describe("v1ToCommand", () => {
  it("newInstance carries the order, product, customer, billing and trial facts", () => {
    expect(
      v1({
        activity: "newInstance",
        customerId: "68cbc86abc2018ab880d92f36422fa0e",
        customerName: "Acme",
        businessId: "61e834ba-7b97-4418-b8f7-e5345137278c",
        orderId: "CS1906666666ABCDE",
        productId: "00301-666666-0--0",
        skuCode: "sku-1",
        chargingMode: "1",
        periodType: "month",
        periodNumber: "3",
        orderAmount: "99.500",
        expireTime: "20200727153156",
        trialFlag: "1",
        testFlag: "1",
      }),
    ).toEqual({
      kind: "createInstance",
      orderId: "CS1906666666ABCDE",
      productCode: "00301-666666-0--0",
      skuCode: "sku-1",
      customerId: "68cbc86abc2018ab880d92f36422fa0e",
      customerName: "Acme",
      chargingMode: "PERIOD",
      periodType: "month",
      periodNumber: 3,
      amount: "99.500",
      expireAt: new Date("2020-07-27T15:31:56Z"),
      isTrial: true,
      businessId: "61e834ba-7b97-4418-b8f7-e5345137278c",
    });
  });

  it("maps the V1 integer charging modes and leaves unknown ones and absent fields undefined", () => {
    const base = { activity: "newInstance", customerId: "c", businessId: "b", orderId: "o", productId: "p" };
    const modes = ["0", "1", "3", "5", "2"].map((chargingMode) => (v1({ ...base, chargingMode }) as CreateInstanceCommand).chargingMode);
    expect(modes).toEqual(["ON_DEMAND", "PERIOD", "ONE_TIME", "ON_DEMAND_PKG", undefined]);
    // The debug cases send empty optional values: they mean "absent".
    const bare = v1({ ...base, skuCode: "", expireTime: "", trialFlag: "" }) as CreateInstanceCommand;
    expect(bare).toEqual({ kind: "createInstance", orderId: "o", productCode: "p", customerId: "c", isTrial: false, businessId: "b" });
    expect(Object.entries(bare).filter(([, v]) => v === undefined).map(([k]) => k).sort()).toEqual(
      ["amount", "chargingMode", "customerName", "expireAt", "periodNumber", "periodType", "skuCode"].sort(),
    );
  });

  it("refreshInstance is a renewal, or a trial conversion with trialToFormal=1", () => {
    const base = { activity: "refreshInstance", orderId: "CS-R", instanceId: "i-1", expireTime: "20270727153156" };
    expect(v1(base)).toEqual({
      kind: "renewInstance",
      instanceId: "i-1",
      orderId: "CS-R",
      productCode: undefined,
      expireAt: new Date("2027-07-27T15:31:56Z"),
      scene: "RENEWAL",
      amount: undefined,
      periodType: undefined,
      periodNumber: undefined,
    });
    expect(v1({ ...base, trialToFormal: "1", productId: "p-year", periodType: "year", periodNumber: "1", orderAmount: "1200" })).toMatchObject({
      scene: "TRIAL_TO_FORMAL",
      productCode: "p-year",
      periodType: "year",
      periodNumber: 1,
      amount: "1200",
    });
    expect(v1({ ...base, trialToFormal: "0" })).toMatchObject({ scene: "RENEWAL" });
  });

  it("expireInstance freezes, instanceStatus FREEZE/NORMAL freezes and unfreezes", () => {
    expect(v1({ activity: "expireInstance", instanceId: "i-1", orderId: "o-1" })).toEqual({ kind: "setInstanceStatus", instanceId: "i-1", frozen: true, orderId: "o-1" });
    expect(v1({ activity: "expireInstance", instanceId: "i-1" })).toEqual({ kind: "setInstanceStatus", instanceId: "i-1", frozen: true, orderId: undefined });
    expect(v1({ activity: "instanceStatus", instanceId: "i-1", instanceStatus: "FREEZE" })).toEqual({ kind: "setInstanceStatus", instanceId: "i-1", frozen: true });
    expect(v1({ activity: "instanceStatus", instanceId: "i-1", instanceStatus: "NORMAL" })).toEqual({ kind: "setInstanceStatus", instanceId: "i-1", frozen: false });
  });

  it("releaseInstance, upgrade and the licence activities", () => {
    expect(v1({ activity: "releaseInstance", instanceId: "i-1", orderId: "o-1", orderAmount: "0" })).toEqual({ kind: "releaseInstance", instanceId: "i-1", orderId: "o-1" });
    expect(v1({ activity: "upgrade", instanceId: "i-1", orderId: "o-up", skuCode: "sku-pro", productId: "p-pro", amount: "50", bandWidth: "10" })).toEqual({
      kind: "upgradeInstance",
      instanceId: "i-1",
      orderId: "o-up",
      productCode: "p-pro",
      skuCode: "sku-pro",
      linear: { amount: "50", diskSize: undefined, bandWidth: "10" },
    });
    expect(v1({ activity: "getLicense", customerId: "c", businessId: "b", orderId: "o-lic", productId: "p", skuCode: "s" })).toEqual({
      kind: "getLicence",
      orderId: "o-lic",
      customerId: "c",
      customerName: undefined,
      productCode: "p",
      skuCode: "s",
      businessId: "b",
    });
    expect(v1({ activity: "releaseLicense", orderId: "o-lic" })).toEqual({ kind: "releaseLicence", orderId: "o-lic", instanceId: undefined });
  });

  it("queryInstance splits the list: trimmed, empties and repeats dropped, order kept", () => {
    expect(v1({ activity: "queryInstance", instanceId: " b , a,,b ,c" })).toEqual({ kind: "queryInstances", instanceIds: ["b", "a", "c"] });
  });
});

describe("v2ToCommand", () => {
  it("newInstance carries the order line and no customer or spec (they come from the order API)", () => {
    expect(v2({ activity: "newInstance", orderId: "CS2211181819B4LVS", orderLineId: "CS2211181819B4LVS-000001", businessId: "87b94795", testFlag: "1" })).toEqual({
      kind: "createInstance",
      orderId: "CS2211181819B4LVS",
      orderLineId: "CS2211181819B4LVS-000001",
      isTrial: false,
      businessId: "87b94795",
    });
  });

  it("refreshInstance keeps its scene and reads both expireTime layouts", () => {
    const base = { activity: "refreshInstance", orderId: "o", orderLineId: "l", instanceId: "i" };
    for (const scene of ["TRIAL_TO_FORMAL", "RENEWAL", "UNSUBSCRIBE_RENEWAL_PERIOD", "RENEWAL_CHANGE"]) {
      expect(v2({ ...base, scene, expireTime: "20221124023618" })).toEqual({
        kind: "renewInstance",
        instanceId: "i",
        orderId: "o",
        orderLineId: "l",
        productCode: undefined,
        expireAt: new Date("2022-11-24T02:36:18Z"),
        scene,
      });
    }
    expect(v2({ ...base, scene: "RENEWAL", expireTime: "20221124023618256", productId: "p2" })).toMatchObject({ expireAt: new Date("2022-11-24T02:36:18.256Z"), productCode: "p2" });
  });

  it("instance status, release, upgrade, change check and order notification", () => {
    expect(v2({ activity: "updateInstanceStatus", instanceId: "i", status: "FREEZE" })).toEqual({ kind: "setInstanceStatus", instanceId: "i", frozen: true });
    expect(v2({ activity: "updateInstanceStatus", instanceId: "i", status: "UNFREEZE" })).toEqual({ kind: "setInstanceStatus", instanceId: "i", frozen: false });
    expect(v2({ activity: "releaseInstance", instanceId: "i", orderId: "o", orderLineId: "l" })).toEqual({ kind: "releaseInstance", instanceId: "i", orderId: "o", orderLineId: "l" });
    expect(v2({ activity: "releaseInstance", instanceId: "i" })).toEqual({ kind: "releaseInstance", instanceId: "i", orderId: undefined, orderLineId: undefined });
    expect(v2({ activity: "upgradeInstance", instanceId: "i", orderId: "o", orderLineId: "l" })).toEqual({ kind: "upgradeInstance", instanceId: "i", orderId: "o", orderLineId: "l" });
    const productInfo = { productId: "p", skuCode: "s", linearValue: 3 };
    expect(v2({ activity: "changeInstanceCheck", instanceId: "i", productInfo })).toEqual({ kind: "changeInstanceCheck", instanceId: "i", productInfo });
    expect(v2({ activity: "changeInstanceCheck", instanceId: "i", productInfo: JSON.stringify(productInfo) })).toEqual({ kind: "changeInstanceCheck", instanceId: "i", productInfo });
    expect(v2({ activity: "orderNotify", orderId: "o", orderLineId: "l" })).toEqual({ kind: "orderNotify", orderId: "o", orderLineId: "l" });
    expect(v2({ activity: "queryInstance", instanceId: "x,y,x" })).toEqual({ kind: "queryInstances", instanceIds: ["x", "y"] });
  });

  it("the licence activities", () => {
    expect(v2({ activity: "getLicenseAsync", instanceId: "i", effectiveTime: "2023-10-27 10:30:15 z", eventId: "e", deviceFingerprint: "fp" })).toEqual({
      kind: "getLicenceAsync",
      instanceId: "i",
      eventId: "e",
      effectiveTime: "2023-10-27 10:30:15 z",
      expireTime: undefined,
      deviceFingerprint: "fp",
    });
    expect(v2({ activity: "refreshLicenseCode", scene: "RENEWAL", orderId: "o", orderLineId: "l", license: "LIC", expireTime: "20230523201932" })).toEqual({
      kind: "refreshLicenceCode",
      code: "LIC",
      orderId: "o",
      orderLineId: "l",
      productCode: undefined,
      expireAt: new Date("2023-05-23T20:19:32Z"),
      scene: "RENEWAL",
    });
    expect(v2({ activity: "updateLicenseCodeStatus", license: "LIC", status: "FROZEN", orderId: "o" })).toEqual({ kind: "updateLicenceCodeStatus", code: "LIC", status: "FROZEN", orderId: "o" });
    expect(v2({ activity: "releaseLicenseCode", license: "LIC" })).toEqual({ kind: "releaseLicenceCode", code: "LIC", orderId: undefined });
  });

  it("only the licence activities are reserved to the License key", () => {
    expect([...V2_LICENCE_ONLY_ACTIVITIES].sort()).toEqual(["getLicenseAsync", "refreshLicenseCode", "releaseLicenseCode", "updateLicenseCodeStatus"]);
  });
});

describe("instance dedupe key from the command (§4)", () => {
  const create = (extra: Partial<CreateInstanceCommand>): CreateInstanceCommand => ({ kind: "createInstance", orderId: "O", isTrial: false, businessId: "b", ...extra });

  it("V1 by order, V2 by order line, on-demand by order and product; businessId never counts", () => {
    expect(instanceDedupeKey("v1", create({ productCode: "P", chargingMode: "PERIOD" }))).toBe("v1:O");
    expect(instanceDedupeKey("v1", create({ productCode: "P", businessId: "other" }))).toBe("v1:O");
    expect(instanceDedupeKey("v2", create({ orderLineId: "L" }))).toBe("v2:O:L");
    expect(instanceDedupeKey("v1", create({ productCode: "P", chargingMode: "ON_DEMAND" }))).toBe("od:O:P");
  });
});
