import { describe, expect, it } from "vitest";
import { hasPermission, isOperatorRole, PERMISSIONS, type OperatorRole, type Permission } from "./roles";

const expected: Record<OperatorRole, Permission[]> = {
  owner: [...PERMISSIONS],
  operator: ["console:read", "operations:write"],
  finance: ["console:read", "finance:write"],
  viewer: ["console:read"],
};

describe("role grants", () => {
  for (const [role, granted] of Object.entries(expected) as [OperatorRole, Permission[]][]) {
    for (const permission of PERMISSIONS) {
      const allowed = granted.includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(hasPermission(role, permission)).toBe(allowed);
      });
    }
  }

  it("only the owner sees secrets, settings, operators and the audit log", () => {
    const ownerOnly: Permission[] = ["secrets:reveal", "settings:manage", "operators:manage", "audit:read"];
    for (const permission of ownerOnly) {
      const holders = (["owner", "operator", "finance", "viewer"] as const).filter((r) => hasPermission(r, permission));
      expect(holders).toEqual(["owner"]);
    }
  });

  it("recognises role names and nothing else", () => {
    expect(isOperatorRole("finance")).toBe(true);
    expect(isOperatorRole("Owner")).toBe(false);
    expect(isOperatorRole("admin")).toBe(false);
    expect(isOperatorRole(undefined)).toBe(false);
  });
});
