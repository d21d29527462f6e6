import { randomBytes, randomUUID } from "node:crypto";
import type { PlanContext } from "@/lib/marketplace/koogallery/simulator";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const randomText = (length: number) => Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join("");

// Shaped like the marketplace's order ids ("CS2211181819B4LVS"): CS, the UTC minute, five random characters.
export const newSimulatorOrderId = (now: Date): string => {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(2, 12);
  return `CS${stamp}${randomText(5)}`;
};

export const newLicenceCode = (): string => `SIMLC-${randomText(4)}-${randomText(4)}-${randomText(4)}-${randomText(4)}`;

export const planContext = (now: Date): PlanContext => ({
  now,
  newOrderId: () => newSimulatorOrderId(now),
  newBusinessId: () => randomUUID(),
});
