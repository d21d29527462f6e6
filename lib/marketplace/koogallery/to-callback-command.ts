import type { CallbackCommand, ChargingMode } from "@/domain/callbacks/callback-command";
import { splitInstanceIds } from "./schema-fields";
import { parseExpireTime } from "./time-formats";
import type { V1Request } from "./v1-schemas";
import type { V2Request } from "./v2-schemas";

// V1 sends chargingMode as an integer (§8).
const V1_CHARGING_MODES: Record<string, ChargingMode> = { "0": "ON_DEMAND", "1": "PERIOD", "3": "ONE_TIME", "5": "ON_DEMAND_PKG" };

// The schemas have already checked the format; this only turns the text into a Date.
const expireDate = (value: string): Date => {
  const parsed = parseExpireTime(value);
  if (!parsed.ok) throw new TypeError(parsed.message);
  return parsed.date;
};

const optionalNumber = (value: string | undefined) => (value === undefined ? undefined : Number(value));

export const v1ToCommand = (request: V1Request): CallbackCommand => {
  switch (request.activity) {
    case "newInstance": {
      const d = request.data;
      return {
        kind: "createInstance",
        orderId: d.orderId,
        productCode: d.productId,
        skuCode: d.skuCode,
        customerId: d.customerId,
        customerName: d.customerName,
        chargingMode: d.chargingMode === undefined ? undefined : V1_CHARGING_MODES[d.chargingMode],
        periodType: d.periodType,
        periodNumber: optionalNumber(d.periodNumber),
        amount: d.orderAmount,
        expireAt: d.expireTime === undefined ? undefined : expireDate(d.expireTime),
        isTrial: d.trialFlag === "1",
        businessId: d.businessId,
      };
    }
    case "refreshInstance": {
      const d = request.data;
      return {
        kind: "renewInstance",
        instanceId: d.instanceId,
        orderId: d.orderId,
        productCode: d.productId,
        expireAt: expireDate(d.expireTime),
        scene: d.trialToFormal === "1" ? "TRIAL_TO_FORMAL" : "RENEWAL",
        amount: d.orderAmount,
        periodType: d.periodType,
        periodNumber: optionalNumber(d.periodNumber),
      };
    }
    case "expireInstance":
      return { kind: "setInstanceStatus", instanceId: request.data.instanceId, frozen: true, orderId: request.data.orderId };
    case "instanceStatus":
      return { kind: "setInstanceStatus", instanceId: request.data.instanceId, frozen: request.data.instanceStatus === "FREEZE" };
    case "releaseInstance":
      return { kind: "releaseInstance", instanceId: request.data.instanceId, orderId: request.data.orderId };
    case "upgrade": {
      const d = request.data;
      return {
        kind: "upgradeInstance",
        instanceId: d.instanceId,
        orderId: d.orderId,
        productCode: d.productId,
        skuCode: d.skuCode,
        linear: { amount: d.amount, diskSize: d.diskSize, bandWidth: d.bandWidth },
      };
    }
    case "queryInstance":
      return { kind: "queryInstances", instanceIds: splitInstanceIds(request.data.instanceId) };
    case "getLicense": {
      const d = request.data;
      return {
        kind: "getLicence",
        orderId: d.orderId,
        customerId: d.customerId,
        customerName: d.customerName,
        productCode: d.productId,
        skuCode: d.skuCode,
        businessId: d.businessId,
      };
    }
    case "releaseLicense":
      return { kind: "releaseLicence", orderId: request.data.orderId, instanceId: request.data.instanceId };
  }
};

export const v2ToCommand = (request: V2Request): CallbackCommand => {
  switch (request.activity) {
    case "newInstance":
      // V2 carries no customer or spec: the order-query API fills them in later (§3.2).
      return {
        kind: "createInstance",
        orderId: request.data.orderId,
        orderLineId: request.data.orderLineId,
        isTrial: false,
        businessId: request.data.businessId,
      };
    case "queryInstance":
      return { kind: "queryInstances", instanceIds: splitInstanceIds(request.data.instanceId) };
    case "refreshInstance": {
      const d = request.data;
      return {
        kind: "renewInstance",
        instanceId: d.instanceId,
        orderId: d.orderId,
        orderLineId: d.orderLineId,
        productCode: d.productId,
        expireAt: expireDate(d.expireTime),
        scene: d.scene,
      };
    }
    case "updateInstanceStatus":
      return { kind: "setInstanceStatus", instanceId: request.data.instanceId, frozen: request.data.status === "FREEZE" };
    case "releaseInstance":
      return { kind: "releaseInstance", instanceId: request.data.instanceId, orderId: request.data.orderId, orderLineId: request.data.orderLineId };
    case "upgradeInstance":
      return { kind: "upgradeInstance", instanceId: request.data.instanceId, orderId: request.data.orderId, orderLineId: request.data.orderLineId };
    case "changeInstanceCheck":
      return { kind: "changeInstanceCheck", instanceId: request.data.instanceId, productInfo: request.data.productInfo };
    case "orderNotify":
      return { kind: "orderNotify", orderId: request.data.orderId, orderLineId: request.data.orderLineId };
    case "getLicenseAsync": {
      const d = request.data;
      return {
        kind: "getLicenceAsync",
        instanceId: d.instanceId,
        eventId: d.eventId,
        effectiveTime: d.effectiveTime,
        expireTime: d.expireTime,
        deviceFingerprint: d.deviceFingerprint,
      };
    }
    case "refreshLicenseCode": {
      const d = request.data;
      return {
        kind: "refreshLicenceCode",
        code: d.license,
        orderId: d.orderId,
        orderLineId: d.orderLineId,
        productCode: d.productId,
        expireAt: expireDate(d.expireTime),
        scene: d.scene,
      };
    }
    case "updateLicenseCodeStatus":
      return { kind: "updateLicenceCodeStatus", code: request.data.license, status: request.data.status, orderId: request.data.orderId };
    case "releaseLicenseCode":
      return { kind: "releaseLicenceCode", code: request.data.license, orderId: request.data.orderId };
  }
};

// Which V2 access key may sign an activity: licence activities come with the License key only;
// instance activities with the basic key, or the License key for 在线开通License products (§3.3).
export const V2_LICENCE_ONLY_ACTIVITIES = new Set(["getLicenseAsync", "refreshLicenseCode", "updateLicenseCodeStatus", "releaseLicenseCode"]);
