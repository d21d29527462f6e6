import type { InstanceCredentials } from "@/lib/contracts/instances";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

/** The tenant's credentials in clear, for an operator helping the customer; every reveal is audited. */
export const revealInstanceCredentials = async (
  instanceId: string,
  actor: AuditActor,
  ipAddress: string | null,
  deps: Deps,
): Promise<InstanceCredentials> => {
  const instance = await deps.db.instance.findUnique({ where: { instanceId }, select: { userNameSealed: true, passwordSealed: true } });
  if (!instance) throw new AppError("NOT_FOUND", `Instance ${instanceId} is not in the console.`, { messageKey: "instances.notFound" });
  // Audited before the values leave the server: a reveal whose audit write failed never happens.
  await recordAuditEvent(
    deps.db,
    { actor, action: "instance.credentials_revealed", targetType: "instance", targetId: instanceId, ipAddress },
    deps.now(),
  );
  return {
    userName: instance.userNameSealed ? deps.secretBox.decrypt(instance.userNameSealed, "instance.userName") : null,
    password: instance.passwordSealed ? deps.secretBox.decrypt(instance.passwordSealed, "instance.password") : null,
  };
};
