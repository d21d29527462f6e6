import { checkAnswer, type AnswerVerdict, type BodySignPolicy, type HttpExchange } from "./answer-checks";
import type { PlannedCallback } from "./buyer-actions";
import type { SimKeyKind } from "./catalogue";
import { signCallbackRequest, type SignedHttpRequest } from "./signed-request";
import type { Transport } from "./transport";

export type SimulatorKeys = Partial<Record<SimKeyKind, string | null>>;

export interface SentCallback {
  request: SignedHttpRequest;
  exchange: HttpExchange;
  verdict: AnswerVerdict;
}

export class MissingKeyError extends Error {
  override readonly name = "MissingKeyError";
  constructor(readonly keyKind: SimKeyKind) {
    super(`the seller's ${keyKind} key is not configured, so the simulator cannot sign as the marketplace`);
  }
}

export function keyFor(keys: SimulatorKeys, keyKind: SimKeyKind): string {
  const key = keys[keyKind];
  if (!key) throw new MissingKeyError(keyKind);
  return key;
}

/** Signs one callback as the marketplace, sends it and judges the answer as the debugging tool does. */
export async function sendCallback(input: {
  callback: PlannedCallback;
  targetUrl: string;
  keys: SimulatorKeys;
  transport: Transport;
  now: Date;
  timeoutMs: number;
  bodySign?: BodySignPolicy;
  requireUsage?: boolean;
}): Promise<SentCallback> {
  const key = keyFor(input.keys, input.callback.keyKind);
  const request = signCallbackRequest({
    targetUrl: input.targetUrl,
    generation: input.callback.generation,
    params: input.callback.params,
    kit: input.callback.kit,
    key,
    now: input.now,
  });
  const exchange = await input.transport(request, input.timeoutMs);
  const verdict = checkAnswer({
    generation: input.callback.generation,
    activity: input.callback.activity,
    exchange,
    key,
    bodySign: input.bodySign,
    requireUsage: input.requireUsage,
  });
  return { request, exchange, verdict };
}
