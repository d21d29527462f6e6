import { isProductCategory } from "@/domain/fees/fee-policy";
import { money } from "@/domain/fees/money";
import type { FeePolicyDto, FeePolicyInput, FeeSettingsInput, ProductTermsDto, ProductTermsInput } from "@/lib/contracts/fees";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { parseStoredTiers } from "@/server/fees/load-fee-config";

type Actor = AuditActor & { ipAddress?: string | null };

export const listFeePolicies = async (deps: Pick<Deps, "db">): Promise<FeePolicyDto[]> => {
  const rows = await deps.db.feePolicy.findMany({ orderBy: [{ category: "asc" }, { effectiveFrom: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    category: isProductCategory(row.category) ? row.category : "general",
    effectiveFrom: row.effectiveFrom.toISOString(),
    eligibleRatioPercent: row.eligibleRatioPercent?.toString() ?? null,
    tiers: parseStoredTiers(row.tiers).map((tier) => ({ fromAmount: tier.fromAmount.toFixed(2), platformFeePercent: tier.platformFeePercent.toString() })),
    note: row.note,
    shipped: row.shipped,
  }));
};

// A new row takes effect at 00:00 Beijing time on its date and only for orders placed from then
// on: rows are added, never edited, so every past bill can be recomputed as it was.
export const createFeePolicy = async (input: FeePolicyInput, actor: Actor, deps: Pick<Deps, "db" | "now">): Promise<FeePolicyDto> => {
  const effectiveFrom = new Date(`${input.effectiveFrom}T00:00:00+08:00`);
  const id = `${input.category}-${input.effectiveFrom}${input.eligibleRatioPercent ? `-r${input.eligibleRatioPercent}` : ""}`;
  const tiers = [...input.tiers]
    .sort((a, b) => money(a.fromAmount).comparedTo(money(b.fromAmount)))
    .map((tier) => ({ fromAmount: money(tier.fromAmount).toFixed(2), platformFeePercent: money(tier.platformFeePercent).toString() }));
  const existing = await deps.db.feePolicy.findUnique({ where: { id } });
  if (existing) throw new AppError("CONFLICT", "A policy for this category, date and ratio exists.", { messageKey: "fees.policyExists" });
  await deps.db.$transaction(async (tx) => {
    await tx.feePolicy.create({
      data: {
        id,
        category: input.category,
        effectiveFrom,
        eligibleRatioPercent: input.eligibleRatioPercent,
        tiers,
        note: input.note ?? null,
        createdBy: actor.email,
        createdAt: deps.now(),
      },
    });
    await recordAuditEvent(tx, { actor, action: "fees.policy_added", targetType: "fee_policy", targetId: id, ipAddress: actor.ipAddress, details: { ...input } }, deps.now());
  });
  return (await listFeePolicies(deps)).find((policy) => policy.id === id)!;
};

export const deleteFeePolicy = async (policyId: string, actor: Actor, deps: Pick<Deps, "db" | "now">): Promise<void> => {
  const row = await deps.db.feePolicy.findUnique({ where: { id: policyId } });
  if (!row) throw new AppError("NOT_FOUND", "No such policy.", { messageKey: "fees.policyNotFound" });
  if (row.shipped) throw new AppError("CONFLICT", "Shipped policies cannot be removed.", { messageKey: "fees.policyShipped" });
  await deps.db.$transaction(async (tx) => {
    await tx.feePolicy.delete({ where: { id: policyId } });
    await recordAuditEvent(tx, { actor, action: "fees.policy_removed", targetType: "fee_policy", targetId: policyId, ipAddress: actor.ipAddress }, deps.now());
  });
};

export const updateFeeSettings = async (input: FeeSettingsInput, actor: Actor, deps: Pick<Deps, "db" | "now">): Promise<FeeSettingsInput> => {
  await deps.db.$transaction(async (tx) => {
    await tx.feeSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...input, updatedBy: actor.email, updatedAt: deps.now() },
      update: { ...input, updatedBy: actor.email, updatedAt: deps.now() },
    });
    await recordAuditEvent(tx, { actor, action: "fees.settings_changed", targetType: "fee_settings", ipAddress: actor.ipAddress, details: { ...input } }, deps.now());
  });
  return input;
};

// Every product the console has seen, with the terms in force (stored, or the 5% general default).
export const listProductTerms = async (deps: Pick<Deps, "db">): Promise<ProductTermsDto[]> => {
  const [products, terms] = await Promise.all([
    deps.db.product.findMany({ select: { productCode: true, name: true }, orderBy: { productCode: "asc" } }),
    deps.db.feeProductTerms.findMany(),
  ]);
  const stored = new Map(terms.map((row) => [row.productCode, row]));
  const codes = [...new Set([...products.map((p) => p.productCode), ...terms.map((t) => t.productCode)])].sort();
  const names = new Map(products.map((p) => [p.productCode, p.name]));
  return codes.map((code) => {
    const row = stored.get(code);
    return {
      productCode: code,
      productName: names.get(code) ?? null,
      category: row && isProductCategory(row.category) ? row.category : "general",
      platformFeePercent: row ? money(row.platformFeePercent.toString()).toString() : "5",
      isDefault: !row,
    };
  });
};

export const saveProductTerms = async (
  productCode: string,
  input: ProductTermsInput,
  actor: Actor,
  deps: Pick<Deps, "db" | "now">,
): Promise<ProductTermsDto> => {
  const percent = money(input.platformFeePercent);
  if (percent.greaterThan(100)) throw new AppError("VALIDATION_FAILED", "A ratio is at most 100%.", { messageKey: "fees.percentInvalid" });
  await deps.db.$transaction(async (tx) => {
    await tx.feeProductTerms.upsert({
      where: { productCode },
      create: { productCode, category: input.category, platformFeePercent: input.platformFeePercent, updatedBy: actor.email, updatedAt: deps.now() },
      update: { category: input.category, platformFeePercent: input.platformFeePercent, updatedBy: actor.email, updatedAt: deps.now() },
    });
    await recordAuditEvent(
      tx,
      { actor, action: "fees.product_terms_changed", targetType: "product", targetId: productCode, ipAddress: actor.ipAddress, details: { ...input } },
      deps.now(),
    );
  });
  return (await listProductTerms(deps)).find((terms) => terms.productCode === productCode)!;
};
