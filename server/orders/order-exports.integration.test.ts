import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderListQuerySchema, startOrderExportSchema } from "@/lib/contracts/orders";
import { pgOrderRowReader } from "@/server/orders/export-connection";
import { EXPORT_BATCH, exportOrdersCsv, exportOrdersXlsx, ORDER_CSV_COLUMNS } from "@/server/orders/export-orders";
import { cancelOrderExport, getOrderExport, startOrderExport, streamOrderExport } from "@/server/orders/order-exports";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

let testDb: TestDatabase;
const deps = () => testDeps(testDb.db);
const owner = { id: randomUUID(), email: "owner@example.com" };
const other = { id: randomUUID(), email: "other@example.com" };

// Enough orders for several export pages: 2.5 pages of customer A, a few of customer B.
const A_ORDERS = Math.floor(EXPORT_BATCH * 2.5);
beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.db.$executeRawUnsafe(`
    INSERT INTO orders (id, order_id, order_type, customer_id, customer_name, charging_mode, amount, currency, ordered_at, created_at, updated_at)
    SELECT gen_random_uuid(), 'CSX' || lpad(i::text, 6, '0'), CASE WHEN i % 3 = 0 THEN 'RENEW' ELSE 'NEW' END,
           CASE WHEN i <= ${A_ORDERS} THEN 'cust-a' ELSE 'cust-b' END, '客户, "甲"', 'PERIOD',
           CASE WHEN i = 7 THEN -12.5 ELSE i * 1.25 END, 'CNY',
           timestamptz '2026-11-01 00:00:00+08' + make_interval(mins => i), now(), now()
    FROM generate_series(1, ${A_ORDERS + 5}) AS i`);
});
afterAll(async () => testDb?.close());

const readCsv = async (stream: ReadableStream<Uint8Array>) => (await new Response(stream).text()).replace(/^\uFEFF/, "");

const xlsxRows = async (stream: ReadableStream<Uint8Array>) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(stream).arrayBuffer());
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { name: sheet.name, rows };
  });
};

describe(`order exports on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  const filter = orderListQuerySchema.parse({ customer: "cust-a", dir: "asc" });

  it("Excel holds the same rows as the CSV, in the list's order, with amounts as numbers", async () => {
    const csv = (await readCsv(exportOrdersCsv(filter, deps()))).trimEnd().split(/\r?\n/);
    expect(csv).toHaveLength(A_ORDERS + 1);
    // Quotes and commas in a name are quoted in CSV, plain in Excel.
    expect(csv[1]).toBe('CSX000001,NEW,2026-11-01T00:01:00+08:00,cust-a,"客户, ""甲""",PERIOD,,1.250,,CNY,0,callback,');
    const [sheet] = await xlsxRows(exportOrdersXlsx(filter, deps()));
    expect(sheet!.name).toBe("orders");
    expect(sheet!.rows[0]).toEqual([...ORDER_CSV_COLUMNS]);
    expect(sheet!.rows).toHaveLength(A_ORDERS + 1);
    expect(sheet!.rows.slice(1).map((row) => row[0])).toEqual(csv.slice(1).map((line) => line.split(",")[0]));
    expect(sheet!.rows[7]!.slice(0, 8)).toEqual(["CSX000007", "NEW", "2026-11-01T00:07:00+08:00", "cust-a", '客户, "甲"', "PERIOD", undefined, -12.5]);
  });

  it("continues on a second sheet past a sheet's row limit", async () => {
    const sheets = await xlsxRows(exportOrdersXlsx(orderListQuerySchema.parse({ customer: "cust-b" }), deps(), {}, 3));
    expect(sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([
      ["orders", 4],
      ["orders 2", 3],
    ]);
  });

  it("reads the same pages through plain pg as through Prisma", async () => {
    const pool = new pg.Pool({ connectionString: testDb.url, max: 1 });
    try {
      const viaPg = await readCsv(exportOrdersCsv(filter, deps(), { read: pgOrderRowReader(pool) }));
      expect(viaPg).toBe(await readCsv(exportOrdersCsv(filter, deps())));
    } finally {
      await pool.end();
    }
  });

  it("an export is counted when started, streamed once, and finishes with every row counted", async () => {
    const started = await startOrderExport(startOrderExportSchema.parse({ customer: "cust-a", format: "xlsx" }), owner, "127.0.0.1", deps());
    expect(started).toMatchObject({ format: "xlsx", total: A_ORDERS, totalIsExact: true, rowsDone: 0, status: "ready", fileUrl: `/api/orders/exports/${started.id}/file` });
    const audit = await testDb.db.auditEvent.findFirst({ where: { action: "orders.exported", targetId: started.id } });
    expect(audit?.actorEmail).toBe("owner@example.com");
    // Someone else's export does not exist for them.
    await expect(getOrderExport(started.id, other, deps())).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { stream } = await streamOrderExport(started.id, owner, deps());
    await expect(streamOrderExport(started.id, owner, deps())).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getOrderExport(started.id, owner, deps())).status).toBe("running");
    const [sheet] = await xlsxRows(stream);
    expect(sheet!.rows).toHaveLength(A_ORDERS + 1);
    expect(await getOrderExport(started.id, owner, deps())).toMatchObject({ status: "finished", rowsDone: A_ORDERS });
  });

  it("cancelling stops the stream at its next page and says how far it got", async () => {
    const started = await startOrderExport(startOrderExportSchema.parse({ customer: "cust-a", format: "csv" }), owner, null, deps());
    const { stream } = await streamOrderExport(started.id, owner, deps());
    const reader = stream.getReader();
    let bytes = 0;
    // The first page (and the header) arrives...
    bytes += (await reader.read()).value!.byteLength;
    await cancelOrderExport(started.id, owner, null, deps());
    // ...then the stream errors at its next progress write instead of writing the rest.
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return bytes;
          bytes += value.byteLength;
        }
      })(),
    ).rejects.toThrow("cancelled");
    const after = await getOrderExport(started.id, owner, deps());
    expect(after.status).toBe("cancelled");
    expect(after.rowsDone).toBeLessThan(A_ORDERS);
    expect(await testDb.db.auditEvent.count({ where: { action: "orders.export_cancelled", targetId: started.id } })).toBe(1);
  });

  it("a download the browser drops marks the export cancelled", async () => {
    const started = await startOrderExport(startOrderExportSchema.parse({ format: "csv" }), owner, null, deps());
    const { stream } = await streamOrderExport(started.id, owner, deps());
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect((await getOrderExport(started.id, owner, deps())).status).toBe("cancelled");
  });
});
