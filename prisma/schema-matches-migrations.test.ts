import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

// The Prisma schema (prisma/schema/*.prisma) is written by hand next to hand-written SQL migrations (Prisma Migrate cannot run
// here). This test reads both — the schema through Prisma's own parser, the database through the
// catalogue — and fails on any difference the client could trip over.

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType: [string, string[]] | null;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] };
type DmmfEnum = { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] };
type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

const loadDatamodel = async (): Promise<Datamodel> => {
  // The wasm parser reports panics through this global; without it a schema error crashes the test run.
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => console.error(m) };
  const wasm = (await import("@prisma/prisma-schema-wasm")) as unknown as { get_dmmf: (params: string) => string };
  const dir = path.join(import.meta.dirname, "schema");
  const files = readdirSync(dir).filter((name) => name.endsWith(".prisma")).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]);
  return (JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: files }))) as { datamodel: Datamodel }).datamodel;
};

const SCALAR_DEFAULTS: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  Text: () => "text",
  VarChar: (a) => (a[0] ? `character varying(${a[0]})` : "character varying"),
  Char: (a) => `character(${a[0] ?? 1})`,
  Timestamptz: (a) => `timestamp(${a[0] ?? 6}) with time zone`,
  Timestamp: (a) => `timestamp(${a[0] ?? 6}) without time zone`,
  Date: () => "date",
  Decimal: (a) => `numeric(${a.join(",")})`,
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  JsonB: () => "jsonb",
  Inet: () => "inet",
};

const expectedType = (field: DmmfField, enums: DmmfEnum[]): string => {
  if (field.kind === "enum") {
    const e = enums.find((x) => x.name === field.type)!;
    return e.dbName ?? e.name;
  }
  const base = field.nativeType ? NATIVE[field.nativeType[0]]!(field.nativeType[1]) : SCALAR_DEFAULTS[field.type]!;
  return field.isList ? `${base}[]` : base;
};

let testDb: TestDatabase;
let datamodel: Datamodel;

type ColumnRow = { table_name: string; column_name: string; data_type: string; not_null: boolean };
type IndexRow = { table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; columns: string[] };

let columns: ColumnRow[];
let indexes: IndexRow[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  datamodel = await loadDatamodel();
  columns = await testDb.db.$queryRawUnsafe<ColumnRow[]>(`
    SELECT c.relname AS table_name, a.attname AS column_name,
           format_type(a.atttypid, a.atttypmod) AS data_type, a.attnotnull AS not_null
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> 'schema_migrations'`);
  indexes = await testDb.db.$queryRawUnsafe<IndexRow[]>(`
    SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
           array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema() AND t.relname <> 'schema_migrations'`);
});
afterAll(async () => testDb?.close());

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName)!;
  return field.dbName ?? field.name;
};

describe(`schema.prisma matches the migrated database (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("has the same tables", () => {
    const fromSchema = datamodel.models.map(tableOf).sort();
    const fromDb = [...new Set(columns.map((c) => c.table_name))].sort();
    expect(fromDb).toEqual(fromSchema);
  });

  it("has the same columns with the same types and nullability", () => {
    const expected: string[] = [];
    for (const model of datamodel.models) {
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        expected.push(`${tableOf(model)}.${field.dbName ?? field.name}: ${expectedType(field, datamodel.enums)} ${field.isRequired ? "NOT NULL" : "NULL"}`);
      }
    }
    const actual = columns.map((c) => `${c.table_name}.${c.column_name}: ${c.data_type} ${c.not_null ? "NOT NULL" : "NULL"}`);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it("has the same primary keys, unique constraints and indexes", () => {
    const expected = datamodel.indexes
      .filter((index) => index.type !== "fulltext")
      .map((index) => {
        const model = datamodel.models.find((m) => m.name === index.model)!;
        const kind = index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "index";
        return `${tableOf(model)} ${kind} (${index.fields.map((f) => columnOf(model, f.name)).join(", ")})`;
      });
    const actual = indexes.map(
      (index) => `${index.table_name} ${index.is_primary ? "primary" : index.is_unique ? "unique" : "index"} (${index.columns.join(", ")})`,
    );
    expect(actual.sort()).toEqual(expected.sort());
  });

  it("has the same enums", async () => {
    const rows = await testDb.db.$queryRawUnsafe<{ name: string; labels: string[] }[]>(`
      SELECT t.typname AS name, array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() AND t.typtype = 'e'`);
    const expected = datamodel.enums.map((e) => `${e.dbName ?? e.name}: ${e.values.map((v) => v.dbName ?? v.name).join(",")}`);
    expect(rows.map((r) => `${r.name}: ${r.labels.join(",")}`).sort()).toEqual(expected.sort());
  });
});
