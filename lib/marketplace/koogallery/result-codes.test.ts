import { describe, expect, it } from "vitest";
import {
  RESULT_CODE,
  RESULT_CODES,
  USAGE_PUSH_ERROR_CODES,
  USAGE_RECORD_ERROR_CODES,
  defaultResultMessage,
  isResultCode,
  isSuccessCode,
} from "./result-codes";

describe("RESULT_CODES", () => {
  it("lists every code of spec §6", () => {
    expect(Object.keys(RESULT_CODES)).toEqual([
      "000000", "000001", "000002", "000003", "000004", "000005",
      "000100", "000101", "000102", "000103", "000104", "000105", "000106", "000107",
      "000900", "000901", "000902", "000903",
    ]);
  });

  it.each([
    ["000000", "success."],
    ["000001", "token is invalid"],
    ["000002", "param is invalid"],
    ["000003", "instance is invalid"],
  ] as const)("%s carries the official sample's message %j", (code, message) => {
    expect(defaultResultMessage(code)).toBe(message);
  });

  it("has a Chinese description and a message for every code", () => {
    for (const info of Object.values(RESULT_CODES)) {
      expect(info.description).toMatch(/[\u4e00-\u9fff]/);
      expect(info.message.length).toBeGreaterThan(0);
      expect(info.message.length).toBeLessThanOrEqual(255);
    }
  });

  it("names are unique, so RESULT_CODE maps back to every code", () => {
    expect(Object.keys(RESULT_CODE)).toHaveLength(Object.keys(RESULT_CODES).length);
    expect(RESULT_CODE.SUCCESS).toBe("000000");
    expect(RESULT_CODE.INVALID_PARAM).toBe("000002");
    expect(RESULT_CODE.PROCESSING).toBe("000004");
    expect(RESULT_CODE.DEVICE_FINGERPRINT_REQUIRED).toBe("000903");
  });
});

describe("helpers", () => {
  it.each([
    ["000000", true, true],
    ["000004", false, true],
    ["0", false, false],
    ["toString", false, false],
    ["000108", false, false],
  ])("%s: success=%s known=%s", (code, success, known) => {
    expect(isSuccessCode(code)).toBe(success);
    expect(isResultCode(code)).toBe(known);
  });
});

describe("open-API codes", () => {
  it("maps usage push codes to their HTTP status", () => {
    expect(USAGE_PUSH_ERROR_CODES["MKT.0102"]).toMatchObject({ httpStatus: 400, message: "invalid body sign" });
    expect(USAGE_PUSH_ERROR_CODES["MKT.0000"].httpStatus).toBe(200);
    expect(USAGE_PUSH_ERROR_CODES["MKT.0154"].httpStatus).toBe(401);
  });

  it("has no per-record code 008 (none is documented)", () => {
    expect(Object.keys(USAGE_RECORD_ERROR_CODES)).not.toContain("008");
    expect(Object.keys(USAGE_RECORD_ERROR_CODES)).toHaveLength(12);
  });
});
