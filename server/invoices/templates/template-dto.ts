import {
  INVOICE_KINDS,
  TEMPLATE_FIELDS,
  TEMPLATE_STATUSES,
  TITLE_TYPES,
  type InvoiceKind,
  type TemplateContent,
  type TemplateField,
  type TemplateIssue,
  type TemplateStatus,
  type TitleType,
  validateTemplate,
} from "@/domain/invoices/templates/invoice-template";
import type { InvoiceTemplateDto, TemplateVersionDto } from "@/lib/contracts/invoice-templates";
import { AppError } from "@/server/errors";

export type VersionRow = {
  version: number;
  titleType: string;
  title: string;
  taxpayerId: string | null;
  bankName: string | null;
  bankAccount: string | null;
  registeredAddress: string | null;
  registeredPhone: string | null;
  invoiceKind: string;
  email: string | null;
  mailRecipient: string | null;
  mailPhone: string | null;
  mailAddress: string | null;
  changedFields: unknown;
  createdBy: string | null;
  createdAt: Date;
};

export type TemplateRow = {
  id: string;
  status: string;
  currentVersion: number;
  activatedAt: Date | null;
  activatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const contentOf = (row: VersionRow): TemplateContent => ({
  titleType: (TITLE_TYPES as readonly string[]).includes(row.titleType) ? (row.titleType as TitleType) : "enterprise",
  title: row.title,
  taxpayerId: row.taxpayerId ?? "",
  bankName: row.bankName ?? "",
  bankAccount: row.bankAccount ?? "",
  registeredAddress: row.registeredAddress ?? "",
  registeredPhone: row.registeredPhone ?? "",
  invoiceKind: (INVOICE_KINDS as readonly string[]).includes(row.invoiceKind) ? (row.invoiceKind as InvoiceKind) : "digital_ordinary",
  email: row.email ?? "",
  mailRecipient: row.mailRecipient ?? "",
  mailPhone: row.mailPhone ?? "",
  mailAddress: row.mailAddress ?? "",
});

// Empty strings are stored as NULL.
export const columnsOf = (content: TemplateContent) => {
  const n = (value: string) => (value === "" ? null : value);
  return {
    titleType: content.titleType,
    title: content.title,
    taxpayerId: n(content.taxpayerId),
    bankName: n(content.bankName),
    bankAccount: n(content.bankAccount),
    registeredAddress: n(content.registeredAddress),
    registeredPhone: n(content.registeredPhone),
    invoiceKind: content.invoiceKind,
    email: n(content.email),
    mailRecipient: n(content.mailRecipient),
    mailPhone: n(content.mailPhone),
    mailAddress: n(content.mailAddress),
  };
};

export const toVersionDto = (row: VersionRow): TemplateVersionDto => ({
  ...contentOf(row),
  version: row.version,
  changedFields: Array.isArray(row.changedFields) ? (row.changedFields.filter((f) => (TEMPLATE_FIELDS as readonly unknown[]).includes(f)) as TemplateField[]) : [],
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

export const toTemplateDto = (row: TemplateRow, current: VersionRow): InvoiceTemplateDto => ({
  id: row.id,
  status: (TEMPLATE_STATUSES as readonly string[]).includes(row.status) ? (row.status as TemplateStatus) : "draft",
  currentVersion: row.currentVersion,
  activatedAt: row.activatedAt?.toISOString() ?? null,
  activatedBy: row.activatedBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  current: toVersionDto(current),
});

const ENGLISH: Record<string, (params?: Record<string, string>) => string> = {
  "invoiceTemplates.errors.creditCodeCheckCharacter": (p) => `The check character of this credit code should be ${p?.expected}.`,
  "invoiceTemplates.errors.creditCodeLength": () => "A unified social credit code has 18 characters.",
  "invoiceTemplates.errors.creditCodeCharacters": () => "A unified social credit code uses digits and capital letters other than I, O, Z, S and V.",
  "invoiceTemplates.errors.specialOnlyEnterprise": () => "Special VAT invoices are only issued to enterprise titles.",
  "invoiceTemplates.errors.kindLegacy": () => "New templates use 数电专票 or 数电普票.",
  "invoiceTemplates.errors.required": () => "Required for this title type and invoice kind.",
};

export const assertValidTemplate = (content: TemplateContent, previousKind: string | null = null): void => {
  const issues: TemplateIssue[] = validateTemplate(content, { previousKind });
  if (issues.length === 0) return;
  throw new AppError("VALIDATION_FAILED", "The invoice template has invalid fields.", {
    messageKey: "errors.validation",
    issues: issues.map((issue) => ({ path: issue.path, code: issue.code, message: ENGLISH[issue.code]?.(issue.params) ?? issue.code })),
  });
};
