// GET /api/invoices/platform-fee/:requestId/pdf — the issued invoice PDF; PUT uploads it (finance, base64 JSON, ≤ 5 MiB)
import { MAX_PDF_BASE64_CHARS, requestParamsSchema, uploadPdfInputSchema } from "@/lib/contracts/platform-fee-invoices";
import { withRoute } from "@/server/http/with-route";
import { readPdf, uploadPdf } from "@/server/invoices/platform-fee/change-request";

export const GET = withRoute({ auth: { permission: "console:read" }, params: requestParamsSchema }, async ({ params, deps }) => {
  const { fileName, content } = await readPdf(params.requestId, deps);
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(content), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});

export const PUT = withRoute(
  { auth: { permission: "finance:write" }, params: requestParamsSchema, body: uploadPdfInputSchema, maxBodyBytes: MAX_PDF_BASE64_CHARS + 4096 },
  async ({ params, body, operator, ipAddress, deps }) => uploadPdf(params.requestId, body, { ...operator, ipAddress }, deps),
);
