import { z } from "zod";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// Money crosses the wire as a decimal string with two places ("1455000.00"), never a float.
const moneyString = z.string().regex(/^-?\d+(\.\d{1,3})?$/, { message: "fees.moneyInvalid" });
const percentString = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, { message: "fees.percentInvalid" });

export const PRODUCT_CATEGORY_VALUES = ["general", "joint", "curated", "huawei"] as const;

export const feeReportQuerySchema = z.object({
  month: z.string().regex(MONTH, { message: "fees.monthInvalid" }).optional(),
  months: z.coerce.number().int().min(1).max(24).default(12),
});
export type FeeReportQuery = z.infer<typeof feeReportQuerySchema>;

export const feeReportExportQuerySchema = feeReportQuerySchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv") });

export type FeeTierDto = { fromAmount: string; platformFeePercent: string };

export type FeeReportRow = {
  month: string;
  productCode: string;
  productName: string | null;
  category: (typeof PRODUCT_CATEGORY_VALUES)[number];
  productPlatformFeePercent: string;
  lineCount: number;
  paid: string;
  refunds: string;
  net: string;
  tierAmount: string | null;
  tierIndex: number | null;
  sellerSharePercent: string;
  settlement: string;
  platformFee: string;
};

export type FeeTotals = { paid: string; refunds: string; net: string; settlement: string; platformFee: string; lineCount: number };

export type TierGapDto = {
  productCode: string;
  productName: string | null;
  tierAmount: string;
  currentTierIndex: number;
  nextTier: FeeTierDto | null;
  gap: string | null;
  saving: string | null;
  projectedAmount: string;
  projectedTierIndex: number;
  extraPerDay: string | null;
  daysLeft: number;
  elapsedFraction: number;
};

export type FeeReport = {
  month: string;
  currentMonth: string;
  months: string[];
  generatedAt: string;
  serverMs: number;
  settings: { tierAmountBasis: "net" | "paid"; tierCountsOldTerms: boolean };
  tiers: FeeTierDto[];
  rows: FeeReportRow[];
  monthTotals: (FeeTotals & { month: string })[];
  gaps: TierGapDto[];
};

export const feeSettingsInputSchema = z.object({
  tierAmountBasis: z.enum(["net", "paid"]),
  tierCountsOldTerms: z.boolean(),
});
export type FeeSettingsInput = z.infer<typeof feeSettingsInputSchema>;

export const productTermsInputSchema = z.object({
  category: z.enum(PRODUCT_CATEGORY_VALUES),
  platformFeePercent: percentString,
});
export type ProductTermsInput = z.infer<typeof productTermsInputSchema>;

export const productCodeParamsSchema = z.object({ productCode: z.string().min(1).max(200) });

export type ProductTermsDto = {
  productCode: string;
  productName: string | null;
  category: (typeof PRODUCT_CATEGORY_VALUES)[number];
  platformFeePercent: string;
  isDefault: boolean;
};

export const feeTierInputSchema = z.object({ fromAmount: moneyString, platformFeePercent: percentString });

export const feePolicyInputSchema = z
  .object({
    category: z.enum(PRODUCT_CATEGORY_VALUES),
    // Beijing date the policy takes effect at 00:00.
    effectiveFrom: z.iso.date({ message: "fees.dateInvalid" }),
    eligibleRatioPercent: percentString.nullable(),
    tiers: z.array(feeTierInputSchema).max(10),
    note: z.string().trim().max(500).optional(),
  })
  .refine((policy) => policy.tiers.length === 0 || policy.tiers.some((tier) => Number(tier.fromAmount) === 0), {
    message: "fees.tiersNeedZero",
    path: ["tiers"],
  });
export type FeePolicyInput = z.infer<typeof feePolicyInputSchema>;

export type FeePolicyDto = {
  id: string;
  category: (typeof PRODUCT_CATEGORY_VALUES)[number];
  effectiveFrom: string;
  eligibleRatioPercent: string | null;
  tiers: FeeTierDto[];
  note: string | null;
  shipped: boolean;
};

export const policyIdParamsSchema = z.object({ policyId: z.string().min(1).max(100) });
