// GET /api/koogallery — V1 callbacks (query string); POST /api/koogallery — V2 callbacks (JSON).
// The seller registers this URL as its production address (生产地址) in the seller centre.
import { callbackRoute } from "@/server/gateway/callback-route";

export const dynamic = "force-dynamic";

export const GET = callbackRoute;
export const POST = callbackRoute;
