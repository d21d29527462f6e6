import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { orderFilterSchema, type ExportFormat, type OrderExportDto, type OrderFilter, type StartOrderExport } from "@/lib/contracts/orders";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { ExportCancelledError, exportOrdersCsv, exportOrdersXlsx, type ExportHooks } from "@/server/orders/export-orders";
import { countOrders, type OrderRowReader } from "@/server/orders/list-orders";

// Exports with progress (issue 6). The design, and why:
// - The file itself is an ordinary streamed download (GET …/file): the browser writes it to disk
//   as it arrives, so neither the server nor the browser ever holds the whole file, and the
//   server reads the next page only as fast as the download takes them (back-pressure).
// - Progress cannot be read from the bytes (an .xlsx is a compressed zip), so the streaming
//   request writes the rows done so far into the export's row after each page and the
//   page polls that row (GET …/:id). The row lives in the database, so it works whichever app
//   process serves the download and whichever serves the poll.
// - Cancelling marks the row; the stream sees it at its next progress write and stops, which
//   aborts the browser's download. Closing the download in the browser cancels the row too.
// - The total is the filter's count when the export starts (exact up to the list's exact-count
//   limit, the planner's estimate beyond it), so the page shows "rows / total" from the start.
type Operator = AuditActor & { id: string };

const toDto = (row: {
  id: string;
  format: string;
  total: number;
  totalIsExact: boolean;
  rowsDone: number;
  status: string;
  createdAt: Date;
  finishedAt: Date | null;
}): OrderExportDto => ({
  id: row.id,
  format: row.format as ExportFormat,
  total: row.total,
  totalIsExact: row.totalIsExact,
  rowsDone: row.rowsDone,
  status: row.status as OrderExportDto["status"],
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
  fileUrl: `/api/orders/exports/${row.id}/file`,
});

const filterOf = ({ format: _format, ...filter }: StartOrderExport): OrderFilter => filter;

export const startOrderExport = async (
  input: StartOrderExport,
  operator: Operator,
  ipAddress: string | null,
  deps: Pick<Deps, "db" | "now">,
): Promise<OrderExportDto> => {
  const filter = filterOf(input);
  const counted = await countOrders(filter, deps);
  const now = deps.now();
  const row = await deps.db.orderExport.create({
    data: {
      id: randomUUID(),
      operatorId: operator.id,
      format: input.format,
      filter: filter as unknown as Prisma.InputJsonValue,
      total: counted.total,
      totalIsExact: counted.totalIsExact,
      createdAt: now,
      updatedAt: now,
    },
  });
  await recordAuditEvent(
    deps.db,
    { actor: operator, action: "orders.exported", targetType: "order_export", targetId: row.id, ipAddress, details: { format: input.format, filter, total: counted.total } },
    now,
  );
  return toDto(row);
};

// An export is its operator's: another operator's id answers as unknown.
const findOwn = async (exportId: string, operator: Operator, deps: Pick<Deps, "db">) => {
  const row = await deps.db.orderExport.findUnique({ where: { id: exportId } });
  if (!row || row.operatorId !== operator.id) throw new AppError("NOT_FOUND", "No such export.", { messageKey: "orders.export.notFound" });
  return row;
};

export const getOrderExport = async (exportId: string, operator: Operator, deps: Pick<Deps, "db">): Promise<OrderExportDto> =>
  toDto(await findOwn(exportId, operator, deps));

export const cancelOrderExport = async (
  exportId: string,
  operator: Operator,
  ipAddress: string | null,
  deps: Pick<Deps, "db" | "now">,
): Promise<OrderExportDto> => {
  await findOwn(exportId, operator, deps);
  const now = deps.now();
  const changed = await deps.db.orderExport.updateMany({
    where: { id: exportId, status: { in: ["ready", "running"] } },
    data: { status: "cancelled", updatedAt: now, finishedAt: now },
  });
  if (changed.count > 0) {
    await recordAuditEvent(deps.db, { actor: operator, action: "orders.export_cancelled", targetType: "order_export", targetId: exportId, ipAddress }, now);
  }
  return toDto(await findOwn(exportId, operator, deps));
};

/**
 * The export's file, once: claiming it moves the row from ready to running, so a second request
 * (a reload, another tab) is refused rather than starting the same export twice.
 */
export const streamOrderExport = async (
  exportId: string,
  operator: Operator,
  deps: Pick<Deps, "db" | "now">,
  read?: OrderRowReader,
): Promise<{ format: ExportFormat; stream: ReadableStream<Uint8Array> }> => {
  const row = await findOwn(exportId, operator, deps);
  const claimed = await deps.db.orderExport.updateMany({ where: { id: exportId, status: "ready" }, data: { status: "running", updatedAt: deps.now() } });
  if (claimed.count === 0) {
    throw new AppError("CONFLICT", `This export is ${row.status}; start a new one.`, { messageKey: "orders.export.alreadyStarted" });
  }
  const filter = orderFilterSchema.parse(row.filter);
  const hooks: ExportHooks = {
    read,
    onProgress: async (rowsDone) => {
      // One indexed update per page of EXPORT_BATCH rows (about a millisecond): the progress, and the check for a cancel.
      const [current] = await deps.db.$queryRaw<{ status: string }[]>`
        UPDATE order_exports SET rows_done = ${rowsDone}, updated_at = ${deps.now()} WHERE id = ${exportId}::uuid RETURNING status`;
      if (current?.status === "cancelled") throw new ExportCancelledError();
    },
    onDone: async (rowsDone) => {
      const now = deps.now();
      await deps.db.orderExport.updateMany({ where: { id: exportId, status: "running" }, data: { status: "finished", rowsDone, updatedAt: now, finishedAt: now } });
    },
    onStop: async (reason, rowsDone) => {
      const now = deps.now();
      await deps.db.orderExport.updateMany({ where: { id: exportId, status: "running" }, data: { status: reason, rowsDone, updatedAt: now, finishedAt: now } });
    },
  };
  const format = row.format as ExportFormat;
  return { format, stream: format === "xlsx" ? exportOrdersXlsx(filter, deps, hooks) : exportOrdersCsv(filter, deps, hooks) };
};

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const exportResponse = (format: ExportFormat, stream: ReadableStream<Uint8Array>, now: Date): Response =>
  new Response(stream, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="orders-${now.toISOString().slice(0, 10)}.${format}"`,
      "cache-control": "no-store",
    },
  });
