// GET /api/licences/public-key — the Ed25519 public key the seller's software verifies licences with
import { getLicenceSigningKey } from "@/server/gateway/licence-signing-key";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ auth: { permission: "console:read" } }, async ({ deps }) => {
  const { publicKeyPem } = await getLicenceSigningKey(deps);
  return new Response(publicKeyPem, {
    headers: {
      "content-type": "application/x-pem-file",
      "content-disposition": 'attachment; filename="koogallery-licence-public-key.pem"',
      "cache-control": "no-store",
    },
  });
});
