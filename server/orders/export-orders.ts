import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { OrderFilter } from "@/lib/contracts/orders";
import type { Deps } from "@/server/deps";
import { findOrderPage, type OrderRowReader } from "@/server/orders/list-orders";

// Rows per keyset query: one page (and, for Excel, the zip's buffers) is all an export keeps
// alive, however many orders it writes. The size matters more than it looks: reading 400,000
// orders with 1,000-row pages peaked at ~360 MB RSS (a ~300 KB answer per page is reassembled from
// socket chunks, and the heap grows with that churn), with 500- or 250-row pages at ~225 MB, on a
// ~200 MB baseline, and no slower.
export const EXPORT_BATCH = 500;

export const ORDER_CSV_COLUMNS = [
  "order_id",
  "order_type",
  "ordered_at",
  "customer_id",
  "customer_name",
  "charging_mode",
  "products",
  "amount",
  "amount_after_discount",
  "currency",
  "test",
  "source",
  "fetched_at",
] as const;

// Excel's sheet holds 1,048,576 rows; one goes to the header. Past that, the export continues
// on a second sheet ("orders 2") with its own header.
export const XLSX_ROWS_PER_SHEET = 1_048_575;

// Beijing wall time with its offset: what operators read, and still unambiguous for a machine.
const beijing = (date: Date) => `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

type ExportRecord = string[];

/** Called after each page: the rows written so far. Throwing stops the export (e.g. cancelled). */
export type ExportHooks = {
  // Where the pages are read from; Prisma (deps.db) unless given (see export-connection.ts).
  read?: OrderRowReader;
  onProgress?: (rowsDone: number) => Promise<void>;
  onDone?: (rowsDone: number) => Promise<void>;
  // The stream stopped early: the reader went away ("cancelled") or something failed.
  onStop?: (reason: "cancelled" | "failed", rowsDone: number, error?: unknown) => Promise<void>;
};

/** The filtered list in the list's own order, one keyset page at a time, as plain text records. */
export async function* orderExportPages(
  filter: OrderFilter,
  deps: Pick<Deps, "db">,
  read?: OrderRowReader,
  batch = EXPORT_BATCH,
): AsyncGenerator<ExportRecord[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await findOrderPage(filter, cursor, batch, deps, read);
    yield page.rows.map((row) => [
      row.order_id,
      row.order_type ?? "",
      beijing(row.ordered_at),
      row.customer_id ?? "",
      row.customer_name ?? "",
      row.charging_mode ?? "",
      row.products ?? "",
      row.amount ?? "",
      row.amount_after_discount ?? "",
      row.currency ?? "",
      row.test_flag ? "1" : "0",
      row.source,
      row.fetched_at ? beijing(row.fetched_at) : "",
    ]);
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/**
 * A pull-driven stream around the pages: `produce` is asked for more only when the reader asks
 * for more, so a slow download slows the database reads instead of filling memory
 * (back-pressure), and a reader that goes away stops the reads.
 */
const pagedStream = (
  pages: AsyncGenerator<ExportRecord[]>,
  hooks: ExportHooks,
  produce: {
    // Next bytes to hand out, or null when none are waiting.
    take: () => Uint8Array | null;
    write: (records: ExportRecord[]) => void;
    finish: () => void;
    // True once every byte has been produced and taken.
    ended: () => boolean;
    waitForBytes: () => Promise<void>;
    destroy: () => void;
  },
): ReadableStream<Uint8Array> => {
  let rowsDone = 0;
  let finished = false;
  let stopped = false;
  const stop = async (reason: "cancelled" | "failed", error?: unknown) => {
    if (stopped) return;
    stopped = true;
    produce.destroy();
    await pages.return(undefined).catch(() => undefined);
    await hooks.onStop?.(reason, rowsDone, error).catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          let wrote = false;
          for (;;) {
            const bytes = produce.take();
            if (bytes) {
              controller.enqueue(bytes);
              return;
            }
            // Give the page just written a moment to come out before reading another.
            if (wrote) {
              wrote = false;
              await produce.waitForBytes();
              continue;
            }
            if (produce.ended()) {
              controller.close();
              return;
            }
            if (!finished) {
              const next = await pages.next();
              if (next.done) {
                finished = true;
                produce.finish();
                await hooks.onDone?.(rowsDone);
              } else {
                produce.write(next.value);
                wrote = true;
                rowsDone += next.value.length;
                await hooks.onProgress?.(rowsDone);
              }
              continue;
            }
            await produce.waitForBytes();
          }
        } catch (error) {
          await stop(error instanceof ExportCancelledError ? "cancelled" : "failed", error);
          controller.error(error);
        }
      },
      async cancel() {
        await stop("cancelled");
      },
    },
    // One chunk ahead at most: the next page is read only once the previous one is taken.
    { highWaterMark: 1 },
  );
};

export class ExportCancelledError extends Error {
  constructor() {
    super("The export was cancelled.");
  }
}

// RFC 4180, as csv-stringify writes it by default: a field is quoted (its quotes doubled) only
// when it holds a comma, a quote or a line break; records end with "\n". Written by hand because
// it runs for every row: with csv-stringify's per-page stringifier a full export of a million
// orders peaked at 375 MB RSS, with this at 226 MB (on a ~200 MB baseline), and faster.
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
export const csvLines = (records: readonly (readonly string[])[]): string => {
  let text = "";
  for (const record of records) text += `${record.map(csvField).join(",")}\n`;
  return text;
};

/**
 * The filtered list as CSV. The UTF-8 BOM makes Excel read the Chinese text correctly.
 */
export const exportOrdersCsv = (filter: OrderFilter, deps: Pick<Deps, "db">, hooks: ExportHooks = {}): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();
  let pending: Uint8Array | null = encoder.encode(`\uFEFF${csvLines([ORDER_CSV_COLUMNS])}`);
  let done = false;
  return pagedStream(orderExportPages(filter, deps, hooks.read), hooks, {
    take: () => {
      const bytes = pending;
      pending = null;
      return bytes;
    },
    write: (records) => {
      if (records.length) pending = encoder.encode(csvLines(records));
    },
    finish: () => {
      done = true;
    },
    ended: () => done && pending === null,
    waitForBytes: async () => undefined,
    destroy: () => undefined,
  });
};

// Amounts go in as numbers when the number reads back as the same decimal (so Excel can sum
// them), else as text: a value past a double's precision must not change on its way out.
export const xlsxCell = (column: (typeof ORDER_CSV_COLUMNS)[number], value: string): string | number | null => {
  if (value === "") return null;
  if (column === "amount" || column === "amount_after_discount") {
    const number = Number(value);
    const places = value.split(".")[1]?.length ?? 0;
    return Number.isFinite(number) && number.toFixed(places) === value ? number : value;
  }
  return value;
};

/**
 * The filtered list as an Excel workbook, written by exceljs's streaming WorkbookWriter: each row
 * is committed (serialised into the zip) as soon as it is added, shared strings and styles are
 * off (both would keep every value in memory until the end), so memory stays flat however many
 * orders there are.
 */
export const exportOrdersXlsx = (
  filter: OrderFilter,
  deps: Pick<Deps, "db">,
  hooks: ExportHooks = {},
  rowsPerSheet = XLSX_ROWS_PER_SHEET,
): ReadableStream<Uint8Array> => {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let sheetRows = 0;
  let ended = false;
  let failure: unknown = null;
  out.on("end", () => {
    ended = true;
  });
  out.on("error", (error) => {
    failure = error;
  });
  const newSheet = () => {
    sheet?.commit();
    sheets += 1;
    sheet = workbook.addWorksheet(sheets === 1 ? "orders" : `orders ${sheets}`);
    sheet.addRow([...ORDER_CSV_COLUMNS]).commit();
    sheetRows = 0;
  };
  newSheet();
  return pagedStream(orderExportPages(filter, deps, hooks.read), hooks, {
    take: () => {
      if (failure) throw failure;
      const chunk = out.read() as Buffer | null;
      return chunk ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : null;
    },
    write: (records) => {
      for (const record of records) {
        if (sheetRows === rowsPerSheet) newSheet();
        sheet!.addRow(record.map((value, i) => xlsxCell(ORDER_CSV_COLUMNS[i]!, value))).commit();
        sheetRows += 1;
      }
    },
    finish: () => {
      sheet?.commit();
      workbook.commit().catch((error: unknown) => {
        failure = error;
      });
    },
    ended: () => ended,
    // The zip is compressed asynchronously: wait for its next bytes (or the end), checking again
    // after a short while in case they arrived between two looks.
    waitForBytes: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          out.off("readable", done);
          out.off("end", done);
          resolve();
        };
        const timer = setTimeout(done, 25);
        out.once("readable", done);
        out.once("end", done);
      }),
    destroy: () => {
      out.destroy();
    },
  });
};
