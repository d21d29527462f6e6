import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, deriveSecretKey, SecretBoxError } from "./secret-box";

const APP_SECRET = "0123456789abcdef0123456789abcdef-test";

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const box = createSecretBox(APP_SECRET);
    const sealed = box.encrypt("my-v1-key 密钥", "koogallery.v1Key");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("my-v1-key");
    expect(box.decrypt(sealed, "koogallery.v1Key")).toBe("my-v1-key 密钥");
  });

  it("uses a fresh IV each time", () => {
    const box = createSecretBox(APP_SECRET);
    expect(box.encrypt("same", "k")).not.toBe(box.encrypt("same", "k"));
  });

  it("is standard AES-256-GCM under the HKDF key (decryptable independently)", () => {
    const box = createSecretBox(APP_SECRET, (n) => Buffer.alloc(n, 7));
    const [, iv, ct, tag] = box.encrypt("hello", "aad").split(".") as [string, string, string, string];
    const decipher = createDecipheriv("aes-256-gcm", deriveSecretKey(APP_SECRET), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from("aad"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString();
    expect(plain).toBe("hello");
  });

  it("refuses another APP_SECRET, another setting name and a tampered value", () => {
    const sealed = createSecretBox(APP_SECRET).encrypt("secret", "a");
    expect(() => createSecretBox(`${APP_SECRET}-other`).decrypt(sealed, "a")).toThrow(SecretBoxError);
    expect(() => createSecretBox(APP_SECRET).decrypt(sealed, "b")).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    parts[2] = Buffer.from("xxxxxx").toString("base64url");
    expect(() => createSecretBox(APP_SECRET).decrypt(parts.join("."), "a")).toThrow(SecretBoxError);
    expect(() => createSecretBox(APP_SECRET).decrypt("plain-text", "a")).toThrow(/Unrecognised/);
  });
});
