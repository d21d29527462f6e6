import { describe, expect, it } from "vitest";
import {
  MAX_CREDENTIAL_PLAINTEXT_BYTES,
  checkCredentialLength,
  decryptCredential,
  deriveAesKey,
  encryptCredential,
  generateIv,
} from "./aes-credentials";

/*
 * Rows marked "spec" are the §2.6 table. The others were printed by Java 17
 * (OpenJDK 17.0.15) running, outside this repo:
 *   SecureRandom sr = SecureRandom.getInstance("SHA1PRNG");
 *   sr.setSeed(key.getBytes(StandardCharsets.UTF_8));
 *   KeyGenerator kg = KeyGenerator.getInstance("AES"); kg.init(bits, sr);
 *   kg.generateKey().getEncoded()
 * and Cipher "AES/CBC/PKCS5Padding" with the iv's ASCII bytes (README "vectors").
 */
describe("deriveAesKey", () => {
  it.each([
    ["spec", "xxxxxxx", "c962ef8500ad13239b5ec0eb6a5c570b", "c962ef8500ad13239b5ec0eb6a5c570b3cae0fd0e5c28e793eb6aaa22d251123"],
    [
      "spec",
      "9fa6c870-8bb0-4e9b-b71e-4c223300156f",
      "6de9c7fe5a9cd34b86611483e5124a8f",
      "6de9c7fe5a9cd34b86611483e5124a8fdd1fc74c4f54543ee7cd43c5195a3198",
    ],
    ["java", "", "be1bdec0aa74b4dcb079943e70528096", "be1bdec0aa74b4dcb079943e70528096cca985f80a0e17bb3ba928a79edc0fd2"],
    ["java", "k", "69a7bae3d37a83849ecef8f3ff9260b3", "69a7bae3d37a83849ecef8f3ff9260b35e01555d75554530cfad8b045e55c714"],
    [
      "java",
      "商家密钥-Key值-ключ",
      "7ba208f84be23963eddb7615ca0d19be",
      "7ba208f84be23963eddb7615ca0d19be92ae921e9e379e998d64b73f5829b049",
    ],
    [
      "java",
      "0123456789abcdef".repeat(6),
      "e77a56f8746e10454b236ce970dae0e6",
      "e77a56f8746e10454b236ce970dae0e6e57002648f6eb281644559b9c3b59689",
    ],
    ["java", "AKfR8Vv2+/==", "f95914c7903f7c525866e6d7eaf9d600", "f95914c7903f7c525866e6d7eaf9d6001452ebf6806f2848fe1fd7230b87ef2f"],
  ])("%s: %j", (_source, key, aes128, aes256) => {
    expect(deriveAesKey(key, 128).toString("hex")).toBe(aes128);
    expect(deriveAesKey(key, 256).toString("hex")).toBe(aes256);
  });
});

describe("encryptCredential", () => {
  it.each([
    ["spec, AES-128", "15905222222", "xxxxxxx", "2", "abcdefgh12345678", "abcdefgh12345678Bp1JPH/S93DCSRE3+ZmlUQ=="],
    ["spec, AES-256", "15905222222", "xxxxxxx", "1", "abcdefgh12345678", "abcdefgh12345678MZgye9ZJ/7vYk/loNYGkvg=="],
    [
      "java, AES-256, UTF-8 plaintext",
      "管理员admin",
      "9fa6c870-8bb0-4e9b-b71e-4c223300156f",
      "1",
      "Zy0123456789AbCd",
      "Zy0123456789AbCdGIQs4ZZUT9tbgG2dpmVzoA==",
    ],
    [
      "java, AES-128, UTF-8 plaintext",
      "管理员admin",
      "9fa6c870-8bb0-4e9b-b71e-4c223300156f",
      "2",
      "Zy0123456789AbCd",
      "Zy0123456789AbCdzh31mTZk80nCGjTdwWrAHg==",
    ],
    ["java, empty plaintext", "", "xxxxxxx", "1", "0000000000000000", "0000000000000000RXyJbZygwLj8hxRznND/Hw=="],
    [
      "java, 79-byte plaintext (longest that fits)",
      `${"P@ssw0rd-".repeat(8)}abcdefg`,
      "xxxxxxx",
      "1",
      "abcdefgh12345678",
      "abcdefgh12345678HFJpludy0Nbza6QL7WPddm6BNzgat+hy/6GISdNNFYQDG8M1wJivSVat7G5nV/+8CfBL7WFfMoM28Xhz7wnP5pXa8gt+rnL4Z7Zaaq4FkPA=",
    ],
  ] as const)("%s", (_name, plain, key, encryptType, iv, expected) => {
    expect(encryptCredential(plain, key, { encryptType, iv })).toBe(expected);
  });

  it("defaults to AES-256", () => {
    expect(encryptCredential("15905222222", "xxxxxxx", { iv: "abcdefgh12345678" })).toBe(
      "abcdefgh12345678MZgye9ZJ/7vYk/loNYGkvg==",
    );
  });

  it("draws the iv from the injected random source", () => {
    const value = encryptCredential("x", "xxxxxxx", { randomBytes: (n) => new Uint8Array(n).fill(0) });
    expect(value.slice(0, 16)).toBe("A".repeat(16));
  });

  it.each(["short", "abcdefgh1234567!", "abcdefgh123456789"])("refuses iv %j", (iv) => {
    expect(() => encryptCredential("x", "xxxxxxx", { iv })).toThrow(TypeError);
  });
});

