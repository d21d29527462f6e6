"use client";

import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { useMessageDetail } from "@/features/messages/api/messages";
import { DeadlineCountdown, DEADLINE_WARNING_MS } from "@/features/messages/components/deadline-countdown";
import { DeliveryActions } from "@/features/messages/components/delivery-actions";
import { Fact, Facts, PairsTable, RawBlock, RelatedMessages } from "@/features/messages/components/message-parts";
import { DirectionBadge, MessageStatusBadge, TestBadge } from "@/features/messages/components/message-status-badge";
import type { InboundMessageDetail, MessageDirection, MessageSummary, OutboundMessageDetail } from "@/lib/contracts/messages";
import { useApiErrorText } from "@/lib/use-api-error-text";

const useDateTime = () => {
  const format = useFormatter();
  return (value: string | null) => (value ? format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "medium" }) : null);
};

function DeadlineBanner({ message, skewMs }: { message: MessageSummary; skewMs: number }) {
  const t = useTranslations("messages.deadline");
  const dateTime = useDateTime();
  if (!message.deadlineAt) return null;
  const close = new Date(message.deadlineAt).getTime() - (Date.now() + skewMs) < DEADLINE_WARNING_MS;
  return (
    <div
      role={close ? "alert" : undefined}
      className={clsx("flex flex-wrap items-center gap-3 rounded-lg border px-4 py-3 text-sm", close ? "border-red-300 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900")}
    >
      <span className="font-semibold">{t("label")}</span>
      <DeadlineCountdown deadlineAt={message.deadlineAt} skewMs={skewMs} size="large" />
      <span>{t("at", { time: dateTime(message.deadlineAt) ?? "" })}</span>
      <span className="basis-full text-xs opacity-80">{message.direction === "outbound" ? t("helpDelivery") : t("helpCallback")}</span>
    </div>
  );
}

function Summary({ message }: { message: MessageSummary }) {
  const t = useTranslations("messages");
  const dateTime = useDateTime();
  const filterLink = (key: "orderId" | "instanceId", value: string | null) =>
    value ? (
      <Link href={`/messages?${key}=${encodeURIComponent(value)}`} className="font-mono text-brand-700 underline-offset-2 hover:underline" title={t("detail.showAllFor", { id: value })}>
        {value}
      </Link>
    ) : null;
  return (
    <Card>
      <Facts>
        <Fact label={t("columns.status")} testId="message-status">
          <span className="inline-flex flex-wrap items-center gap-1.5">
            <MessageStatusBadge status={message.status} />
            {message.testFlag ? <TestBadge /> : null}
          </span>
        </Fact>
        <Fact label={message.direction === "inbound" ? t("detail.receivedAt") : t("detail.createdAt")}>{dateTime(message.at)}</Fact>
        <Fact label={message.direction === "inbound" ? t("detail.resultCode") : t("detail.lastHttpStatus")} testId="message-result-code">
          {message.resultCode ? <span className="font-mono">{message.resultCode}</span> : null}
        </Fact>
        <Fact label={t("detail.latency")}>{message.latencyMs !== null ? t("detail.ms", { ms: message.latencyMs }) : null}</Fact>
        <Fact label={t("filters.orderId")}>{filterLink("orderId", message.orderId)}</Fact>
        <Fact label={t("filters.instanceId")}>{filterLink("instanceId", message.instanceId)}</Fact>
        <Fact label={t("filters.product")}>{message.productCode ? <span className="font-mono">{message.productCode}</span> : null}</Fact>
        {message.direction === "outbound" ? (
          <>
            <Fact label={t("columns.attempts")}>{message.attempts}</Fact>
            <Fact label={t("detail.nextAttempt")} testId="next-attempt">
              {dateTime(message.nextAttemptAt)}
            </Fact>
          </>
        ) : (
          <Fact label={t("detail.generation")}>{message.generation?.toUpperCase()}</Fact>
        )}
      </Facts>
      {message.summary ? <p className="mt-4 rounded bg-slate-50 px-3 py-2 font-mono text-xs text-slate-700">{message.summary}</p> : null}
    </Card>
  );
}

