import { formatExpireTime } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import { verifyOpenApiSignature, type OpenApiRequest, type OpenApiResponse } from "@/server/simulator/open-api-request";

// 激活授权码 and 查询授权码 (心跳) (§7.3), AK/SK signed; result codes 920200xx.
const answer = (code: string, message: string, data?: unknown): OpenApiResponse => ({
  status: 200,
  body: { error_code: code, error_msg: message, ...(data === undefined ? {} : { data }) },
});

const readLicence = (body: string): string | null => {
  try {
    const parsed = JSON.parse(body) as { license?: unknown };
    return typeof parsed.license === "string" && parsed.license.trim() !== "" && parsed.license.length <= 64 ? parsed.license : null;
  } catch {
    return null;
  }
};

const effectiveStatus = (row: { status: string; expireAt: Date | null }, now: Date) =>
  row.status === "ALIVE" && row.expireAt && row.expireAt.getTime() < now.getTime() ? "EXPIRED" : row.status;

export const activateLicenceCode = async (request: OpenApiRequest, deps: Pick<Deps, "db" | "secretBox" | "now">): Promise<OpenApiResponse> => {
  const refused = await verifyOpenApiSignature(request, deps);
  if (refused) return refused;
  const licence = readLicence(request.body);
  if (!licence) return answer("92020002", "invalid param: license is required");
  const row = await deps.db.simulatorLicenceCode.findUnique({ where: { code: licence } });
  if (!row) return answer("92020005", "license code does not exist");
  if (row.status !== "ISSUED") return answer("92020003", `illegal state: the code is ${effectiveStatus(row, deps.now())}`);
  const now = deps.now();
  const updated = await deps.db.simulatorLicenceCode.update({ where: { code: licence }, data: { status: "ALIVE", activatedAt: now, updatedAt: now } });
  // license_code_info is a JSON string inside the JSON answer, as documented.
  const info = JSON.stringify({
    status: "ALIVE",
    expire_time: updated.expireAt ? formatExpireTime(updated.expireAt) : "",
    product_id: updated.productId,
    amount: 1,
    order_id: updated.orderId,
  });
  return answer("92020000", "Success", { license_code_info: info });
};

export const licenceCodeHeartbeat = async (request: OpenApiRequest, deps: Pick<Deps, "db" | "secretBox" | "now">): Promise<OpenApiResponse> => {
  const refused = await verifyOpenApiSignature(request, deps);
  if (refused) return refused;
  const licence = readLicence(request.body);
  if (!licence) return answer("92020002", "invalid param: license is required");
  const row = await deps.db.simulatorLicenceCode.findUnique({ where: { code: licence } });
  if (!row) return answer("92020005", "license code does not exist");
  if (row.status === "ISSUED") return answer("92020004", "cannot be queried before it is activated");
  return answer("92020000", "Success", {
    license_code: row.code,
    status: effectiveStatus(row, deps.now()),
    activate_time: row.activatedAt ? formatExpireTime(row.activatedAt) : null,
  });
};
