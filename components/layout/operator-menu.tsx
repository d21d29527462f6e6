"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "@/lib/api-client";

export function OperatorMenu({ displayName, email, roleLabel }: { displayName: string; email: string; roleLabel: string }) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const signOut = async () => {
    await apiFetch("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
    window.location.href = "/sign-in";
  };
  return (
    <div className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100"
      >
        <span className="font-medium">{displayName}</span>
        <span className="text-xs text-slate-500">{roleLabel}</span>
      </button>
      {open ? (
        <div role="menu" className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          <p className="truncate px-3 py-2 text-xs text-slate-500">{email}</p>
          <Link role="menuitem" href="/account" className="block px-3 py-1.5 text-sm hover:bg-slate-50" onClick={() => setOpen(false)}>
            {t("account")}
          </Link>
          <button role="menuitem" type="button" onClick={signOut} className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-50">
            {t("signOut")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
