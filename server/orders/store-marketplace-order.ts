import { randomUUID } from "node:crypto";
import Decimal from "decimal.js";
import { Prisma } from "@/generated/prisma/client";
import type { MarketplaceOrder } from "@/lib/marketplace/koogallery/order-query";
import type { OrderDifference } from "@/lib/contracts/orders";
import type { Deps } from "@/server/deps";

type Tx = Prisma.TransactionClient;

const amountText = (value: Prisma.Decimal | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Decimal(value.toString()).toFixed(3);
const dateText = (value: Date | null | undefined): string | null => (value ? value.toISOString() : null);

// A difference is a value the console held that the marketplace contradicts. A value the console
// never had (callbacks carry little) is news, not a difference.
const differs = (field: string, consoleValue: string | null, marketplaceValue: string | null, orderLineId?: string): OrderDifference[] =>
  consoleValue !== null && consoleValue !== marketplaceValue ? [{ field, orderLineId: orderLineId ?? null, console: consoleValue, marketplace: marketplaceValue }] : [];

/**
 * Stores the marketplace's answer as the order's record (raw answer included) and returns what
 * it contradicted. Lines are upserted, never deleted: an answer narrowed to one orderLineId says
 * nothing about the other lines.
 */
export const storeMarketplaceOrder = async (
  order: MarketplaceOrder,
  raw: unknown,
  options: { wholeOrder: boolean },
  deps: Pick<Deps, "db" | "now">,
): Promise<OrderDifference[]> => {
  const now = deps.now();
  return deps.db.$transaction(async (tx: Tx) => {
    // Serialises two fetches of one order, so differences are computed against a settled row.
    await tx.$executeRaw`SELECT 1 FROM orders WHERE order_id = ${order.orderId} FOR UPDATE`;
    const existing = await tx.order.findUnique({ where: { orderId: order.orderId }, include: { lines: true } });
    const differences: OrderDifference[] = [];
    const first = order.lines[0];
    if (existing) {
      differences.push(
        ...differs("orderType", existing.orderType, order.orderType),
        ...differs("customerId", existing.customerId, order.customerId),
        ...differs("customerName", existing.customerName, order.customerName),
        ...differs("amount", amountText(existing.amount), order.amount),
        ...differs("amountAfterDiscount", amountText(existing.amountAfterDiscount), order.amountAfterDiscount),
        ...(first ? differs("chargingMode", existing.chargingMode, first.chargingMode) : []),
      );
      for (const line of existing.lines) {
        const fetched = order.lines.find((candidate) => candidate.orderLineId === line.orderLineId);
        if (!fetched) {
          if (options.wholeOrder) differences.push({ field: "line", orderLineId: line.orderLineId, console: line.orderLineId, marketplace: null });
          continue;
        }
        differences.push(
          ...differs("productCode", line.productCode, fetched.productCode, line.orderLineId),
          ...differs("skuCode", line.skuCode, fetched.skuCode, line.orderLineId),
          ...differs("expireAt", dateText(line.expireAt), dateText(fetched.expireAt), line.orderLineId),
          ...differs("amount", amountText(line.amount), fetched.amount, line.orderLineId),
        );
      }
    }
    const fields = {
      orderType: order.orderType,
      customerId: order.customerId ?? existing?.customerId ?? null,
      customerName: order.customerName ?? existing?.customerName ?? null,
      customerType: order.customerType,
      chargingMode: first?.chargingMode ?? existing?.chargingMode ?? null,
      periodType: first?.periodType ?? existing?.periodType ?? null,
      periodNumber: first?.periodNumber ?? existing?.periodNumber ?? null,
      amount: order.amount,
      amountAfterDiscount: order.amountAfterDiscount,
      currency: order.currencyCode,
      extendParams: order.extendParams as Prisma.InputJsonValue,
      rawOrder: raw as Prisma.InputJsonValue,
      fetchedAt: now,
      fetchError: null,
      updatedAt: now,
      orderedAt: order.createdAt ?? existing?.orderedAt ?? now,
    };
    if (existing) {
      await tx.order.update({ where: { orderId: order.orderId }, data: { ...fields, source: "marketplace" } });
    } else {
      await tx.order.create({ data: { id: randomUUID(), orderId: order.orderId, source: "marketplace", createdAt: now, ...fields } });
    }
    for (const line of order.lines) {
      const rawLine = ((raw as { orderInfo?: { orderLine?: { orderLineId?: string }[] } }).orderInfo?.orderLine ?? []).find(
        (candidate) => candidate.orderLineId === line.orderLineId,
      );
      const lineFields = {
        productCode: line.productCode,
        skuCode: line.skuCode,
        productName: line.productName,
        chargingMode: line.chargingMode,
        periodType: line.periodType,
        periodNumber: line.periodNumber,
        linearValue: line.linearValue,
        amount: line.amount,
        amountAfterDiscount: line.amountAfterDiscount,
        expireAt: line.expireAt,
        rawLine: (rawLine ?? Prisma.DbNull) as Prisma.InputJsonValue,
      };
      await tx.orderLine.upsert({
        where: { orderLineId: line.orderLineId },
        create: { id: randomUUID(), orderId: order.orderId, orderLineId: line.orderLineId, createdAt: now, ...lineFields },
        update: lineFields,
      });
    }
    return differences;
  });
};
