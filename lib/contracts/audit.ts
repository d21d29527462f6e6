import { z } from "zod";

export const auditQuerySchema = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(254).optional(),
  from: z.iso.date({ message: "audit.fromInvalid" }).optional(),
  to: z.iso.date({ message: "audit.toInvalid" }).optional(),
  // Keyset pagination: the id of the last row of the previous page.
  before: z.coerce.bigint({ message: "audit.cursorInvalid" }).positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventDtoSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ipAddress: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEventDto = z.infer<typeof auditEventDtoSchema>;

export const auditPageSchema = z.object({
  events: z.array(auditEventDtoSchema),
  nextCursor: z.string().nullable(),
  total: z.number(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
