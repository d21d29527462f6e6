import { computeBodySign, formatBodySignHeader } from "@/lib/marketplace/koogallery";

export const BROKEN_MODES = ["text-plain", "no-instance-id", "http-500", "not-json", "bad-sign", "failure-code"] as const;
export type BrokenMode = (typeof BROKEN_MODES)[number];

// Each mode breaks exactly one rule of §9, so each shows one of the marketplace's error messages.
export const brokenAnswer = (mode: BrokenMode): { status: number; headers: Record<string, string>; body: string } => {
  const json = (value: unknown, extra: Record<string, string> = {}) => ({
    status: 200,
    headers: { "Content-Type": "application/json", ...extra },
    body: JSON.stringify(value),
  });
  switch (mode) {
    case "text-plain":
      return { status: 200, headers: { "Content-Type": "text/plain" }, body: '{"resultCode":"000000","resultMsg":"success."}' };
    case "no-instance-id":
      return json({ resultCode: "000000", resultMsg: "success.", appInfo: { frontEndUrl: "https://saas.example.com/login" } });
    case "http-500":
      return { status: 500, headers: { "Content-Type": "text/html" }, body: "<h1>Internal Server Error</h1>" };
    case "not-json":
      return { status: 200, headers: { "Content-Type": "application/json" }, body: "success" };
    case "bad-sign": {
      const body = JSON.stringify({ resultCode: "000000", resultMsg: "success." });
      return { status: 200, headers: { "Content-Type": "application/json", "Body-Sign": formatBodySignHeader(computeBodySign(body, "not-the-sellers-key")) }, body };
    }
    case "failure-code":
      return json({ resultCode: "000005", resultMsg: "something went wrong" });
  }
};
