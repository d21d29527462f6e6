import type { Instance } from "@/generated/prisma/client";
import { checkCredentialLength, MAX_MEMO_LENGTH, stringifyAsciiJson } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import { AppError, type FieldIssue } from "@/server/errors";

export type ProvisioningOutcome = {
  frontEndUrl: string;
  adminUrl?: string;
  userName?: string;
  password?: string;
  memo?: string;
};

const MAX_URL_LENGTH = 512;

const urlIssue = (field: string, value: string | undefined, required: boolean): FieldIssue | null => {
  if (value === undefined || value.trim() === "") {
    return required ? { path: field, code: "instance.urlRequired", message: `${field} is required` } : null;
  }
  if (value.length > MAX_URL_LENGTH) {
    return { path: field, code: "instance.urlTooLong", message: `${field} is ${value.length} characters, more than the marketplace's ${MAX_URL_LENGTH}` };
  }
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") return null;
  } catch {
    // reported below
  }
  return { path: field, code: "instance.urlInvalid", message: `${field} must be an http(s) URL` };
};

// Everything is checked here, before anything is stored: a value the answer builders would
// refuse later would turn every newInstance/queryInstance for this instance into a 000005.
const validate = (outcome: ProvisioningOutcome): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const front = urlIssue("frontEndUrl", outcome.frontEndUrl, true);
  if (front) issues.push(front);
  const admin = urlIssue("adminUrl", outcome.adminUrl, false);
  if (admin) issues.push(admin);
  for (const field of ["userName", "password"] as const) {
    const value = outcome[field];
    if (value === undefined) continue;
    if (value.trim() === "") {
      issues.push({ path: field, code: "instance.credentialEmpty", message: `${field} must not be empty; leave it out instead` });
      continue;
    }
    // The marketplace's limit is on the ciphertext it receives (iv + Base64), not on the value.
    const length = checkCredentialLength(value, field);
    if (!length.ok) issues.push({ path: field, code: "instance.credentialTooLong", message: length.message });
  }
  if (outcome.memo !== undefined) {
    // V1 answers write non-ASCII as \uXXXX escapes, and the limit holds for that form.
    const escaped = stringifyAsciiJson(outcome.memo).length - 2;
    if (escaped > MAX_MEMO_LENGTH) {
      issues.push({ path: "memo", code: "instance.memoTooLong", message: `memo is ${escaped} characters once escaped for V1 answers, more than ${MAX_MEMO_LENGTH}` });
    }
  }
  return issues;
};

// The end of provisioning, whoever did it (an operator for "manual" products, later the webhook
// adapter): the tenant's credentials are sealed with the console's key and answered to the
// marketplace's next queryInstance (or repeated newInstance), re-encrypted its way.
export const completeInstanceProvisioning = async (
  instanceId: string,
  outcome: ProvisioningOutcome,
  deps: Pick<Deps, "db" | "now" | "secretBox">,
): Promise<Instance> => {
  const issues = validate(outcome);
  if (issues.length) {
    throw new AppError("VALIDATION_FAILED", issues.map((issue) => issue.message).join("; "), { issues, messageKey: "errors.validation" });
  }
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    // Locked while it is read and written: a freeze or a release arriving meanwhile waits and
    // then applies on top, instead of being overwritten by a status read before it.
    await tx.$queryRaw`SELECT 1 FROM instances WHERE instance_id = ${instanceId} FOR UPDATE`;
    const instance = await tx.instance.findUnique({ where: { instanceId } });
    if (!instance) throw new AppError("NOT_FOUND", `instance ${instanceId} does not exist`);
    if (instance.status === "released") {
      throw new AppError("CONFLICT", `instance ${instanceId} was released; there is no tenant to hand over any more`);
    }
    const updated = await tx.instance.update({
      where: { instanceId },
      data: {
        // What is left out keeps its value (the product's admin URL copied at creation, say).
        frontEndUrl: outcome.frontEndUrl.trim(),
        adminUrl: outcome.adminUrl?.trim() || undefined,
        userNameSealed: outcome.userName === undefined ? undefined : deps.secretBox.encrypt(outcome.userName, "instance.userName"),
        passwordSealed: outcome.password === undefined ? undefined : deps.secretBox.encrypt(outcome.password, "instance.password"),
        memo: outcome.memo,
        // A frozen instance stays frozen (its unfreeze then finds it provisioned); anything
        // else is now live.
        status: instance.status === "frozen" ? "frozen" : "active",
        provisionedAt: instance.provisionedAt ?? now,
        updatedAt: now,
      },
    });
    await tx.instanceEvent.create({
      data: {
        instanceId,
        kind: "provisioned",
        orderId: instance.orderId,
        // Which credentials were handed over, never their values.
        details: {
          frontEndUrl: updated.frontEndUrl,
          adminUrl: updated.adminUrl,
          userName: outcome.userName !== undefined,
          password: outcome.password !== undefined,
          previousStatus: instance.status,
        },
        occurredAt: now,
      },
    });
    return updated;
  });
};
