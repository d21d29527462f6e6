import { stringify } from "csv-stringify";
import type { AuditQuery } from "@/lib/contracts/audit";
import { auditWhere } from "@/server/audit/list-audit-events";
import type { Deps } from "@/server/deps";

const BATCH = 1000;

// Streams the filtered log as CSV in id order, a batch at a time, so a year of events never
// sits in memory at once. The UTF-8 BOM makes Excel read the Chinese text correctly.
export const exportAuditEventsCsv = (query: Omit<AuditQuery, "before" | "limit">, deps: Pick<Deps, "db">): ReadableStream<Uint8Array> => {
  const where = auditWhere(query);
  const csv = stringify({
    header: true,
    bom: true,
    columns: ["id", "occurred_at", "actor_email", "action", "target_type", "target_id", "ip_address", "details"],
  });
  void (async () => {
    try {
      let cursor: bigint | undefined;
      for (;;) {
        const rows = await deps.db.auditEvent.findMany({
          where: { ...where, id: cursor ? { gt: cursor } : undefined },
          orderBy: { id: "asc" },
          take: BATCH,
        });
        for (const row of rows) {
          const ok = csv.write([
            row.id.toString(),
            row.occurredAt.toISOString(),
            row.actorEmail ?? "",
            row.action,
            row.targetType ?? "",
            row.targetId ?? "",
            row.ipAddress ?? "",
            JSON.stringify(row.details),
          ]);
          if (!ok) await new Promise((resolve) => csv.once("drain", resolve));
        }
        if (rows.length < BATCH) break;
        cursor = rows[rows.length - 1]!.id;
      }
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      csv.on("data", (chunk: Buffer | string) => controller.enqueue(typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)));
      csv.on("end", () => controller.close());
      csv.on("error", (error) => controller.error(error));
    },
  });
};
