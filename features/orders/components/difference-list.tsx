"use client";

import { useTranslations } from "next-intl";
import type { OrderDifference } from "@/lib/contracts/orders";

export function DifferenceList({ differences }: { differences: OrderDifference[] }) {
  const t = useTranslations();
  if (differences.length === 0) return null;
  return (
    <ul className="mt-1 list-disc pl-5 font-mono text-xs">
      {differences.map((difference, index) => (
        <li key={index}>
          {t("orders.difference", {
            field: difference.orderLineId ? `${difference.orderLineId} ${difference.field}` : difference.field,
            console: difference.console ?? "—",
            marketplace: difference.marketplace ?? "—",
          })}
        </li>
      ))}
    </ul>
  );
}
