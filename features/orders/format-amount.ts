// Amounts arrive as decimal strings and are shown as such, grouped by thousands: never through
// a float, which would turn 0.1 + 0.2 into 0.30000000000000004 somewhere down the line.
export const formatAmount = (value: string | null, currency?: string | null): string => {
  if (value === null) return "—";
  const negative = value.startsWith("-");
  const [whole = "0", fraction = ""] = value.replace(/^[-+]/, "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  // Three places are stored; the third is shown only when it is not zero.
  const shown = fraction.length === 3 && fraction.endsWith("0") ? fraction.slice(0, 2) : fraction;
  return `${negative ? "-" : ""}${grouped}${shown ? `.${shown}` : ""}${currency ? ` ${currency}` : ""}`;
};
