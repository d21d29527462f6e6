import { describe, expect, it } from "vitest";
import { timingSafeEqualBytes, timingSafeEqualHex, timingSafeEqualString } from "./timing-safe";

describe("timingSafeEqualString", () => {
  it.each([
    ["abc", "abc", true],
    ["abc", "abd", false],
    ["abc", "ab", false],
    ["", "", true],
    ["", "a", false],
    ["Gzbfjf9LHRBcI3bFVi++sLinCNOBF6qa7is1fvjEgYQ=", "Gzbfjf9LHRBcI3bFVi  sLinCNOBF6qa7is1fvjEgYQ=", false],
    ["密钥", "密钥", true],
    ["ABC", "abc", false],
  ])("%j vs %j -> %s", (a, b, expected) => {
    expect(timingSafeEqualString(a, b)).toBe(expected);
  });
});

describe("timingSafeEqualBytes", () => {
  it.each([
    [[1, 2, 3], [1, 2, 3], true],
    [[1, 2, 3], [1, 2, 4], false],
    [[1, 2, 3], [1, 2, 3, 0], false],
    [[], [], true],
  ])("%j vs %j -> %s", (a, b, expected) => {
    expect(timingSafeEqualBytes(Uint8Array.from(a), Uint8Array.from(b))).toBe(expected);
  });
});

describe("timingSafeEqualHex", () => {
  it.each([
    [
      "5CBA99CDFD4BE412EF7EE87ACCF419ACFC21297AE13A457E8776A5D0693AE907",
      "5cba99cdfd4be412ef7ee87accf419acfc21297ae13a457e8776a5d0693ae907",
      true,
    ],
    ["abcdef", "ABCDEF", true],
    ["abcdef", "abcdee", false],
    ["abcdef", "abcdef0", false],
    // U+212A KELVIN SIGN lower-cases to ASCII "k"; it must not be folded.
    ["\u212a", "k", false],
    // Only hex letters are folded, other letters keep their case.
    ["G", "g", false],
  ])("%j vs %j -> %s", (a, b, expected) => {
    expect(timingSafeEqualHex(a, b)).toBe(expected);
  });
});
