"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DeadlineCountdown } from "@/features/messages/components/deadline-countdown";
import { DirectionBadge, MessageStatusBadge, TestBadge } from "@/features/messages/components/message-status-badge";
import type { MessageSummary } from "@/lib/contracts/messages";

const prettyJson = (text: string): string | null => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
};

// Raw bytes as they were: text when it is UTF-8 (pretty-printed only on request), hex otherwise.
export function RawBlock({ label, text, hex, emptyText }: { label: string; text: string | null; hex?: string | null; emptyText?: string }) {
  const t = useTranslations("messages.detail");
  const [pretty, setPretty] = useState(false);
  const formatted = text ? prettyJson(text) : null;
  const shown = text !== null ? (pretty && formatted ? formatted : text) : hex ? (hex.match(/.{1,2}/g) ?? []).join(" ") : "";
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {label}
          {text === null && hex ? <span className="ml-2 normal-case text-amber-700">{t("notUtf8")}</span> : null}
        </span>
        {formatted && formatted !== text ? (
          <Button variant="ghost" className="px-2 py-0.5 text-xs" aria-pressed={pretty} onClick={() => setPretty((value) => !value)}>
            {pretty ? t("showRaw") : t("showPretty")}
          </Button>
        ) : null}
      </div>
      {shown ? (
        <pre tabIndex={0} aria-label={label} className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800">
          {shown}
        </pre>
      ) : (
        <p className="text-sm text-slate-500">{emptyText ?? t("empty")}</p>
      )}
    </div>
  );
}

export function PairsTable({ label, pairs }: { label: string; pairs: [string, string][] }) {
  const t = useTranslations("messages.detail");
  return (
    <div className="space-y-1">
      <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</span>
      {pairs.length ? (
        <table className="min-w-full text-xs" aria-label={label}>
          <tbody className="divide-y divide-slate-100">
            {pairs.map(([name, value], index) => (
              <tr key={`${name}-${index}`}>
                <th scope="row" className="w-48 py-1 pr-3 text-left align-top font-mono font-medium text-slate-600">
                  {name}
                </th>
                <td className="break-all py-1 font-mono text-slate-800">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      )}
    </div>
  );
}

export function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">{children}</dl>;
}

export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-all text-slate-900" data-testid={testId}>
        {children ?? "—"}
      </dd>
    </div>
  );
}

export function RelatedMessages({ title, messages, skewMs }: { title: string; messages: MessageSummary[]; skewMs: number }) {
  const t = useTranslations("messages");
  const format = useFormatter();
  if (messages.length === 0) return null;
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold text-slate-800">{title}</h2>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {messages.map((message) => (
          <li key={`${message.direction}:${message.id}`} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
            <Link href={`/messages/${message.direction}/${message.id}`} className="whitespace-nowrap font-medium text-brand-700 underline-offset-2 hover:underline">
              {format.dateTime(new Date(message.at), { dateStyle: "short", timeStyle: "medium" })}
            </Link>
            <DirectionBadge direction={message.direction} />
            <span className="font-mono text-xs">{message.activity ?? "—"}</span>
            {message.testFlag ? <TestBadge /> : null}
            <MessageStatusBadge status={message.status} />
            {message.resultCode ? <span className="font-mono text-xs text-slate-600">{message.resultCode}</span> : null}
            {message.deadlineAt ? <DeadlineCountdown deadlineAt={message.deadlineAt} skewMs={skewMs} /> : null}
            {message.summary ? <span className="truncate text-xs text-slate-500">{message.summary}</span> : null}
          </li>
        ))}
      </ul>
      <p className="sr-only">{t("detail.relatedCount", { count: messages.length })}</p>
    </section>
  );
}
