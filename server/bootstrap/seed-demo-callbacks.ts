import { randomBytes, randomUUID } from "node:crypto";
import { computeV1AuthToken, computeV2Signature, formatExpireTime, formatV1Timestamp } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import { forgetMarketplaceKeys } from "@/server/gateway/marketplace-keys";
import { receiveCallback } from "@/server/gateway/receive-callback";
import { readSettingValue } from "@/server/settings/settings-repository";

// The first run's demo data goes through the real gateway, signed as the marketplace signs, so
// the console shows real flows (stored requests, instances, lifecycle events), not made-up rows.
// All of it is marked test traffic (testFlag), as the marketplace's own debugging traffic is.
export const seedDemoCallbacks = async (deps: Deps): Promise<number> => {
  const v1Key = await readSettingValue("marketplace.v1Key", deps);
  const basicKey = await readSettingValue("marketplace.basicAccessKey.current", deps);
  if (!v1Key || !basicKey) return 0;
  forgetMarketplaceKeys();
  const now = deps.now();
  const stamp = now.getTime().toString(36).toUpperCase();
  const inDays = (days: number) => formatExpireTime(new Date(now.getTime() + days * 86_400_000));

  const v1 = async (params: Record<string, string>) => {
    const signed: Record<string, string> = { ...params, testFlag: "1", timeStamp: formatV1Timestamp(deps.now()) };
    signed.authToken = computeV1AuthToken(signed, v1Key);
    const query = new URLSearchParams(signed).toString().replaceAll("+", "%20");
    const answer = await receiveCallback(
      { method: "GET", path: "/api/koogallery", query, headers: new Headers({ "user-agent": "demo-seed" }), body: Buffer.alloc(0), bodySize: 0, bodyTruncated: false, clientIp: null, receivedAt: deps.now() },
      deps,
    );
    return JSON.parse(answer.body) as { resultCode: string; instanceId?: string };
  };
  const v2 = async (fields: Record<string, string>) => {
    const body = JSON.stringify(Object.fromEntries(Object.entries({ ...fields, testFlag: "1" }).sort(([a], [b]) => (a < b ? -1 : 1))));
    const nonce = randomBytes(32).toString("hex").toUpperCase();
    const timestamp = String(deps.now().getTime());
    const signature = computeV2Signature({ accessKey: basicKey, nonce, timestamp, body }).toUpperCase();
    const answer = await receiveCallback(
      {
        method: "POST",
        path: "/api/koogallery",
        query: `signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
        headers: new Headers({ "content-type": "application/json", "user-agent": "demo-seed" }),
        body: Buffer.from(body),
        bodySize: Buffer.byteLength(body),
        bodyTruncated: false,
        clientIp: null,
        receivedAt: deps.now(),
      },
      deps,
    );
    return JSON.parse(answer.body) as { resultCode: string; instanceId?: string };
  };

  let calls = 0;
  const monthly = await v1({
    activity: "newInstance", businessId: randomUUID(), customerId: "demo-customer-01", customerName: "华东示例科技有限公司",
    orderId: `CSDEMO${stamp}01`, productId: "00301-DEMO-MONTHLY", skuCode: "DEMO-SKU-STD", chargingMode: "1", periodType: "month", periodNumber: "1",
    orderAmount: "199.00", expireTime: inDays(30),
  });
  calls++;
  await v1({ activity: "newInstance", businessId: randomUUID(), customerId: "demo-customer-02", customerName: "示例零售连锁", orderId: `CSDEMO${stamp}02`, productId: "00301-DEMO-ONETIME", skuCode: "DEMO-SKU-ONCE", chargingMode: "3", orderAmount: "999.00" });
  calls++;
  await v1({ activity: "newInstance", businessId: randomUUID(), customerId: "demo-customer-03", customerName: "Demo Logistics Ltd.", orderId: `CSDEMO${stamp}03`, productId: "00301-DEMO-ONDEMAND", skuCode: "DEMO-SKU-METER", chargingMode: "0" });
  calls++;
  if (monthly.instanceId) {
    await v1({ activity: "refreshInstance", orderId: `CSDEMO${stamp}04`, instanceId: monthly.instanceId, expireTime: inDays(60), periodType: "month", periodNumber: "1", orderAmount: "199.00" });
    calls++;
  }
  const yearly = await v2({ activity: "newInstance", businessId: randomUUID(), orderId: `CSDEMO${stamp}05`, orderLineId: `CSDEMO${stamp}05-000001` });
  const frozen = await v2({ activity: "newInstance", businessId: randomUUID(), orderId: `CSDEMO${stamp}06`, orderLineId: `CSDEMO${stamp}06-000001` });
  const released = await v2({ activity: "newInstance", businessId: randomUUID(), orderId: `CSDEMO${stamp}07`, orderLineId: `CSDEMO${stamp}07-000001` });
  calls += 3;
  if (yearly.instanceId) {
    await v2({ activity: "refreshInstance", scene: "RENEWAL", orderId: `CSDEMO${stamp}08`, orderLineId: `CSDEMO${stamp}08-000001`, instanceId: yearly.instanceId, expireTime: inDays(365) });
    calls++;
  }
  if (frozen.instanceId) {
    await v2({ activity: "updateInstanceStatus", instanceId: frozen.instanceId, status: "FREEZE" });
    calls++;
  }
  if (released.instanceId) {
    await v2({ activity: "releaseInstance", instanceId: released.instanceId, orderId: `CSDEMO${stamp}09`, orderLineId: `CSDEMO${stamp}09-000001` });
    calls++;
  }
  await v1({ activity: "getLicense", businessId: randomUUID(), customerId: "demo-customer-04", customerName: "示例制造集团", orderId: `CSDEMO${stamp}10`, productId: "00301-DEMO-LICENCE", skuCode: "DEMO-SKU-LIC" });
  calls++;
  return calls;
};
