// GET|POST /api/simulator/broken-endpoint/:mode — a deliberately wrong seller endpoint, to see the
// marketplace's verdicts on the Simulator page and in tests (mode: text-plain, no-instance-id,
// http-500, not-json, bad-sign, failure-code).
import { z } from "zod";
import { withRoute } from "@/server/http/with-route";
import { assertSimulatorEnabled } from "@/server/simulator/simulator-enabled";
import { brokenAnswer, BROKEN_MODES } from "@/server/simulator/broken-answer";

export const dynamic = "force-dynamic";

const handler = withRoute({ auth: "public", params: z.object({ mode: z.enum(BROKEN_MODES) }) }, async ({ params }) => {
  await assertSimulatorEnabled();
  const answer = brokenAnswer(params.mode);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
});

export const GET = handler;
export const POST = handler;
