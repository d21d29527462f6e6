import type { Permission } from "@/domain/auth/roles";

export type NavItem = { key: string; href: string; permission: Permission };

// `key` names the label in messages (nav.<key>); items an operator's role cannot open are not shown.
export const NAV_GROUPS: { key: string; items: NavItem[] }[] = [
  {
    key: "operations",
    items: [
      { key: "dashboard", href: "/", permission: "console:read" },
      { key: "orders", href: "/orders", permission: "console:read" },
      { key: "instances", href: "/instances", permission: "console:read" },
      { key: "kit", href: "/kit", permission: "console:read" },
      { key: "products", href: "/products", permission: "console:read" },
      { key: "messages", href: "/messages", permission: "console:read" },
      { key: "simulator", href: "/simulator", permission: "console:read" },
    ],
  },
  {
    key: "finance",
    items: [
      { key: "bills", href: "/bills", permission: "console:read" },
      { key: "invoices", href: "/invoices", permission: "console:read" },
      { key: "invoiceTemplates", href: "/invoice-templates", permission: "console:read" },
      { key: "feeReports", href: "/fee-reports", permission: "console:read" },
    ],
  },
  {
    key: "administration",
    items: [
      { key: "settings", href: "/settings", permission: "settings:manage" },
      { key: "operators", href: "/operators", permission: "operators:manage" },
      { key: "auditLog", href: "/audit-log", permission: "audit:read" },
    ],
  },
];
