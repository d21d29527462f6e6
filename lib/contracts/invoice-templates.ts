import { z } from "zod";
import {
  INVOICE_KINDS,
  TEMPLATE_FIELDS,
  TITLE_TYPES,
  validateTemplate,
  type InvoiceKind,
  type TemplateContent,
  type TemplateField,
  type TemplateStatus,
  type TitleType,
} from "@/domain/invoices/templates/invoice-template";

const text = z.string().max(500).default("");

// The shape the API accepts; the template rules run on top (templateInputSchemaFor), with the kind
// of the version being edited so that an old record may keep its legacy kind.
export const templateContentSchema = z.object({
  titleType: z.enum(TITLE_TYPES, { message: "invoiceTemplates.errors.titleTypeInvalid" }),
  title: text,
  taxpayerId: text,
  bankName: text,
  bankAccount: text,
  registeredAddress: text,
  registeredPhone: text,
  invoiceKind: z.enum(INVOICE_KINDS, { message: "invoiceTemplates.errors.kindInvalid" }),
  email: text,
  mailRecipient: text,
  mailPhone: text,
  mailAddress: text,
});
export type TemplateInput = z.infer<typeof templateContentSchema>;

export const templateInputSchemaFor = (previousKind: string | null = null) =>
  templateContentSchema.superRefine((value, ctx) => {
    for (const issue of validateTemplate(value as TemplateContent, { previousKind })) {
      ctx.addIssue({ code: "custom", path: [issue.path], message: issue.code, params: issue.params });
    }
  });

export const templateParamsSchema = z.object({ templateId: z.uuid({ message: "invoiceTemplates.notFound" }) });

export type TemplateVersionDto = TemplateContent & {
  version: number;
  changedFields: TemplateField[];
  createdBy: string | null;
  createdAt: string;
};

export type InvoiceTemplateDto = {
  id: string;
  status: TemplateStatus;
  currentVersion: number;
  activatedAt: string | null;
  activatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  current: TemplateVersionDto;
};

export type InvoiceTemplateDetail = InvoiceTemplateDto & { versions: TemplateVersionDto[] };

export const EMPTY_TEMPLATE: TemplateContent = {
  titleType: "enterprise" as TitleType,
  title: "",
  taxpayerId: "",
  bankName: "",
  bankAccount: "",
  registeredAddress: "",
  registeredPhone: "",
  invoiceKind: "digital_special" as InvoiceKind,
  email: "",
  mailRecipient: "",
  mailPhone: "",
  mailAddress: "",
};

export { TEMPLATE_FIELDS };
