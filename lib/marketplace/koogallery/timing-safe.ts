import { createHash, timingSafeEqual } from "node:crypto";

/*
 * crypto.timingSafeEqual throws on inputs of different lengths, and an early
 * length check leaks the expected length. Comparing fixed-size SHA-256
 * digests instead keeps the comparison time independent of both inputs.
 */

function sha256(data: string | Uint8Array): Buffer {
  return createHash("sha256").update(typeof data === "string" ? Buffer.from(data, "utf8") : data).digest();
}

export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

export function timingSafeEqualString(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

// Only ASCII A-F is folded: String#toLowerCase would also fold non-ASCII
// letters (e.g. the Kelvin sign) into ASCII ones.
function foldHex(value: string): string {
  return value.replace(/[A-F]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * Case-insensitive comparison for hex digests: the marketplace sends V2
 * signatures in upper case while Java's commons-codec produces lower case,
 * and the official sample compares with equalsIgnoreCase.
 */
export function timingSafeEqualHex(a: string, b: string): boolean {
  return timingSafeEqualString(foldHex(a), foldHex(b));
}
