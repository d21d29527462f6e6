// What a marketplace callback asks of the console, whatever the generation it came in.
export type Generation = "v1" | "v2";

export type ChargingMode = "PERIOD" | "ONE_TIME" | "ON_DEMAND" | "ON_DEMAND_PKG";

export type CreateInstanceCommand = {
  kind: "createInstance";
  orderId: string;
  orderLineId?: string;
  productCode?: string;
  skuCode?: string;
  customerId?: string;
  customerName?: string;
  chargingMode?: ChargingMode;
  periodType?: string;
  periodNumber?: number;
  amount?: string;
  expireAt?: Date;
  isTrial: boolean;
  businessId: string;
};

export type RenewInstanceCommand = {
  kind: "renewInstance";
  instanceId: string;
  orderId: string;
  orderLineId?: string;
  productCode?: string;
  expireAt: Date;
  scene: "TRIAL_TO_FORMAL" | "RENEWAL" | "UNSUBSCRIBE_RENEWAL_PERIOD" | "RENEWAL_CHANGE";
  amount?: string;
  periodType?: string;
  periodNumber?: number;
};

export type SetInstanceStatusCommand = { kind: "setInstanceStatus"; instanceId: string; frozen: boolean; orderId?: string };
export type ReleaseInstanceCommand = { kind: "releaseInstance"; instanceId: string; orderId?: string; orderLineId?: string };
export type UpgradeInstanceCommand = {
  kind: "upgradeInstance";
  instanceId: string;
  orderId: string;
  orderLineId?: string;
  productCode?: string;
  skuCode?: string;
  linear?: { amount?: string; diskSize?: string; bandWidth?: string };
};
export type QueryInstancesCommand = { kind: "queryInstances"; instanceIds: string[] };
export type ChangeCheckCommand = { kind: "changeInstanceCheck"; instanceId: string; productInfo: Record<string, unknown> };
export type OrderNotifyCommand = { kind: "orderNotify"; orderId: string; orderLineId?: string };
export type GetLicenceCommand = {
  kind: "getLicence";
  orderId: string;
  customerId: string;
  customerName?: string;
  productCode?: string;
  skuCode?: string;
  businessId: string;
};
export type ReleaseLicenceCommand = { kind: "releaseLicence"; orderId: string; instanceId?: string };
export type GetLicenceAsyncCommand = {
  kind: "getLicenceAsync";
  instanceId: string;
  eventId: string;
  effectiveTime: string;
  expireTime?: string;
  deviceFingerprint?: string;
};
export type RefreshLicenceCodeCommand = {
  kind: "refreshLicenceCode";
  code: string;
  orderId: string;
  orderLineId: string;
  productCode?: string;
  expireAt: Date;
  scene: "RENEWAL" | "UNSUBSCRIBE_RENEWAL_PERIOD";
};
export type UpdateLicenceCodeStatusCommand = { kind: "updateLicenceCodeStatus"; code: string; status: string; orderId?: string };
export type ReleaseLicenceCodeCommand = { kind: "releaseLicenceCode"; code: string; orderId?: string };

export type CallbackCommand =
  | CreateInstanceCommand
  | RenewInstanceCommand
  | SetInstanceStatusCommand
  | ReleaseInstanceCommand
  | UpgradeInstanceCommand
  | QueryInstancesCommand
  | ChangeCheckCommand
  | OrderNotifyCommand
  | GetLicenceCommand
  | ReleaseLicenceCommand
  | GetLicenceAsyncCommand
  | RefreshLicenceCodeCommand
  | UpdateLicenceCodeStatusCommand
  | ReleaseLicenceCodeCommand;

// The marketplace's idempotency rule (§4): V1 by order, V2 by order line, on-demand by order and
// product (one on-demand order may open one instance per product). businessId never counts.
export const instanceDedupeKey = (generation: Generation, command: CreateInstanceCommand): string => {
  if (command.chargingMode === "ON_DEMAND" && command.productCode) return `od:${command.orderId}:${command.productCode}`;
  if (generation === "v2") return `v2:${command.orderId}:${command.orderLineId ?? ""}`;
  return `v1:${command.orderId}`;
};
