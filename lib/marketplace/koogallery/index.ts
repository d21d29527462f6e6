/*
 * KooGallery (华为云云商店) seller-side protocol: pure functions only, no
 * framework, database, environment or clock. Callers pass `now`, keys and
 * random sources in. See README.md for the spec sections and the readings
 * chosen where the spec is uncertain.
 */

export * from "./aes-credentials";
export * from "./apig-signer";
export * from "./body-sign";
export * from "./jackson-json";
export * from "./licence";
export * from "./responses";
export * from "./result-codes";
export * from "./saas-extend-params";
export { MAX_QUERY_INSTANCE_IDS, splitInstanceIds } from "./schema-fields";
export * from "./time-formats";
export * from "./timing-safe";
export * from "./usage-push-signature";
export * from "./v1-auth-token";
export * from "./v1-schemas";
export * from "./v2-schemas";
export * from "./v2-signature";
