import type { Deps } from "@/server/deps";

export type DashboardSummary = {
  operators: { active: number; disabled: number };
  signInFailures24h: number;
  marketplace: { v1Key: boolean; basicAccessKey: boolean; licenseAccessKey: boolean; kitAccessKey: boolean; akSk: boolean };
  instances: Record<"provisioning" | "active" | "frozen" | "released" | "failed", number>;
  callbacks24h: { total: number; failed: number; test: number };
  productsToReview: number;
};

// Says whether each marketplace key is bound, never what it is: every role sees the dashboard.
export const getDashboardSummary = async (deps: Pick<Deps, "db" | "now">): Promise<DashboardSummary> => {
  const since = new Date(deps.now().getTime() - 86_400_000);
  const [active, disabled, failures, keyRows, byStatus, callbacks, failedCallbacks, testCallbacks, productsToReview] = await Promise.all([
    deps.db.operator.count({ where: { disabledAt: null } }),
    deps.db.operator.count({ where: { disabledAt: { not: null } } }),
    deps.db.auditEvent.count({ where: { action: "auth.sign_in_failed", occurredAt: { gte: since } } }),
    deps.db.setting.findMany({ where: { encryptedValue: { not: null } }, select: { key: true } }),
    deps.db.instance.groupBy({ by: ["status"], _count: { _all: true } }),
    deps.db.inboundRequest.count({ where: { receivedAt: { gte: since } } }),
    deps.db.inboundRequest.count({ where: { receivedAt: { gte: since }, OR: [{ resultCode: { not: "000000" } }, { resultCode: null }] } }),
    deps.db.inboundRequest.count({ where: { receivedAt: { gte: since }, testFlag: true } }),
    deps.db.product.count({ where: { needsReview: true } }),
  ]);
  const instances = { provisioning: 0, active: 0, frozen: 0, released: 0, failed: 0 };
  for (const row of byStatus) if (row.status in instances) instances[row.status as keyof typeof instances] = row._count._all;
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
  };
};
