import { stringify } from "csv-stringify";
import type { OrderFilter } from "@/lib/contracts/orders";
import type { Deps } from "@/server/deps";
import { findOrderPage } from "@/server/orders/list-orders";

const BATCH = 2_000;

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

// Beijing wall time with its offset: what operators read, and still unambiguous for a machine.
const beijing = (date: Date) => `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/**
 * The filtered list as CSV, in the list's own order, one keyset page at a time and only as fast
 * as the client reads (back-pressure through the stream's pull), so a million orders never sit
 * in memory. The UTF-8 BOM makes Excel read the Chinese text correctly.
 */
export const exportOrdersCsv = (filter: OrderFilter, deps: Pick<Deps, "db">): ReadableStream<Uint8Array> => {
  let cursor: string | undefined;
  let done = false;
  let headerSent = false;
  const encoder = new TextEncoder();
  const toCsv = (records: unknown[][]) =>
    new Promise<string>((resolve, reject) => {
      const chunks: string[] = [];
      const csv = stringify({ bom: !headerSent, header: !headerSent, columns: [...ORDER_CSV_COLUMNS] });
      csv.on("data", (chunk: Buffer | string) => chunks.push(chunk.toString()));
      csv.on("error", reject);
      csv.on("end", () => resolve(chunks.join("")));
      for (const record of records) csv.write(record);
      csv.end();
      headerSent = true;
    });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      const page = await findOrderPage(filter, cursor, BATCH, deps);
      const text = await toCsv(
        page.rows.map((row) => [
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
        ]),
      );
      if (text) controller.enqueue(encoder.encode(text));
      if (!page.nextCursor) {
        done = true;
        controller.close();
        return;
      }
      cursor = page.nextCursor;
    },
  });
};
