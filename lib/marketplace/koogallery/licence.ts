import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { z } from "zod";

/*
 * Licences we issue for License products (V1 getLicense, V2 getLicenseAsync).
 * The marketplace requires the same order to get the same licence back on
 * every retry. Ed25519 signatures are deterministic (RFC 8032) and the
 * payload is written field by field in a fixed order from the order's own
 * data, so issuing twice with the same claims and key gives the same
 * string; nothing here reads the clock or draws random numbers.
 *
 * Format: "KGL1." + base64url(payload JSON) + "." + base64url(signature),
 * where the signature covers the ASCII text before the second dot.
 */

export const LICENCE_PREFIX = "KGL1";

export interface LicenceClaims {
  orderId: string;
  orderLineId?: string;
  instanceId: string;
  customer: { id: string; name?: string };
  sku: { skuCode?: string; productId?: string };
  /** Take it from the stored order (first issue), not from the clock, so re-issues match. */
  issuedAt: Date;
  /** Absent for a licence without expiry (e.g. 按次). */
  expireTime?: Date;
  deviceFingerprint?: string;
  test?: boolean;
  /** Names the signing key so verifiers can pick the right public key during rotation. */
  keyId?: string;
}

const payloadSchema = z.strictObject({
  v: z.literal(1),
  kid: z.string().optional(),
  licenceId: z.string().regex(/^[0-9a-f]{32}$/),
  orderId: z.string().min(1),
  orderLineId: z.string().min(1).optional(),
  instanceId: z.string().min(1),
  customer: z.strictObject({ id: z.string().min(1), name: z.string().optional() }),
  sku: z.strictObject({ skuCode: z.string().optional(), productId: z.string().optional() }),
  issuedAt: z.iso.datetime(),
  expireTime: z.iso.datetime().nullable(),
  deviceFingerprint: z.string().optional(),
  test: z.boolean(),
});

export type LicencePayload = z.infer<typeof payloadSchema>;

function base64url(data: Uint8Array | string): string {
  return Buffer.from(data).toString("base64url");
}

function ed25519Key(pem: string, kind: "private" | "public"): KeyObject {
  const key = kind === "private" ? createPrivateKey(pem) : createPublicKey(pem);
  if (key.asymmetricKeyType !== "ed25519") {
    throw new TypeError(`the ${kind} key must be an Ed25519 key, got ${key.asymmetricKeyType ?? "a symmetric key"}`);
  }
  return key;
}

function requireText(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === "") throw new TypeError(`${name} must not be empty`);
  return value;
}

function isoTime(date: Date, name: string): string {
  if (Number.isNaN(date.getTime())) throw new TypeError(`${name} is not a valid date`);
  return date.toISOString();
}

/** Stable per order line: the same order always gets the same licenceId. */
export function licenceIdFor(orderId: string, orderLineId: string | undefined, instanceId: string): string {
  return createHash("sha256")
    .update(JSON.stringify([orderId, orderLineId ?? null, instanceId]))
    .digest("hex")
    .slice(0, 32);
}

export function buildLicencePayload(claims: LicenceClaims): LicencePayload {
  const orderId = requireText(claims.orderId, "orderId");
  const instanceId = requireText(claims.instanceId, "instanceId");
  const issuedAt = isoTime(claims.issuedAt, "issuedAt");
  const expireTime = claims.expireTime === undefined ? null : isoTime(claims.expireTime, "expireTime");
  if (claims.expireTime !== undefined && claims.expireTime.getTime() <= claims.issuedAt.getTime()) {
    throw new TypeError("expireTime must be after issuedAt");
  }
  // Fixed field order: this object's insertion order is the serialised order.
  const payload: LicencePayload = {
    v: 1,
    ...(claims.keyId === undefined ? {} : { kid: claims.keyId }),
    licenceId: licenceIdFor(orderId, claims.orderLineId, instanceId),
    orderId,
    ...(claims.orderLineId === undefined ? {} : { orderLineId: requireText(claims.orderLineId, "orderLineId") }),
    instanceId,
    customer: {
      id: requireText(claims.customer.id, "customer.id"),
      ...(claims.customer.name === undefined ? {} : { name: claims.customer.name }),
    },
    sku: {
      ...(claims.sku.skuCode === undefined ? {} : { skuCode: claims.sku.skuCode }),
      ...(claims.sku.productId === undefined ? {} : { productId: claims.sku.productId }),
    },
    issuedAt,
    expireTime,
    ...(claims.deviceFingerprint === undefined ? {} : { deviceFingerprint: claims.deviceFingerprint }),
    test: claims.test ?? false,
  };
  return payload;
}

export interface IssuedLicence {
  licence: string;
  payload: LicencePayload;
}

/** Signs the licence with an Ed25519 private key in PEM (PKCS#8) form. */
export function issueLicence(claims: LicenceClaims, privateKeyPem: string): IssuedLicence {
  const key = ed25519Key(privateKeyPem, "private");
  const payload = buildLicencePayload(claims);
  const signingInput = `${LICENCE_PREFIX}.${base64url(JSON.stringify(payload))}`;
  const signature = sign(null, Buffer.from(signingInput, "ascii"), key);
  return { licence: `${signingInput}.${base64url(signature)}`, payload };
}

export type LicenceVerifyResult =
  | { ok: true; payload: LicencePayload }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" | "not-yet-valid"; message: string };

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Checks format, signature and, when `now` is given, the validity window.
 * The signature is checked before the payload is trusted for anything.
 */
export function verifyLicence(licence: string, publicKeyPem: string, options: { now?: Date } = {}): LicenceVerifyResult {
  const key = ed25519Key(publicKeyPem, "public");
  const parts = licence.trim().split(".");
  if (parts.length !== 3 || parts[0] !== LICENCE_PREFIX) {
    return { ok: false, reason: "malformed", message: `a licence has three dot-separated parts starting with ${LICENCE_PREFIX}` };
  }
  const [, payloadPart = "", signaturePart = ""] = parts;
  if (!BASE64URL.test(payloadPart) || !BASE64URL.test(signaturePart)) {
    return { ok: false, reason: "malformed", message: "the licence parts must be base64url without padding" };
  }
  const signature = Buffer.from(signaturePart, "base64url");
  if (signature.length !== 64) return { ok: false, reason: "malformed", message: "the signature must be 64 bytes" };
  if (!verify(null, Buffer.from(`${LICENCE_PREFIX}.${payloadPart}`, "ascii"), key, signature)) {
    return { ok: false, reason: "bad-signature", message: "the licence signature does not verify with this public key" };
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed", message: "the licence payload is not JSON" };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: "malformed", message: `the licence payload is invalid: ${parsed.error.issues[0]?.message ?? ""}` };
  }
  const payload = parsed.data;
  if (options.now !== undefined) {
    const now = options.now.getTime();
    if (now < Date.parse(payload.issuedAt)) {
      return { ok: false, reason: "not-yet-valid", message: `the licence is valid from ${payload.issuedAt}` };
    }
    if (payload.expireTime !== null && now >= Date.parse(payload.expireTime)) {
      return { ok: false, reason: "expired", message: `the licence expired at ${payload.expireTime}` };
    }
  }
  return { ok: true, payload };
}
