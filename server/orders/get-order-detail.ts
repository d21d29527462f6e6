import Decimal from "decimal.js";
import type { OrderDetail, TimelineItem } from "@/lib/contracts/orders";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
const money = (value: { toString(): string } | null) => (value === null ? null : new Decimal(value.toString()).toFixed(3));
// An order with thousands of callbacks is a bug somewhere; the page shows the latest ones.
const TIMELINE_LIMIT = 500;

/**
 * Everything the console knows about one order: the marketplace's record, the instances it
 * created or changed, and one timeline of callbacks, lifecycle events, deliveries and fetches.
 */
export const getOrderDetail = async (orderId: string, deps: Pick<Deps, "db">): Promise<OrderDetail> => {
  const order = await deps.db.order.findUnique({ where: { orderId }, include: { lines: { orderBy: { orderLineId: "asc" } } } });
  if (!order) throw new AppError("NOT_FOUND", `Order ${orderId} is not in the console.`, { messageKey: "orders.notFound" });
  const [requests, events, deliveries, fetches] = await Promise.all([
    deps.db.inboundRequest.findMany({
      where: { orderId },
      select: { id: true, receivedAt: true, activity: true, resultCode: true, state: true, testFlag: true, instanceId: true, verification: true },
      orderBy: { id: "desc" },
      take: TIMELINE_LIMIT,
    }),
    deps.db.instanceEvent.findMany({ where: { orderId }, orderBy: { id: "desc" }, take: TIMELINE_LIMIT }),
    deps.db.delivery.findMany({
      where: { orderId },
      select: { id: true, createdAt: true, eventType: true, status: true, testFlag: true, instanceId: true, attempts: true, lastError: true },
      orderBy: { seq: "desc" },
      take: TIMELINE_LIMIT,
    }),
    deps.db.orderFetch.findMany({ where: { orderId }, orderBy: { id: "desc" }, take: TIMELINE_LIMIT }),
  ]);
  const instanceIds = [...new Set([...events.map((event) => event.instanceId), ...requests.flatMap((r) => (r.instanceId ? [r.instanceId] : []))])];
  const instances = await deps.db.instance.findMany({
    where: { OR: [{ orderId }, { instanceId: { in: instanceIds } }] },
    select: { instanceId: true, status: true, productCode: true, expireAt: true, orderId: true },
    orderBy: { createdAt: "asc" },
  });

  const timeline: TimelineItem[] = [
    ...requests.map((request) => ({
      kind: "callback" as const,
      id: request.id.toString(),
      at: request.receivedAt.toISOString(),
      title: request.activity ?? "—",
      status: request.resultCode ?? request.state,
      testFlag: request.testFlag,
      instanceId: request.instanceId,
      href: `/messages/inbound/${request.id}`,
      detail: request.verification,
    })),
    ...events.map((event) => ({
      kind: "instance_event" as const,
      id: event.id.toString(),
      at: event.occurredAt.toISOString(),
      title: event.kind,
      status: null,
      testFlag: false,
      instanceId: event.instanceId,
      href: event.inboundRequestId === null ? null : `/messages/inbound/${event.inboundRequestId}`,
      detail: null,
    })),
    ...deliveries.map((delivery) => ({
      kind: "delivery" as const,
      id: delivery.id,
      at: delivery.createdAt.toISOString(),
      title: delivery.eventType,
      status: delivery.status,
      testFlag: delivery.testFlag,
      instanceId: delivery.instanceId,
      href: `/messages/outbound/${delivery.id}`,
      detail: delivery.lastError,
    })),
    ...fetches.map((fetch) => ({
      kind: "fetch" as const,
      id: fetch.id.toString(),
      at: (fetch.completedAt ?? fetch.createdAt).toISOString(),
      title: fetch.reason,
      status: fetch.status,
      testFlag: false,
      instanceId: null,
      href: null,
      detail: fetch.lastError ?? (Array.isArray(fetch.differences) ? JSON.stringify(fetch.differences) : null),
    })),
  ];
  // Oldest first; for one instant, the callback before what it caused.
  const rank = { callback: 0, instance_event: 1, delivery: 2, fetch: 3 } as const;
  timeline.sort((a, b) => a.at.localeCompare(b.at) || rank[a.kind] - rank[b.kind]);

  return {
    order: {
      orderId: order.orderId,
      orderType: order.orderType,
      orderedAt: order.orderedAt.toISOString(),
      createdAt: order.createdAt.toISOString(),
      customerId: order.customerId,
      customerName: order.customerName,
      customerType: order.customerType,
      chargingMode: order.chargingMode,
      periodType: order.periodType,
      periodNumber: order.periodNumber,
      products: [...new Set(order.lines.flatMap((line) => (line.productCode ? [line.productCode] : [])))].join(", ") || null,
      amount: money(order.amount),
      amountAfterDiscount: money(order.amountAfterDiscount),
      currency: order.currency,
      testFlag: order.testFlag,
      source: order.source,
      fetchedAt: iso(order.fetchedAt),
      fetchError: order.fetchError,
      extendParams: order.extendParams,
    },
    lines: order.lines.map((line) => ({
      orderLineId: line.orderLineId,
      productCode: line.productCode,
      skuCode: line.skuCode,
      productName: line.productName,
      chargingMode: line.chargingMode,
      periodType: line.periodType,
      periodNumber: line.periodNumber,
      linearValue: line.linearValue,
      amount: money(line.amount),
      amountAfterDiscount: money(line.amountAfterDiscount),
      expireAt: iso(line.expireAt),
    })),
    instances: instances.map((instance) => ({
      instanceId: instance.instanceId,
      status: instance.status,
      productCode: instance.productCode,
      expireAt: iso(instance.expireAt),
      createdByThisOrder: instance.orderId === orderId,
    })),
    timeline,
    raw: order.rawOrder,
  };
};
