import { z } from "zod";
import { OPERATOR_ROLES } from "@/domain/auth/roles";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/domain/auth/password-policy";

export const operatorRoleSchema = z.enum(OPERATOR_ROLES, { message: "operators.roleInvalid" });

export const operatorDtoSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: operatorRoleSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OperatorDto = z.infer<typeof operatorDtoSchema>;

export const createOperatorInputSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, { message: "operators.emailTooLong" }).email({ message: "operators.emailInvalid" }),
  displayName: z.string().trim().min(1, { message: "operators.nameRequired" }).max(100, { message: "operators.nameTooLong" }),
  role: operatorRoleSchema,
  // Left empty, the console generates a one-time password that must be changed at first sign-in.
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { message: "password.tooShort" })
    .max(PASSWORD_MAX_LENGTH, { message: "password.tooLong" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type CreateOperatorInput = z.infer<typeof createOperatorInputSchema>;

export const updateOperatorInputSchema = z
  .object({
    displayName: z.string().trim().min(1, { message: "operators.nameRequired" }).max(100, { message: "operators.nameTooLong" }).optional(),
    role: operatorRoleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "operators.nothingToChange" });
export type UpdateOperatorInput = z.infer<typeof updateOperatorInputSchema>;

export const createdOperatorSchema = z.object({ operator: operatorDtoSchema, oneTimePassword: z.string().nullable() });
export type CreatedOperator = z.infer<typeof createdOperatorSchema>;
