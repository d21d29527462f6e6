import type { Deps } from "@/server/deps";

export type DashboardSummary = {
  operators: { active: number; disabled: number };
  signInFailures24h: number;
  marketplace: { v1Key: boolean; basicAccessKey: boolean; licenseAccessKey: boolean; kitAccessKey: boolean; akSk: boolean };
};

// Says whether each marketplace key is bound, never what it is: every role sees the dashboard.
export const getDashboardSummary = async (deps: Pick<Deps, "db" | "now">): Promise<DashboardSummary> => {
  const since = new Date(deps.now().getTime() - 86_400_000);
  const [active, disabled, failures, keyRows] = await Promise.all([
    deps.db.operator.count({ where: { disabledAt: null } }),
    deps.db.operator.count({ where: { disabledAt: { not: null } } }),
    deps.db.auditEvent.count({ where: { action: "auth.sign_in_failed", occurredAt: { gte: since } } }),
    deps.db.setting.findMany({ where: { encryptedValue: { not: null } }, select: { key: true } }),
  ]);
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
  };
};
