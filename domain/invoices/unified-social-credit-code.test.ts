import { describe, expect, it } from "vitest";
import { checkUnifiedSocialCreditCode, creditCodeCheckCharacter } from "./unified-social-credit-code";

// Published codes of real companies (their check characters computed independently with a Python script).
const VALID = [
  "91350100M000100Y43", // the example printed in GB 32100-2015
  "914403001922038216", // Huawei Technologies Co., Ltd.
  "91110000802100433B",
  "91310000MA1FL1MMXL",
  "911100001000044477",
];

describe("unified social credit code", () => {
  it.each(VALID)("accepts %s", (code) => {
    expect(checkUnifiedSocialCreditCode(code)).toEqual({ valid: true, code });
  });

  it("reads lower case and surrounding spaces as typed", () => {
    expect(checkUnifiedSocialCreditCode(" 91310000ma1fl1mmxl ")).toEqual({ valid: true, code: "91310000MA1FL1MMXL" });
  });

  it("refuses a wrong check character and names the right one", () => {
    expect(checkUnifiedSocialCreditCode("914403001922038217")).toEqual({
      valid: false,
      problem: "checkCharacter",
      expectedCheckCharacter: "6",
    });
  });

  it("refuses a single changed digit in the body", () => {
    expect(checkUnifiedSocialCreditCode("914403001922038316")).toMatchObject({ valid: false, problem: "checkCharacter" });
  });

  it.each(["9144030019220382", "9144030019220382160", ""])("refuses the length of %j", (code) => {
    expect(checkUnifiedSocialCreditCode(code)).toEqual({ valid: false, problem: "length" });
  });

  it.each(["91440300192203821I", "9144030019220382O6", "91440300192203S216", "9144030019-2038216"])(
    "refuses characters outside the alphabet in %s",
    (code) => {
      expect(checkUnifiedSocialCreditCode(code)).toEqual({ valid: false, problem: "characters" });
    },
  );

  it("computes no check character for a short or invalid body", () => {
    expect(creditCodeCheckCharacter("9144030019220382")).toBeUndefined();
    expect(creditCodeCheckCharacter("91440300192203821")).toBe("6");
    expect(creditCodeCheckCharacter("9144030019220382I")).toBeUndefined();
  });
});
