import type { Deps } from "@/server/deps";
import { getMessageHealth, type MessageHealth } from "@/server/messages/get-message-health";
import { readSnapshot } from "@/server/messages/read-snapshot";

export type DashboardSummary = {
  operators: { active: number; disabled: number };
  signInFailures24h: number;
  marketplace: { v1Key: boolean; basicAccessKey: boolean; licenseAccessKey: boolean; kitAccessKey: boolean; akSk: boolean };
  instances: Record<"provisioning" | "active" | "frozen" | "released" | "failed", number>;
  callbacks24h: { total: number; failed: number; test: number };
  productsToReview: number;
  messages: MessageHealth;
};

// Says whether each marketplace key is bound, never what it is: every role sees the dashboard.
export const getDashboardSummary = async (deps: Pick<Deps, "db" | "now">): Promise<DashboardSummary> => {
  const since = new Date(deps.now().getTime() - 86_400_000);
  // One snapshot, one connection, one query after the other (see read-snapshot.ts).
  const read = await readSnapshot(deps, async (db) => ({
    active: await db.operator.count({ where: { disabledAt: null } }),
    disabled: await db.operator.count({ where: { disabledAt: { not: null } } }),
    failures: await db.auditEvent.count({ where: { action: "auth.sign_in_failed", occurredAt: { gte: since } } }),
    keyRows: await db.setting.findMany({ where: { encryptedValue: { not: null } }, select: { key: true } }),
    // Kept by triggers on every instance write (migration 000011): a handful of rows, not the table.
    byStatus: await db.instanceStatusCount.groupBy({ by: ["status"], _sum: { instances: true } }),
    callbacks: await db.inboundRequest.count({ where: { receivedAt: { gte: since } } }),
    failedCallbacks: await db.inboundRequest.count({ where: { receivedAt: { gte: since }, OR: [{ resultCode: { notIn: ["000000", "000004"] } }, { resultCode: null }] } }),
    testCallbacks: await db.inboundRequest.count({ where: { receivedAt: { gte: since }, testFlag: true } }),
    productsToReview: await db.product.count({ where: { needsReview: true } }),
    messages: await getMessageHealth({ db, now: deps.now }),
  }));
  const { active, disabled, failures, keyRows, byStatus, callbacks, failedCallbacks, testCallbacks, productsToReview, messages } = read;
  const instances = { provisioning: 0, active: 0, frozen: 0, released: 0, failed: 0 };
  for (const row of byStatus) if (row.status in instances) instances[row.status as keyof typeof instances] = row._sum.instances ?? 0;
  const set = new Set(keyRows.map((row) => row.key));
  return {
    operators: { active, disabled },
    signInFailures24h: failures,
    marketplace: {
      v1Key: set.has("marketplace.v1Key"),
      basicAccessKey: set.has("marketplace.basicAccessKey.current"),
      licenseAccessKey: set.has("marketplace.licenseAccessKey.current"),
      kitAccessKey: set.has("marketplace.kitAccessKey.current"),
      akSk: set.has("marketplace.ak") && set.has("marketplace.sk"),
    },
    instances,
    // 000004 (in progress) is a normal answer, not a failure.
    callbacks24h: { total: callbacks, failed: failedCallbacks, test: testCallbacks },
    productsToReview,
    messages,
  };
};
