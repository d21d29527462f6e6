import type { ReactNode } from "react";
import { InvoicesTabs } from "@/features/invoices/invoices-tabs";
import { requirePageOperator } from "@/server/auth/page-guard";

export default async function InvoicesLayout({ children }: { children: ReactNode }) {
  await requirePageOperator();
  return (
    <>
      <InvoicesTabs />
      {children}
    </>
  );
}
