import type { Generation } from "@/domain/callbacks/callback-command";
import type { Answer } from "@/lib/marketplace/koogallery";
import type { Deps } from "@/server/deps";
import type { MarketplaceKeys } from "@/server/gateway/marketplace-keys";

export type CallbackContext = {
  generation: Generation;
  testFlag: boolean;
  inboundRequestId: bigint;
  // The key that verified the request: it also encrypts credentials in the answer (§2.6).
  answerKey: string;
  config: MarketplaceKeys;
  deps: Deps;
};

export type HandlerResult = { answer: Answer; orderId?: string; instanceId?: string };
