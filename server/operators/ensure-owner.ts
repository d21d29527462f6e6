import type { Deps } from "@/server/deps";
import { createOperator } from "@/server/operators/create-operator";

export type EnsureOwnerResult = { created: false } | { created: true; email: string; password: string; generated: boolean };

// First start only: an empty console gets one owner, from ADMIN_EMAIL/ADMIN_PASSWORD or generated.
export const ensureOwner = async (
  input: { email?: string; password?: string },
  deps: Deps,
): Promise<EnsureOwnerResult> => {
  const existing = await deps.db.operator.count();
  if (existing > 0) return { created: false };
  const email = (input.email ?? "owner@example.com").trim().toLowerCase();
  const result = await createOperator(
    { email, displayName: "Owner", role: "owner", password: input.password || undefined },
    null,
    null,
    deps,
  );
  const password = input.password || result.oneTimePassword!;
  return { created: true, email, password, generated: !input.password };
};
