import { generateKeyPairSync } from "node:crypto";
import type { Deps } from "@/server/deps";

const PRIVATE_KEY = "system.licenceSigningKey";
const PUBLIC_KEY = "system.licencePublicKey";

export type LicenceSigningKey = { privateKeyPem: string; publicKeyPem: string };

let cached: LicenceSigningKey | null = null;

// One Ed25519 key per console, made on first use; the private half is sealed like every other
// secret, the public half is what the seller's software verifies licences with.
export const getLicenceSigningKey = async (deps: Pick<Deps, "db" | "secretBox" | "now">): Promise<LicenceSigningKey> => {
  if (cached) return cached;
  const read = async () => {
    const [priv, pub] = await Promise.all([
      deps.db.setting.findUnique({ where: { key: PRIVATE_KEY } }),
      deps.db.setting.findUnique({ where: { key: PUBLIC_KEY } }),
    ]);
    return priv?.encryptedValue && typeof pub?.value === "string"
      ? { privateKeyPem: deps.secretBox.decrypt(priv.encryptedValue, PRIVATE_KEY), publicKeyPem: pub.value }
      : null;
  };
  let key = await read();
  if (!key) {
    const pair = generateKeyPairSync("ed25519");
    const privateKeyPem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const publicKeyPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
    const now = deps.now();
    // Two processes may race to make the key: both insert-or-ignore in one transaction, then
    // everybody reads back whichever pair won.
    await deps.db.$transaction([
      deps.db.setting.createMany({ data: [{ key: PRIVATE_KEY, encryptedValue: deps.secretBox.encrypt(privateKeyPem, PRIVATE_KEY), updatedAt: now }], skipDuplicates: true }),
      deps.db.setting.createMany({ data: [{ key: PUBLIC_KEY, value: publicKeyPem, updatedAt: now }], skipDuplicates: true }),
    ]);
    key = await read();
  }
  cached = key;
  return key!;
};

export const forgetLicenceSigningKey = () => {
  cached = null;
};
