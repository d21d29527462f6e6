import { checkUnifiedSocialCreditCode } from "@/domain/invoices/unified-social-credit-code";

// The seller's invoice template (发票模板, koogallery-money.md §3b). Huawei issues the platform-fee
// invoice from it, so a field the tax bureau would refuse must be caught here.

export const TITLE_TYPES = ["enterprise", "individual", "organisation"] as const; // 企业 / 个人 / 组织
export type TitleType = (typeof TITLE_TYPES)[number];

// New templates choose a 数电 kind; the paper and (non-数电) electronic kinds remain for old records only.
export const SELECTABLE_INVOICE_KINDS = ["digital_special", "digital_ordinary"] as const;
export const LEGACY_INVOICE_KINDS = ["paper_special", "paper_ordinary", "electronic_special", "electronic_ordinary"] as const;
export const INVOICE_KINDS = [...SELECTABLE_INVOICE_KINDS, ...LEGACY_INVOICE_KINDS] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const isSpecialKind = (kind: InvoiceKind): boolean => kind.endsWith("_special");
export const isPaperKind = (kind: InvoiceKind): boolean => kind.startsWith("paper_");
export const isLegacyKind = (kind: string): boolean => (LEGACY_INVOICE_KINDS as readonly string[]).includes(kind);

export const TEMPLATE_FIELDS = [
  "titleType",
  "title",
  "taxpayerId",
  "bankName",
  "bankAccount",
  "registeredAddress",
  "registeredPhone",
  "invoiceKind",
  "email",
  "mailRecipient",
  "mailPhone",
  "mailAddress",
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export type TemplateContent = {
  titleType: TitleType;
  title: string;
  taxpayerId: string;
  bankName: string;
  bankAccount: string;
  registeredAddress: string;
  registeredPhone: string;
  invoiceKind: InvoiceKind;
  email: string;
  mailRecipient: string;
  mailPhone: string;
  mailAddress: string;
};

// Codes are translation keys under invoiceTemplates.errors; params fill their placeholders.
export type TemplateIssue = { path: TemplateField; code: string; params?: Record<string, string> };

const PHONE = /^[0-9+()\- ]{5,30}$/;
const BANK_ACCOUNT = /^[0-9][0-9 -]{4,38}[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const MAX_LENGTHS: Record<TemplateField, number> = {
  titleType: 20,
  title: 100,
  taxpayerId: 18,
  bankName: 100,
  bankAccount: 40,
  registeredAddress: 200,
  registeredPhone: 30,
  invoiceKind: 30,
  email: 254,
  mailRecipient: 50,
  mailPhone: 30,
  mailAddress: 200,
};

/** Which fields a template of this title type and kind must fill in. */
export const requiredFields = (titleType: TitleType, kind: InvoiceKind): TemplateField[] => {
  const required: TemplateField[] = ["titleType", "title", "invoiceKind"];
  // An enterprise title always carries its tax ID (ordinary invoices included); a 专票 also needs the
  // full buyer block Huawei prints on it (§3b: 基本户开户银行/账号, 注册地址/电话).
  if (titleType === "enterprise") required.push("taxpayerId");
  if (isSpecialKind(kind)) required.push("bankName", "bankAccount", "registeredAddress", "registeredPhone");
  // 数电 and electronic invoices arrive by e-mail; paper invoices are posted.
  if (isPaperKind(kind)) required.push("mailRecipient", "mailPhone", "mailAddress");
  else required.push("email");
  return required;
};

/**
 * Every problem with a template, field by field. `previousKind` is the kind of the version being
 * edited: a legacy kind may stay on an old record but is never chosen anew.
 */
export const validateTemplate = (content: TemplateContent, options: { previousKind?: string | null } = {}): TemplateIssue[] => {
  const issues: TemplateIssue[] = [];
  const add = (path: TemplateField, code: string, params?: Record<string, string>) => {
    if (!issues.some((issue) => issue.path === path)) issues.push(params ? { path, code, params } : { path, code });
  };
  if (!(TITLE_TYPES as readonly string[]).includes(content.titleType)) add("titleType", "invoiceTemplates.errors.titleTypeInvalid");
  if (!(INVOICE_KINDS as readonly string[]).includes(content.invoiceKind)) add("invoiceKind", "invoiceTemplates.errors.kindInvalid");
  if (issues.length) return issues;

  if (isLegacyKind(content.invoiceKind) && options.previousKind !== content.invoiceKind) add("invoiceKind", "invoiceTemplates.errors.kindLegacy");
  if (isSpecialKind(content.invoiceKind) && content.titleType !== "enterprise") add("invoiceKind", "invoiceTemplates.errors.specialOnlyEnterprise");

  for (const field of TEMPLATE_FIELDS) {
    const value = content[field];
    if (value.length > MAX_LENGTHS[field]) add(field, "invoiceTemplates.errors.tooLong", { max: String(MAX_LENGTHS[field]) });
  }
  for (const field of requiredFields(content.titleType, content.invoiceKind)) {
    if (content[field].trim() === "") add(field, "invoiceTemplates.errors.required");
  }

  if (content.taxpayerId.trim() !== "") {
    const verdict = checkUnifiedSocialCreditCode(content.taxpayerId);
    if (!verdict.valid) {
      if (verdict.problem === "checkCharacter") add("taxpayerId", "invoiceTemplates.errors.creditCodeCheckCharacter", { expected: verdict.expectedCheckCharacter! });
      else add("taxpayerId", verdict.problem === "length" ? "invoiceTemplates.errors.creditCodeLength" : "invoiceTemplates.errors.creditCodeCharacters");
    }
  }
  if (content.registeredPhone.trim() !== "" && !PHONE.test(content.registeredPhone.trim())) add("registeredPhone", "invoiceTemplates.errors.phoneInvalid");
  if (content.mailPhone.trim() !== "" && !PHONE.test(content.mailPhone.trim())) add("mailPhone", "invoiceTemplates.errors.phoneInvalid");
  if (content.bankAccount.trim() !== "" && !BANK_ACCOUNT.test(content.bankAccount.trim())) add("bankAccount", "invoiceTemplates.errors.bankAccountInvalid");
  if (content.email.trim() !== "" && !EMAIL.test(content.email.trim())) add("email", "invoiceTemplates.errors.emailInvalid");
  return issues;
};

/** The stored form: trimmed, the tax ID upper-cased, and fields the kind does not use emptied. */
export const normaliseTemplate = (content: TemplateContent): TemplateContent => {
  const trimmed = Object.fromEntries(TEMPLATE_FIELDS.map((field) => [field, content[field].trim()])) as TemplateContent;
  trimmed.taxpayerId = trimmed.taxpayerId.toUpperCase();
  if (!isPaperKind(trimmed.invoiceKind)) {
    trimmed.mailRecipient = "";
    trimmed.mailPhone = "";
    trimmed.mailAddress = "";
  }
  return trimmed;
};

/** The fields a new version changes against the previous one, in form order. */
export const changedFields = (before: TemplateContent | null, after: TemplateContent): TemplateField[] =>
  before ? TEMPLATE_FIELDS.filter((field) => before[field] !== after[field]) : [];

// The buyer block (购买方信息) of a Chinese VAT invoice, as Huawei will print it from the template.
// Labels are translation keys under invoiceTemplates.preview.
export type HeaderLine = { label: "title" | "taxpayerId" | "addressPhone" | "bankAccount"; value: string };

export const invoiceHeader = (content: TemplateContent): HeaderLine[] => {
  const c = normaliseTemplate(content);
  const lines: HeaderLine[] = [{ label: "title", value: c.title }];
  if (c.taxpayerId) lines.push({ label: "taxpayerId", value: c.taxpayerId });
  const addressPhone = [c.registeredAddress, c.registeredPhone].filter(Boolean).join(" ");
  if (addressPhone) lines.push({ label: "addressPhone", value: addressPhone });
  const bank = [c.bankName, c.bankAccount].filter(Boolean).join(" ");
  if (bank) lines.push({ label: "bankAccount", value: bank });
  return lines;
};

// Lifecycle: a draft or retired template may be activated; activating one retires the active one.
export const TEMPLATE_STATUSES = ["draft", "active", "retired"] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const canActivate = (status: TemplateStatus): boolean => status !== "active";
