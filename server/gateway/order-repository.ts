import { randomUUID } from "node:crypto";
import type { ChargingMode } from "@/domain/callbacks/callback-command";
import type { Deps } from "@/server/deps";

type Db = Pick<Deps["db"], "order" | "orderLine">;

export type OrderFacts = {
  orderId: string;
  orderLineId?: string;
  orderType?: string;
  customerId?: string;
  customerName?: string;
  chargingMode?: ChargingMode;
  periodType?: string;
  periodNumber?: number;
  amount?: string;
  productCode?: string;
  skuCode?: string;
  expireAt?: Date;
  testFlag: boolean;
};

// Records what a callback says about an order. Callbacks repeat, so this never overwrites
// a known value with an unknown one.
export const recordOrderFacts = async (facts: OrderFacts, now: Date, db: Db): Promise<void> => {
  const known = Object.fromEntries(
    Object.entries({
      orderType: facts.orderType,
      customerId: facts.customerId,
      customerName: facts.customerName,
      chargingMode: facts.chargingMode,
      periodType: facts.periodType,
      periodNumber: facts.periodNumber,
      amount: facts.amount,
      currency: facts.amount === undefined ? undefined : "CNY",
    }).filter(([, value]) => value !== undefined),
  );
  // Insert-or-ignore then update: safe when the same order arrives in several processes at once.
  const created = await db.order.createMany({
    data: [{ id: randomUUID(), orderId: facts.orderId, testFlag: facts.testFlag, createdAt: now, updatedAt: now, ...known }],
    skipDuplicates: true,
  });
  if (created.count === 0 && Object.keys(known).length) {
    await db.order.updateMany({ where: { orderId: facts.orderId }, data: { ...known, updatedAt: now } });
  }
  if (facts.orderLineId) {
    await db.orderLine.createMany({
      data: [
        {
          id: randomUUID(),
          orderId: facts.orderId,
          orderLineId: facts.orderLineId,
          productCode: facts.productCode ?? null,
          skuCode: facts.skuCode ?? null,
          chargingMode: facts.chargingMode ?? null,
          expireAt: facts.expireAt ?? null,
          createdAt: now,
        },
      ],
      skipDuplicates: true,
    });
  }
};
