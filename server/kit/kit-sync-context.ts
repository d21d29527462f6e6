import type { Deps } from "@/server/deps";

// What every 联营Kit sync use-case gets from the gateway once the call is verified and parsed.
export type KitSyncContext = {
  deps: Deps;
  generation: "v1" | "v2";
  inboundRequestId: bigint;
};

// Rows are keyed per §4 by (instance, tenant[, app][, orgCode/userName]); deletes are soft, so a
// repeated delete succeeds and never needs the row (or the instance) to exist.
export const syncStamp = (ctx: KitSyncContext, testFlag: number) => ({
  testFlag: testFlag === 1,
  lastSyncAt: ctx.deps.now(),
  inboundRequestId: ctx.inboundRequestId,
  updatedAt: ctx.deps.now(),
});
