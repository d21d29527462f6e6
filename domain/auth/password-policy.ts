import { z } from "zod";

// Length beats composition rules (NIST SP 800-63B); the upper bound keeps hashing cheap to refuse.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `password.tooShort` })
  .max(PASSWORD_MAX_LENGTH, { message: `password.tooLong` })
  .refine((value) => value.trim().length === value.length, { message: "password.edgeWhitespace" });
