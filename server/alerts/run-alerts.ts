import { claimAlerts, releaseAlerts, type ClaimedAlert } from "@/server/alerts/claim-alerts";
import { composeAlert, type AlertItem } from "@/server/alerts/compose-alert";
import { sendChatAlert, type ChannelOutcome } from "@/server/alerts/send-chat-alert";
import { sendEmailAlert, type EmailChannel } from "@/server/alerts/send-email-alert";
import type { Deps } from "@/server/deps";
import { logger } from "@/server/logger";
import { readAllSettings } from "@/server/settings/settings-repository";

export type AlertChannels = { email: EmailChannel | null; chatWebhookUrl: string | null; baseUrl: string | null };

// A burst larger than this is alerted over several runs, still one message per run and channel.
const CLAIM_LIMIT = 500;

export const readAlertChannels = async (deps: Pick<Deps, "db" | "secretBox">): Promise<AlertChannels> => {
  const settings = await readAllSettings(deps);
  const smtpUrl = settings.get("alerts.smtpUrl") ?? null;
  const to = (settings.get("alerts.emailTo") ?? "").split(/[,;]/).map((part) => part.trim()).filter(Boolean);
  const from = settings.get("alerts.emailFrom") ?? senderFromSmtpUrl(smtpUrl);
  return {
    email: smtpUrl && to.length ? { smtpUrl, to, from } : null,
    chatWebhookUrl: settings.get("alerts.chatWebhookUrl") ?? null,
    baseUrl: settings.get("console.publicBaseUrl")?.replace(/\/+$/, "") ?? null,
  };
};

// Most SMTP services only relay for the account that logs in, so that is the best default sender.
const senderFromSmtpUrl = (smtpUrl: string | null): string => {
  const user = smtpUrl ? decodeURIComponent(new URL(smtpUrl).username) : "";
  return `"KooGallery Seller Console" <${user.includes("@") ? user : "koogallery-console@localhost"}>`;
};

const toItems = async (claimed: ClaimedAlert[], deps: Pick<Deps, "db">): Promise<AlertItem[]> => {
  const requestIds = [...new Set(claimed.map((alert) => alert.inboundRequestId).filter((id): id is bigint => id !== null))];
  const requests = requestIds.length
    ? await deps.db.inboundRequest.findMany({ where: { id: { in: requestIds } }, select: { id: true, activity: true } })
    : [];
  const activityOf = new Map(requests.map((request) => [request.id, request.activity]));
  return claimed.map((alert) => ({
    deliveryId: alert.deliveryId,
    state: alert.state,
    eventType: alert.eventType,
    activity: alert.inboundRequestId === null ? null : (activityOf.get(alert.inboundRequestId) ?? null),
    orderId: alert.orderId,
    instanceId: alert.instanceId,
    productCode: alert.productCode,
    lastError: alert.lastError,
    lastStatusCode: alert.lastStatusCode,
    attempts: Number(alert.attempts),
    createdAt: alert.createdAt,
  }));
};

export type AlertRun = { alerted: number; email: ChannelOutcome | null; chat: ChannelOutcome | null };

// One periodic run: claim every delivery whose alertable state changed, send one grouped message
// per configured channel, and give the claim back if no channel took it.
export const runAlerts = async (deps: Deps, channels?: AlertChannels): Promise<AlertRun> => {
  const config = channels ?? (await readAlertChannels(deps));
  // Unconfigured alerts claim nothing, so the first alert after configuring them reports what is
  // wrong right now.
  if (!config.email && !config.chatWebhookUrl) return { alerted: 0, email: null, chat: null };
  const claimed = await claimAlerts(CLAIM_LIMIT, deps);
  if (claimed.length === 0) return { alerted: 0, email: null, chat: null };
  const message = composeAlert(await toItems(claimed, deps), { baseUrl: config.baseUrl, now: deps.now() });
  const [email, chat] = await Promise.all([
    config.email ? sendEmailAlert(config.email, message) : null,
    config.chatWebhookUrl ? sendChatAlert(config.chatWebhookUrl, message) : null,
  ]);
  const outcomes = [email, chat].filter((outcome): outcome is ChannelOutcome => outcome !== null);
  for (const outcome of outcomes) if (!outcome.ok) logger.warn({ error: outcome.error, alerts: claimed.length }, "alert channel failed");
  // Any channel that delivered keeps the claim: retrying would repeat the alert on that channel.
  if (outcomes.every((outcome) => !outcome.ok)) {
    await releaseAlerts(claimed, deps);
    return { alerted: 0, email, chat };
  }
  logger.info({ alerts: claimed.length, email: email?.ok ?? null, chat: chat?.ok ?? null }, "delivery alerts sent");
  return { alerted: claimed.length, email, chat };
};
