import { checkThrottle, EMPTY_THROTTLE, recordFailure } from "@/domain/auth/sign-in-throttle";
import { sessionExpiryFor } from "@/domain/auth/session-policy";
import type { OperatorRole } from "@/domain/auth/roles";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { verifyPassword } from "@/server/auth/password-hashing";
import { generateSessionToken, sessionIdFromToken } from "@/server/auth/session-token";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

export type SignInInput = { email: string; password: string; ipAddress: string | null; userAgent: string | null };
export type SignInResult = {
  sessionToken: string;
  expiresAt: Date;
  operator: { id: string; email: string; role: OperatorRole; mustChangePassword: boolean };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const signIn = async (
  input: SignInInput,
  deps: Deps & { sleep?: (ms: number) => Promise<unknown> },
): Promise<SignInResult> => {
  const { db } = deps;
  const now = deps.now();
  const email = input.email.trim().toLowerCase();
  const throttleRow = await db.signInThrottle.findUnique({ where: { email } });
  const throttle = throttleRow ?? EMPTY_THROTTLE;

  const check = checkThrottle(throttle, now);
  if (check.locked) {
    await recordAuditEvent(
      db,
      { actor: { id: null, email }, action: "auth.sign_in_refused_locked", ipAddress: input.ipAddress },
      now,
    );
    throw new AppError("TOO_MANY_REQUESTS", "Too many failed sign-ins. This account is locked for a while.", {
      retryAfterSeconds: Math.ceil(check.retryAfterMs / 1000),
      messageKey: "signIn.locked",
    });
  }

  const operator = await db.operator.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(operator?.passwordHash ?? null, input.password);

  if (!operator || !passwordOk || operator.disabledAt) {
    const outcome = recordFailure(throttle, now);
    await db.signInThrottle.upsert({
      where: { email },
      create: { email, ...outcome.next },
      update: outcome.next,
    });
    const reason = !operator ? "unknown_email" : !passwordOk ? "wrong_password" : "disabled";
    await recordAuditEvent(
      db,
      {
        actor: { id: operator?.id ?? null, email },
        action: "auth.sign_in_failed",
        ipAddress: input.ipAddress,
        details: { reason, failures: outcome.next.failures, locked: outcome.lockedNow },
      },
      now,
    );
    if (outcome.delayMs) await (deps.sleep ?? sleep)(outcome.delayMs);
    if (outcome.lockedNow) {
      throw new AppError("TOO_MANY_REQUESTS", "Too many failed sign-ins. This account is locked for a while.", {
        retryAfterSeconds: Math.ceil((outcome.next.lockedUntil!.getTime() - now.getTime()) / 1000),
        messageKey: "signIn.locked",
      });
    }
    // One message for every cause: the form must not reveal which accounts exist or are disabled.
    throw new AppError("UNAUTHENTICATED", "The e-mail or password is incorrect.", { messageKey: "signIn.invalid" });
  }

  const sessionToken = generateSessionToken();
  const expiresAt = sessionExpiryFor(now, now);
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { email } }),
    db.session.create({
      data: {
        id: sessionIdFromToken(sessionToken),
        operatorId: operator.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ipAddress: input.ipAddress,
        userAgent: input.userAgent?.slice(0, 512) ?? null,
      },
    }),
    db.operator.update({ where: { id: operator.id }, data: { lastSignInAt: now } }),
    db.auditEvent.create({
      data: {
        occurredAt: now,
        actorId: operator.id,
        actorEmail: operator.email,
        action: "auth.signed_in",
        ipAddress: input.ipAddress,
      },
    }),
  ]);
  return {
    sessionToken,
    expiresAt,
    operator: { id: operator.id, email: operator.email, role: operator.role, mustChangePassword: operator.mustChangePassword },
  };
};
