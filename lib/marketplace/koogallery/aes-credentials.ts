import { createCipheriv, createDecipheriv, createHash, randomBytes as nodeRandomBytes } from "node:crypto";

/** Response field encryptType: "1" = AES-256-CBC (the default), "2" = AES-128-CBC. */
export type EncryptType = "1" | "2";
export const DEFAULT_ENCRYPT_TYPE: EncryptType = "1";

const BITS: Record<EncryptType, 128 | 256> = { "1": 256, "2": 128 };

export const IV_LENGTH = 16;
/** userName/password limit, counted on the iv + Base64 string. */
export const MAX_CREDENTIAL_CIPHERTEXT_LENGTH = 128;

function encryptedLength(plaintextBytes: number): number {
  const cipherBytes = (Math.floor(plaintextBytes / 16) + 1) * 16;
  return IV_LENGTH + Math.ceil(cipherBytes / 3) * 4;
}

/** 79: 80 bytes would pad to 96, whose Base64 (128) plus the iv exceeds 128. */
export const MAX_CREDENTIAL_PLAINTEXT_BYTES = (() => {
  let n = 0;
  while (encryptedLength(n + 1) <= MAX_CREDENTIAL_CIPHERTEXT_LENGTH) n += 1;
  return n;
})();

function sha1(...parts: Uint8Array[]): Buffer {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/*
 * Emulates what the official Java code does to turn the merchant key into
 * an AES key: KeyGenerator("AES").init(bits, SecureRandom("SHA1PRNG") seeded
 * with key.getBytes(UTF-8)). Sun's SHA1PRNG, freshly seeded, has
 * state = SHA1(seed) and produces blocks out = SHA1(state), after each of
 * which state = state + out + 1, added byte by byte from index 0 with the
 * carry taken as the arithmetic shift of the sum of two SIGNED Java bytes;
 * if no byte changed, state[0] is incremented. An unsigned carry gives
 * different keys for some seeds.
 */
function sha1prngBytes(seed: Uint8Array, length: number): Buffer {
  const state = Int8Array.from(sha1(seed));
  const out = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const block = sha1(new Uint8Array(state.buffer));
    const signedBlock = new Int8Array(block.buffer, block.byteOffset, block.length);
    let carry = 1;
    let changed = false;
    for (let i = 0; i < state.length; i += 1) {
      const sum = (state[i] ?? 0) + (signedBlock[i] ?? 0) + carry;
      const next = (sum << 24) >> 24;
      changed ||= state[i] !== next;
      state[i] = next;
      carry = sum >> 8;
    }
    if (!changed) state[0] = (((state[0] ?? 0) + 1) << 24) >> 24;
    const take = Math.min(block.length, length - filled);
    block.copy(out, filled, 0, take);
    filled += take;
  }
  return out;
}

export function deriveAesKey(keyString: string, bits: 128 | 256): Buffer {
  return sha1prngBytes(Buffer.from(keyString, "utf8"), bits / 8);
}

const IV_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const IV_PATTERN = /^[A-Za-z0-9]{16}$/;

/** 16 characters from [A-Za-z0-9], with rejection sampling so each is uniform. */
export function generateIv(randomBytes: (size: number) => Uint8Array = nodeRandomBytes): string {
  let iv = "";
  const limit = 256 - (256 % IV_ALPHABET.length);
  while (iv.length < IV_LENGTH) {
    for (const byte of randomBytes(32)) {
      if (byte < limit && iv.length < IV_LENGTH) iv += IV_ALPHABET[byte % IV_ALPHABET.length];
    }
  }
  return iv;
}

function algorithm(encryptType: EncryptType): string {
  return `aes-${BITS[encryptType]}-cbc`;
}

export interface EncryptCredentialOptions {
  encryptType?: EncryptType;
  /** Fixed IV for tests and vectors; 16 characters of [A-Za-z0-9]. */
  iv?: string;
  randomBytes?: (size: number) => Uint8Array;
}

