import { judgeUsageBody, type UsageInstanceFacts } from "@/lib/marketplace/koogallery/simulator";
import { verifyUsagePushSignature } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import type { OpenApiRequest, OpenApiResponse } from "@/server/simulator/open-api-request";
import { readSettingValue } from "@/server/settings/settings-repository";

const header = (request: OpenApiRequest, name: string) => request.headers[name.toLowerCase()] ?? null;

// POST …/global/v1/isv/usage-data (§7.2): signed with the basic-interface key, not AK/SK; each
// record is judged on its own. How the marketplace lists refused records is not documented:
// they come back under `failed_records` with the per-record codes of §6 (our reading).
export const receiveUsagePush = async (request: OpenApiRequest, deps: Pick<Deps, "db" | "secretBox" | "now">): Promise<OpenApiResponse> => {
  const key = await readSettingValue("marketplace.basicAccessKey.current", deps);
  if (!key) return { status: 401, body: { error_code: "MKT.0154", error_msg: "the console has no basic-interface key to check the signature with" } };
  const signature = verifyUsagePushSignature({ key, body: request.body, signature: header(request, "signature"), ts: header(request, "ts"), nonce: header(request, "nonce") });
  if (!signature.ok) return { status: 400, body: { error_code: signature.errorCode, error_msg: `invalid body sign: ${signature.message}` } };

  const ids = (() => {
    try {
      const parsed = JSON.parse(request.body) as { usage_records?: { instance_id?: unknown; metering_sn?: unknown }[] };
      return {
        instances: [...new Set((parsed.usage_records ?? []).map((r) => r?.instance_id).filter((v): v is string => typeof v === "string"))],
        sns: (parsed.usage_records ?? []).map((r) => r?.metering_sn).filter((v): v is string => typeof v === "string"),
      };
    } catch {
      return { instances: [], sns: [] };
    }
  })();
  const [subscriptions, seen] = await Promise.all([
    deps.db.simulatorSubscription.findMany({ where: { instanceId: { in: ids.instances } } }),
    deps.db.simulatorUsageRecord.findMany({ where: { meteringSn: { in: ids.sns } }, select: { meteringSn: true } }),
  ]);
  const facts = new Map<string, UsageInstanceFacts>(subscriptions.map((s) => [s.instanceId!, { chargingMode: s.chargingMode, status: s.status, createdAt: s.createdAt }]));
  const seenSet = new Set(seen.map((s) => s.meteringSn));
  const now = deps.now();
  const verdict = judgeUsageBody({ body: request.body, now, instance: (id) => facts.get(id), seen: (sn) => seenSet.has(sn) });
  if (!verdict.ok) return { status: verdict.errorCode === "MKT.0101" ? 400 : 500, body: { error_code: verdict.errorCode, error_msg: verdict.message } };
  if (verdict.accepted.length) {
    await deps.db.simulatorUsageRecord.createMany({
      data: verdict.accepted.map((r) => ({ ...r, usageValue: r.usageValue, receivedAt: now })),
      skipDuplicates: true,
    });
  }
  if (verdict.rejected.length) {
    return { status: 500, body: { error_code: "MKT.9002", error_msg: "invalid usage entities", failed_records: verdict.rejected } };
  }
  return { status: 200, body: { error_code: "MKT.0000", error_msg: "success" } };
};
