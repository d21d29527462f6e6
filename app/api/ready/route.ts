// GET /api/ready — the database answers and every migration is applied (no secrets)
import { getDb } from "@/server/db";
import { checkReadiness } from "@/server/health/check-readiness";

export const dynamic = "force-dynamic";

export const GET = async () => {
  const readiness = await checkReadiness({ db: getDb() });
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
};
