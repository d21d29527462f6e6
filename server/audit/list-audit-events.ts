import type { Prisma } from "@/generated/prisma/client";
import type { AuditEventDto, AuditPage, AuditQuery } from "@/lib/contracts/audit";
import type { Deps } from "@/server/deps";

// Dates in the filter are whole days in Beijing time, the marketplace's and the operators' day.
const beijingDayStart = (isoDate: string): Date => new Date(`${isoDate}T00:00:00+08:00`);

export const auditWhere = (query: Omit<AuditQuery, "before" | "limit">): Prisma.AuditEventWhereInput => ({
  action: query.action ? { startsWith: query.action } : undefined,
  actorEmail: query.actor ? { contains: query.actor.toLowerCase() } : undefined,
  occurredAt:
    query.from || query.to
      ? {
          gte: query.from ? beijingDayStart(query.from) : undefined,
          lt: query.to ? new Date(beijingDayStart(query.to).getTime() + 86_400_000) : undefined,
        }
      : undefined,
});

export const toAuditEventDto = (row: {
  id: bigint;
  occurredAt: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ipAddress: string | null;
  details: unknown;
}): AuditEventDto => ({
  id: row.id.toString(),
  occurredAt: row.occurredAt.toISOString(),
  actorEmail: row.actorEmail,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  ipAddress: row.ipAddress,
  details: row.details,
});

export const listAuditEvents = async (query: AuditQuery, deps: Pick<Deps, "db">): Promise<AuditPage> => {
  const where = auditWhere(query);
  const [rows, total] = await Promise.all([
    deps.db.auditEvent.findMany({
      where: { ...where, id: query.before ? { lt: query.before } : undefined },
      orderBy: { id: "desc" },
      take: query.limit + 1,
    }),
    deps.db.auditEvent.count({ where }),
  ]);
  const page = rows.slice(0, query.limit);
  return {
    events: page.map(toAuditEventDto),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id.toString() : null,
    total,
  };
};
