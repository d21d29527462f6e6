// POST /api/koogallery/produceAPI/[v2/]<name> — 联营Kit sync interfaces (server/gateway/kit-callback.ts)
import { callbackRoute } from "@/server/gateway/callback-route";

export const dynamic = "force-dynamic";

export const GET = callbackRoute;
export const POST = callbackRoute;
