// POST /api/koogallery/produceAPI/... — 联营 kit sync interfaces: stored, answered "not supported" for now
import { callbackRoute } from "@/server/gateway/callback-route";

export const dynamic = "force-dynamic";

export const GET = callbackRoute;
export const POST = callbackRoute;
