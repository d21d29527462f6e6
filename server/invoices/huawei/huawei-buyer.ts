import { HUAWEI_BUYER_DEFAULTS, huaweiBuyerProblems, type HuaweiBuyerDetails } from "@/domain/invoices/huawei/huawei-buyer";
import type { HuaweiBuyerDto, HuaweiBuyerInput } from "@/lib/contracts/huawei-invoices";
import { recordAuditEvent, type AuditActor } from "@/server/audit/record-audit-event";
import type { Deps } from "@/server/deps";

type Row = HuaweiBuyerDetails & { updatedBy: string | null; updatedAt: Date };

export const toBuyerDto = (row: Row): HuaweiBuyerDto => {
  const details: HuaweiBuyerDetails = {
    name: row.name,
    taxpayerId: row.taxpayerId,
    bankName: row.bankName,
    bankAccount: row.bankAccount,
    address: row.address,
    phone: row.phone,
    receivingEmail: row.receivingEmail,
    mailingAddress: row.mailingAddress,
  };
  return { ...details, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString(), problems: huaweiBuyerProblems(details) };
};

// The migration inserts the row; a database restored without it gets the defaults back.
export const loadHuaweiBuyer = async (deps: Pick<Deps, "db">): Promise<Row> =>
  (await deps.db.huaweiInvoiceBuyer.findUnique({ where: { id: 1 } })) ??
  (await deps.db.huaweiInvoiceBuyer.upsert({ where: { id: 1 }, create: { id: 1, ...HUAWEI_BUYER_DEFAULTS }, update: {} }));

export const getHuaweiBuyer = async (deps: Pick<Deps, "db">): Promise<HuaweiBuyerDto> => toBuyerDto(await loadHuaweiBuyer(deps));

export const updateHuaweiBuyer = async (
  input: HuaweiBuyerInput,
  actor: AuditActor & { ipAddress?: string | null },
  deps: Pick<Deps, "db" | "now">,
): Promise<HuaweiBuyerDto> => {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const before = await tx.huaweiInvoiceBuyer.findUnique({ where: { id: 1 } });
    const data = { ...input, updatedBy: actor.email, updatedAt: now };
    const row = await tx.huaweiInvoiceBuyer.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const changed = (Object.keys(input) as (keyof HuaweiBuyerInput)[]).filter((key) => before?.[key] !== input[key]);
    await recordAuditEvent(
      tx,
      { actor, action: "invoices.huawei_buyer_updated", targetType: "huawei_invoice_buyer", targetId: "1", ipAddress: actor.ipAddress, details: { changed } },
      now,
    );
    return toBuyerDto(row);
  });
};
