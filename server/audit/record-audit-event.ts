import { Prisma } from "@/generated/prisma/client";
import type { Deps } from "@/server/deps";

export type AuditActor = { id: string | null; email: string | null };

export type AuditEventInput = {
  actor: AuditActor | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ipAddress?: string | null;
  // Never a secret value: callers record which setting changed, not what it changed to.
  details?: Record<string, unknown>;
};

type Writer = Pick<Deps["db"], "auditEvent">;

export const recordAuditEvent = async (db: Writer, event: AuditEventInput, now: Date): Promise<void> => {
  await db.auditEvent.create({
    data: {
      occurredAt: now,
      actorId: event.actor?.id ?? null,
      actorEmail: event.actor?.email ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ipAddress: event.ipAddress ?? null,
      details: (event.details ?? {}) as Prisma.InputJsonValue,
    },
  });
};
