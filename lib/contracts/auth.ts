import { z } from "zod";

export const signInInputSchema = z.object({
  email: z.string().trim().min(1, { message: "signIn.emailRequired" }).max(254, { message: "signIn.emailRequired" }),
  password: z.string().min(1, { message: "signIn.passwordRequired" }).max(1000, { message: "signIn.passwordRequired" }),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1, { message: "password.currentRequired" }).max(1000),
  newPassword: z.string().max(1000),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(["owner", "operator", "finance", "viewer"]),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;
