import { randomBytes } from "node:crypto";
import type { Deps } from "@/server/deps";

// Standard Webhooks secrets are "whsec_" + base64 of at least 24 random bytes.
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString("base64")}`;

const aad = (productCode: string) => `product.webhookSecret:${productCode}`;

export const sealWebhookSecret = (productCode: string, secret: string, deps: Pick<Deps, "secretBox">) => deps.secretBox.encrypt(secret, aad(productCode));

export const openWebhookSecret = (productCode: string, sealed: string, deps: Pick<Deps, "secretBox">) => deps.secretBox.decrypt(sealed, aad(productCode));