function InboundView({ detail, skewMs }: { detail: InboundMessageDetail; skewMs: number }) {
  const t = useTranslations("messages.detail");
  const dateTime = useDateTime();
  const { request, answer } = detail;
  return (
    <>
      <Card title={t("request")}>
        <div className="space-y-4">
          <p className="font-mono text-sm" data-testid="request-line">
            <span className="font-semibold">{request.method}</span> {request.path}
            {request.clientIp ? <span className="ml-3 text-xs text-slate-500">{t("from", { ip: request.clientIp })}</span> : null}
          </p>
          <PairsTable label={t("query")} pairs={request.query} />
          <PairsTable label={t("headers")} pairs={request.headers} />
          <RawBlock
            label={request.body.truncated ? t("bodyTruncated", { size: request.body.size }) : t("body", { size: request.body.size })}
            text={request.body.text}
            hex={request.body.hex}
          />
        </div>
      </Card>
      <Card title={t("answer")}>
        <div className="space-y-4">
          <Facts>
            <Fact label={t("resultCode")} testId="answer-result-code">
              {answer.resultCode ? <span className="font-mono">{answer.resultCode}</span> : null}
            </Fact>
            <Fact label={t("resultMessage")}>{answer.resultMessage}</Fact>
            <Fact label={t("verification")}>{answer.verification ? <span className="font-mono">{answer.verification}</span> : null}</Fact>
            <Fact label={t("keyUsed")}>{answer.keyUsed ? <span className="font-mono">{answer.keyUsed}</span> : null}</Fact>
            <Fact label={t("answeredAt")}>{dateTime(answer.answeredAt)}</Fact>
            <Fact label={t("state")}>{answer.state}</Fact>
          </Facts>
          {answer.error ? <ErrorNotice>{answer.error}</ErrorNotice> : null}
          <PairsTable label={t("answerHeaders")} pairs={answer.headers} />
          <RawBlock label={t("answerBody")} text={answer.body} emptyText={t("notAnswered")} />
        </div>
      </Card>
      <RelatedMessages title={t("deliveries")} messages={detail.deliveries} skewMs={skewMs} />
      <RelatedMessages title={t("related")} messages={detail.related} skewMs={skewMs} />
    </>
  );
}

