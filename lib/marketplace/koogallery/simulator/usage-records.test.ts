import { describe, expect, it } from "vitest";
import { judgeUsageBody, type UsageInstanceFacts } from "./usage-records";

const now = new Date("2022-08-09T10:00:00Z");
const instances: Record<string, UsageInstanceFacts> = {
  od: { chargingMode: "ON_DEMAND", status: "active", createdAt: new Date("2022-08-01T00:00:00Z") },
  frozen: { chargingMode: "ON_DEMAND", status: "frozen", createdAt: new Date("2022-08-01T00:00:00Z") },
  old: { chargingMode: "ON_DEMAND", status: "active", createdAt: new Date("2022-06-01T00:00:00Z") },
  period: { chargingMode: "PERIOD", status: "active", createdAt: new Date("2022-08-01T00:00:00Z") },
};
const record = (over: Record<string, unknown>) => ({
  begin_time: "20220809T080000Z",
  end_time: "20220809T090000Z",
  instance_id: "od",
  metering_sn: "sn-1",
  record_time: "20220809T091000Z",
  usage_value: "99",
  ...over,
});
const judge = (records: unknown[], seen: string[] = []) =>
  judgeUsageBody({ body: JSON.stringify({ usage_records: records }), now, instance: (id) => instances[id], seen: (sn) => seen.includes(sn) });

describe("usage push per-record rules (§6, §7.2)", () => {
  it("accepts the spec's example record", () => {
    const verdict = judge([record({})]);
    expect(verdict.ok && verdict.accepted.map((r) => r.meteringSn)).toEqual(["sn-1"]);
    expect(verdict.ok && verdict.rejected).toEqual([]);
  });

  it.each([
    ["001", { instance_id: "nope" }],
    ["002", { begin_time: "2022-08-09 08:00:00" }],
    ["003", { usage_value: "-1" }],
    ["003", { usage_value: "1.23456" }],
    ["004", { metering_sn: "" }],
    ["007", { instance_id: "old", begin_time: "20220701T080000Z", end_time: "20220701T090000Z" }],
    ["011", { end_time: "20220809T070000Z" }],
    ["012", { instance_id: "period" }],
    ["013", { instance_id: "frozen" }],
  ])("rejects with code %s", (code, over) => {
    const verdict = judge([record(over)]);
    expect(verdict.ok && verdict.rejected.map((r) => r.error_code)).toEqual([code]);
  });

  it("rejects a metering_sn seen before or twice in one body (005)", () => {
    expect(judge([record({})], ["sn-1"])).toMatchObject({ ok: true, rejected: [{ error_code: "005" }] });
    expect(judge([record({}), record({})])).toMatchObject({ ok: true, rejected: [{ error_code: "005" }] });
  });

  it("refuses a body that is not a list of records, or more than 1000", () => {
    expect(judgeUsageBody({ body: "{}", now, instance: () => undefined, seen: () => false })).toMatchObject({ ok: false, errorCode: "MKT.0101" });
    expect(judge(Array.from({ length: 1001 }, (_, i) => record({ metering_sn: `s${i}` })))).toMatchObject({ ok: false, errorCode: "MKT.9003" });
  });
});
