import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP's minimum: m=19 MiB, t=2, p=1).
export const hashPassword = (password: string): Promise<string> => hash(password);

// Signing in with an unknown e-mail still pays for one verification, so response time does not
// reveal which accounts exist.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1Px8mGfpZr2Ehk0sCqv5m8Ab4dc4pl2ZYbDhYvLQd2s";

export const verifyPassword = async (passwordHash: string | null, password: string): Promise<boolean> => {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
};