describe("generateIv", () => {
  it("maps bytes onto [A-Za-z0-9] and skips bytes that would bias the result", () => {
    // 248..255 are rejected; 61 -> "9", 62 -> "A" again (62 % 62 = 0).
    const bytes = [255, 248, 0, 25, 26, 51, 52, 61, 62, 247, 1, 2, 3, 4, 5, 6, 7, 8];
    let call = 0;
    const iv = generateIv((size) => {
      call += 1;
      return Uint8Array.from({ length: size }, (_, i) => (call === 1 ? (bytes[i] ?? 0) : 0));
    });
    expect(iv).toBe("AZaz09A9BCDEFGHI");
  });

  it("keeps asking for bytes until it has 16 usable ones", () => {
    let call = 0;
    const iv = generateIv((size) => new Uint8Array(size).fill(++call === 1 ? 255 : 1));
    expect(iv).toBe("B".repeat(16));
    expect(call).toBe(2);
  });
});

describe("decryptCredential", () => {
  it.each([
    ["spec AES-128 value", "abcdefgh12345678Bp1JPH/S93DCSRE3+ZmlUQ==", "xxxxxxx", "15905222222", "2"],
    ["spec AES-256 value", "abcdefgh12345678MZgye9ZJ/7vYk/loNYGkvg==", "xxxxxxx", "15905222222", "1"],
    ["'+' turned into a space by a form decoder", "abcdefgh12345678Bp1JPH/S93DCSRE3 ZmlUQ==", "xxxxxxx", "15905222222", "2"],
    ["java UTF-8 value", "Zy0123456789AbCdGIQs4ZZUT9tbgG2dpmVzoA==", "9fa6c870-8bb0-4e9b-b71e-4c223300156f", "管理员admin", "1"],
  ])("%s", (_name, value, key, plaintext, encryptType) => {
    expect(decryptCredential(value, key)).toEqual({ ok: true, plaintext, encryptType });
  });

  it("limits the key sizes tried when told to", () => {
    const result = decryptCredential("abcdefgh12345678Bp1JPH/S93DCSRE3+ZmlUQ==", "xxxxxxx", { encryptTypes: ["1"] });
    expect(result.ok).toBe(false);
  });

  it.each([
    ["too short for an iv", "abc", "xxxxxxx", "16-character ASCII iv"],
    ["iv with a space", "abcdefgh 2345678Bp1JPH/S93DCSRE3+ZmlUQ==", "xxxxxxx", "16-character ASCII iv"],
    ["nothing after the iv", "abcdefgh12345678", "xxxxxxx", "not valid Base64"],
    ["not Base64", "abcdefgh12345678Bp1JPH/S93DCSRE3+Zml*Q==", "xxxxxxx", "not valid Base64"],
    ["wrong length", "abcdefgh12345678AAAA", "xxxxxxx", "not a multiple of the AES block size"],
    ["wrong key", "abcdefgh12345678MZgye9ZJ/7vYk/loNYGkvg==", "yyyyyyy", "does not decrypt"],
  ])("%s", (_name, value, key, fragment) => {
    const result = decryptCredential(value, key);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it("round-trips random values at both key sizes", () => {
    for (const encryptType of ["1", "2"] as const) {
      for (const plain of ["", "a", "p".repeat(79), "密码🔑"]) {
        const value = encryptCredential(plain, "round-trip-key", { encryptType });
        expect(decryptCredential(value, "round-trip-key", { encryptTypes: [encryptType] })).toEqual({
          ok: true,
          plaintext: plain,
          encryptType,
        });
      }
    }
  });
});

describe("checkCredentialLength", () => {
  it("states the limit (79 bytes, cross-checked against Java's 124/144-character outputs)", () => {
    expect(MAX_CREDENTIAL_PLAINTEXT_BYTES).toBe(79);
  });

  it.each([
    ["", true, 40],
    ["a".repeat(15), true, 40],
    ["a".repeat(16), true, 60],
    ["a".repeat(79), true, 124],
    ["a".repeat(80), false, 144],
    // 27 CJK characters = 81 UTF-8 bytes: short in characters, too long in bytes.
    ["密".repeat(27), false, 144],
  ])("%j -> ok=%s, %d characters", (plain, ok, length) => {
    const result = checkCredentialLength(plain, "password");
    expect(result).toMatchObject({ ok, encryptedLength: length });
    expect(encryptCredential(plain, "k").length).toBe(length);
  });

  it("explains the failure precisely", () => {
    expect(checkCredentialLength("a".repeat(80), "password")).toEqual({
      ok: false,
      encryptedLength: 144,
      maxPlaintextBytes: 79,
      message:
        "password is 80 bytes in UTF-8 and would encrypt to 144 characters, over the marketplace's limit of 128; at most 79 UTF-8 bytes of plaintext fit",
    });
  });
});
