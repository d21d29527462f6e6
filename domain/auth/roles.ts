export const OPERATOR_ROLES = ["owner", "operator", "finance", "viewer"] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const PERMISSIONS = [
  // Every signed-in operator may read the console's non-secret data.
  "console:read",
  // Orders, instances, interface messages, re-runs, the simulator.
  "operations:write",
  // Bills, invoices, invoice templates, fee reports.
  "finance:write",
  "settings:manage",
  "operators:manage",
  "audit:read",
  "secrets:reveal",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<OperatorRole, readonly Permission[]> = {
  owner: PERMISSIONS,
  operator: ["console:read", "operations:write"],
  finance: ["console:read", "finance:write"],
  viewer: ["console:read"],
};

export const hasPermission = (role: OperatorRole, permission: Permission): boolean =>
  GRANTS[role].includes(permission);

export const permissionsOf = (role: OperatorRole): readonly Permission[] => GRANTS[role];

export const isOperatorRole = (value: unknown): value is OperatorRole =>
  typeof value === "string" && (OPERATOR_ROLES as readonly string[]).includes(value);
