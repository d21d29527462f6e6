// Rules the marketplace's pages leave open (koogallery-money.md open question 2). Each is a setting
// whose default is the reading that never overstates what the seller will receive; the report
// prints the values in force.
export type FeeSettings = {
  // "net": refunds and downgrades settled in the month lower the tier amount X; "paid": X is the
  // month's positive (paid) amount only.
  tierAmountBasis: "net" | "paid";
  // Whether orders still on old terms (placed before the tier policy) count toward X. They settle
  // at their own ratio either way.
  tierCountsOldTerms: boolean;
};

export const DEFAULT_FEE_SETTINGS: FeeSettings = { tierAmountBasis: "net", tierCountsOldTerms: false };
