import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/layout/console-shell";
import { currentOperator } from "@/server/auth/page-guard";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const operator = await currentOperator();
  if (!operator) redirect("/sign-in");
  return <ConsoleShell operator={operator}>{children}</ConsoleShell>;
}
