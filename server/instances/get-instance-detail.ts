import type { InstanceDetail, InstanceStatus } from "@/lib/contracts/instances";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const getInstanceDetail = async (instanceId: string, deps: Pick<Deps, "db">): Promise<InstanceDetail> => {
  const instance = await deps.db.instance.findUnique({ where: { instanceId } });
  if (!instance) throw new AppError("NOT_FOUND", `Instance ${instanceId} is not in the console.`, { messageKey: "instances.notFound" });
  const [events, deliveries] = await Promise.all([
    deps.db.instanceEvent.findMany({ where: { instanceId }, orderBy: { id: "asc" }, take: 1000 }),
    deps.db.delivery.findMany({
      where: { instanceId },
      select: { id: true, eventType: true, status: true, attempts: true, createdAt: true },
      orderBy: { seq: "asc" },
      take: 1000,
    }),
  ]);
  return {
    instance: {
      instanceId: instance.instanceId,
      status: instance.status as InstanceStatus,
      generation: instance.generation,
      orderId: instance.orderId,
      orderLineId: instance.orderLineId,
      productCode: instance.productCode,
      skuCode: instance.skuCode,
      customerId: instance.customerId,
      customerName: instance.customerName,
      chargingMode: instance.chargingMode,
      isTrial: instance.isTrial,
      testFlag: instance.testFlag,
      expireAt: iso(instance.expireAt),
      createdAt: instance.createdAt.toISOString(),
      frontEndUrl: instance.frontEndUrl,
      adminUrl: instance.adminUrl,
      memo: instance.memo,
      usageValue: instance.usageValue?.toString() ?? null,
      provisionedAt: iso(instance.provisionedAt),
      frozenAt: iso(instance.frozenAt),
      releasedAt: iso(instance.releasedAt),
      hasUserName: instance.userNameSealed !== null,
      hasPassword: instance.passwordSealed !== null,
    },
    events: events.map((event) => ({
      id: event.id.toString(),
      kind: event.kind,
      occurredAt: event.occurredAt.toISOString(),
      orderId: event.orderId,
      inboundRequestId: event.inboundRequestId?.toString() ?? null,
      details: event.details,
    })),
    deliveries: deliveries.map((delivery) => ({ ...delivery, createdAt: delivery.createdAt.toISOString() })),
  };
};