function OutboundView({ detail, canOperate, skewMs }: { detail: OutboundMessageDetail; canOperate: boolean; skewMs: number }) {
  const t = useTranslations("messages.detail");
  const tm = useTranslations("messages");
  const dateTime = useDateTime();
  const { delivery } = detail;
  return (
    <>
      {canOperate ? <DeliveryActions detail={detail} /> : null}
      <Card title={t("delivery")}>
        <div className="space-y-4">
          <Facts>
            <Fact label={t("eventType")}>
              <span className="font-mono">{delivery.eventType}</span>
            </Fact>
            <Fact label={t("adapter")}>{t(`adapters.${delivery.adapter}`)}</Fact>
            <Fact label={t("completedAt")}>{dateTime(delivery.completedAt)}</Fact>
            <Fact label={t("callback")}>
              {delivery.inboundRequestId ? (
                <Link href={`/messages/inbound/${delivery.inboundRequestId}`} className="text-brand-700 underline-offset-2 hover:underline">
                  #{delivery.inboundRequestId}
                </Link>
              ) : null}
            </Fact>
            {delivery.resolvedBy ? <Fact label={t("resolvedBy")}>{delivery.resolvedBy}</Fact> : null}
            {delivery.resolutionComment ? <Fact label={t("resolutionComment")}>{delivery.resolutionComment}</Fact> : null}
          </Facts>
          {delivery.lastError ? <ErrorNotice>{delivery.lastError}</ErrorNotice> : null}
          <RawBlock label={t("payload")} text={delivery.payload} />
        </div>
      </Card>
      <Card title={t("attempts", { count: delivery.attempts.length })}>
        {delivery.attempts.length === 0 ? (
          <p className="text-sm text-slate-500">{delivery.adapter === "manual" ? t("noAttemptsManual") : t("noAttempts")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={t("attemptsTable")}>
              <thead>
                <tr>
                  {(["attemptNo", "startedAt", "httpStatus", "latency", "outcome", "error"] as const).map((key) => (
                    <th key={key} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                      {t(`attemptColumns.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {delivery.attempts.map((attempt) => (
                  <tr key={`${attempt.attemptNo}-${attempt.startedAt}`} className="align-top">
                    <td className="px-3 py-2">{attempt.attemptNo}</td>
                    <td className="whitespace-nowrap px-3 py-2">{dateTime(attempt.startedAt)}</td>
                    <td className="px-3 py-2 font-mono">{attempt.statusCode ?? "—"}</td>
                    <td className="whitespace-nowrap px-3 py-2">{attempt.latencyMs !== null ? t("ms", { ms: attempt.latencyMs }) : "—"}</td>
                    <td className="px-3 py-2">{t.has(`outcomes.${attempt.outcome}`) ? t(`outcomes.${attempt.outcome}` as "outcomes.failed") : attempt.outcome}</td>
                    <td className="px-3 py-2">
                      {attempt.error ? <p className="text-xs text-red-800">{attempt.error}</p> : null}
                      {attempt.responseExcerpt ? (
                        <details className="mt-1 text-xs">
                          <summary className="cursor-pointer text-slate-600">{t("responseExcerpt")}</summary>
                          <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono">{attempt.responseExcerpt}</pre>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <RelatedMessages title={tm("detail.related")} messages={detail.related} skewMs={skewMs} />
    </>
  );
}

export function MessageDetailView({ direction, messageId, canOperate }: { direction: MessageDirection; messageId: string; canOperate: boolean }) {
  const t = useTranslations("messages");
  const tc = useTranslations("common");
  const errorText = useApiErrorText();
  const [live, setLive] = useState(true);
  const query = useMessageDetail(direction, messageId, live);

  const header = (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <Link href="/messages" className="text-sm text-brand-700 underline-offset-2 hover:underline">
        ← {t("detail.back")}
      </Link>
      <Button variant="secondary" aria-pressed={!live} onClick={() => setLive((value) => !value)}>
        <span aria-hidden="true" className={clsx("size-2 rounded-full", live ? "animate-pulse bg-emerald-500" : "bg-slate-400")} />
        {live ? t("live.pause") : t("live.resume")}
      </Button>
    </div>
  );

  if (query.isPending) return <div className="space-y-4">{header}<LoadingRows label={tc("loading")} /></div>;
  if (query.isError) return <div className="space-y-4">{header}<ErrorNotice>{errorText(query.error)}</ErrorNotice></div>;
  const detail = query.data;
  const skewMs = new Date(detail.serverNow).getTime() - query.dataUpdatedAt;
  return (
    <div className="space-y-4">
      {header}
      <h2 className="flex flex-wrap items-center gap-3 text-lg font-semibold text-slate-900">
        <DirectionBadge direction={detail.direction} />
        <span className="font-mono">{detail.message.activity ?? t("detail.unknownActivity")}</span>
        <span className="text-sm font-normal text-slate-500">{detail.direction === "inbound" ? `#${detail.message.id}` : detail.message.id}</span>
      </h2>
      <DeadlineBanner message={detail.message} skewMs={skewMs} />
      <Summary message={detail.message} />
      {detail.direction === "inbound" ? <InboundView detail={detail} skewMs={skewMs} /> : <OutboundView detail={detail} canOperate={canOperate} skewMs={skewMs} />}
    </div>
  );
}