/** iv + Base64(AES-CBC-PKCS5(plain)), the format of appInfo.userName/password. */
export function encryptCredential(plain: string, keyString: string, options: EncryptCredentialOptions = {}): string {
  const encryptType = options.encryptType ?? DEFAULT_ENCRYPT_TYPE;
  const iv = options.iv ?? generateIv(options.randomBytes);
  if (!IV_PATTERN.test(iv)) throw new TypeError("iv must be 16 characters from [A-Za-z0-9]");
  const cipher = createCipheriv(algorithm(encryptType), deriveAesKey(keyString, BITS[encryptType]), Buffer.from(iv, "ascii"));
  const cipherText = Buffer.concat([cipher.update(Buffer.from(plain, "utf8")), cipher.final()]);
  return iv + cipherText.toString("base64");
}

export type CredentialLengthCheck =
  | { ok: true; encryptedLength: number }
  | { ok: false; encryptedLength: number; maxPlaintextBytes: number; message: string };

/**
 * The encrypted length depends only on the plaintext's UTF-8 length, so this
 * can be checked before encrypting. The FAQ says over-long ciphertext is why
 * buyers sometimes cannot see their credentials.
 */
export function checkCredentialLength(plain: string, fieldName = "credential"): CredentialLengthCheck {
  const bytes = Buffer.byteLength(plain, "utf8");
  const length = encryptedLength(bytes);
  if (length <= MAX_CREDENTIAL_CIPHERTEXT_LENGTH) return { ok: true, encryptedLength: length };
  return {
    ok: false,
    encryptedLength: length,
    maxPlaintextBytes: MAX_CREDENTIAL_PLAINTEXT_BYTES,
    message:
      `${fieldName} is ${bytes} bytes in UTF-8 and would encrypt to ${length} characters, ` +
      `over the marketplace's limit of ${MAX_CREDENTIAL_CIPHERTEXT_LENGTH}; ` +
      `at most ${MAX_CREDENTIAL_PLAINTEXT_BYTES} UTF-8 bytes of plaintext fit`,
  };
}

export type DecryptCredentialResult =
  | { ok: true; plaintext: string; encryptType: EncryptType }
  | { ok: false; message: string };

export interface DecryptCredentialOptions {
  /**
   * Which key sizes to try, in order. §13.6: nothing says which size the
   * marketplace uses for the inbound V1 mobilePhone/email, so the default
   * tries the documented default (256) and then 128. Each attempt must pass
   * PKCS#7 padding and strict UTF-8 decoding.
   */
  encryptTypes?: readonly EncryptType[];
}

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function decryptCredential(
  cipherText: string,
  keyString: string,
  options: DecryptCredentialOptions = {},
): DecryptCredentialResult {
  const iv = cipherText.slice(0, IV_LENGTH);
  // Base64 has no spaces: a space is a "+" lost to form decoding (the doc's
  // own sample shows this), so it is restored rather than refused.
  const body = cipherText.slice(IV_LENGTH).replace(/ /g, "+");
  if (!/^[\x21-\x7e]{16}$/.test(iv)) {
    return { ok: false, message: "the value must start with a 16-character ASCII iv" };
  }
  if (body === "" || !BASE64_PATTERN.test(body)) {
    return { ok: false, message: "the part after the 16-character iv is not valid Base64" };
  }
  const data = Buffer.from(body, "base64");
  if (data.length % 16 !== 0) {
    return { ok: false, message: `the ciphertext is ${data.length} bytes, not a multiple of the AES block size` };
  }
  for (const encryptType of options.encryptTypes ?? (["1", "2"] as const)) {
    try {
      const decipher = createDecipheriv(
        algorithm(encryptType),
        deriveAesKey(keyString, BITS[encryptType]),
        Buffer.from(iv, "ascii"),
      );
      const plain = Buffer.concat([decipher.update(data), decipher.final()]);
      return { ok: true, plaintext: strictUtf8.decode(plain), encryptType };
    } catch {
      // Wrong key size or wrong key: try the next size.
    }
  }
  return { ok: false, message: "the value does not decrypt with this key (bad padding or not UTF-8)" };
}
