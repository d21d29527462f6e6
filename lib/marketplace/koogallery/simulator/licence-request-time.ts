/*
 * getLicenseAsync's effectiveTime/expireTime (§3.3): UTC, written like the
 * only example, "2023-10-27 10:30:15 z".
 */
export function formatLicenceRequestTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} z`;
}
