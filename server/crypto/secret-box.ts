import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Secrets at rest: AES-256-GCM under a key derived from APP_SECRET with HKDF, so the raw
// APP_SECRET is never used directly and a future key can be derived for another purpose.
// Format: "v1.<iv>.<ciphertext>.<tag>", base64url parts. The setting's name is bound in as
// associated data so that a ciphertext copied onto another setting fails to decrypt.
const VERSION = "v1";
const IV_BYTES = 12;

export type SecretBox = {
  encrypt: (plaintext: string, associatedData: string) => string;
  decrypt: (sealed: string, associatedData: string) => string;
};

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export const deriveSecretKey = (appSecret: string): Buffer =>
  Buffer.from(hkdfSync("sha256", appSecret, "koogallery-seller-console", "settings-secrets-v1", 32));

export const createSecretBox = (appSecret: string, random: (n: number) => Buffer = randomBytes): SecretBox => {
  const key = deriveSecretKey(appSecret);
  return {
    encrypt(plaintext, associatedData) {
      const iv = random(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(associatedData, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
    },
    decrypt(sealed, associatedData) {
      const parts = sealed.split(".");
      if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError("Unrecognised secret format");
      const [, iv, ciphertext, tag] = parts as [string, string, string, string];
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(associatedData, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretBoxError("Secret cannot be decrypted: wrong APP_SECRET or tampered value");
      }
    },
  };
};
