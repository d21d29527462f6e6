import { createSecretBox, type SecretBox } from "@/server/crypto/secret-box";
import { getDb, type Db } from "@/server/db";
import { getEnv } from "@/server/env";

// What use-cases need from the outside world; tests pass their own database, clock and key.
export type Deps = { db: Db; now: () => Date; secretBox: SecretBox };

let secretBox: SecretBox | undefined;

export const defaultDeps = (): Deps => {
  secretBox ??= createSecretBox(getEnv().APP_SECRET);
  return { db: getDb(), now: () => new Date(), secretBox };
};
