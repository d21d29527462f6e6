import type { AlertMessage } from "@/server/alerts/compose-alert";
import { readAlertChannels, type AlertChannels } from "@/server/alerts/run-alerts";
import { sendChatAlert } from "@/server/alerts/send-chat-alert";
import { sendEmailAlert } from "@/server/alerts/send-email-alert";
import type { Deps } from "@/server/deps";
import { logger } from "@/server/logger";

export type DialFailure = { productKey: string; caseKey: string; activity: string; verdict: string; error: string | null };

const MAX_LISTED = 20;

const formatTime = (date: Date) =>
  `${new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(date)} (UTC+8)`;

// Like the delivery alerts, read by people of either language: both, Chinese first.
export const composeDialAlert = (
  input: { targetUrl: string; failures: DialFailure[]; passed: number; consecutiveFailedRuns: number; startedAt: Date },
  baseUrl: string | null,
): AlertMessage => {
  const count = input.failures.length;
  const subject = `[KooGallery] 拨测失败 Dial test failed: ${count} 个用例 case${count === 1 ? "" : "s"} — ${input.targetUrl}`;
  const lines = [
    `生产地址 Production address: ${input.targetUrl}`,
    `时间 Run at: ${formatTime(input.startedAt)}`,
    `结果 Result: ${input.passed} 通过 passed, ${count} 失败 failed · 连续失败 ${input.consecutiveFailedRuns} 次 consecutive failed runs`,
    "真实云商店连续 5 天拨测失败会冻结交易并下架商品。 On the real marketplace, five days of failed dial tests freeze trading and may delist the product.",
    "",
    ...input.failures.slice(0, MAX_LISTED).map((f) => `✗ ${f.productKey} ${f.caseKey} (${f.activity}): ${f.error ?? f.verdict}`),
  ];
  if (count > MAX_LISTED) lines.push(`… 另有 ${count - MAX_LISTED} 个 and ${count - MAX_LISTED} more`);
  lines.push("", `查看 Open: ${baseUrl ?? ""}/simulator`);
  return { subject, text: lines.join("\n"), count };
};

/**
 * A failed dial-test run goes out through the console's alert channels (email, chat webhook), as a
 * failed delivery does. Returns what is recorded on the run.
 */
export const alertDialFailure = async (
  input: Parameters<typeof composeDialAlert>[0],
  deps: Pick<Deps, "db" | "secretBox">,
  channels?: AlertChannels,
): Promise<string> => {
  const config = channels ?? (await readAlertChannels(deps));
  if (!config.email && !config.chatWebhookUrl) {
    logger.warn({ targetUrl: input.targetUrl, failed: input.failures.length }, "simulator dial test failed; no alert channel is configured");
    return "no-channel";
  }
  const message = composeDialAlert(input, config.baseUrl);
  const [email, chat] = await Promise.all([
    config.email ? sendEmailAlert(config.email, message) : null,
    config.chatWebhookUrl ? sendChatAlert(config.chatWebhookUrl, message) : null,
  ]);
  const errors = [email, chat].flatMap((outcome) => (outcome && !outcome.ok ? [outcome.error] : []));
  const delivered = [email, chat].some((outcome) => outcome?.ok);
  if (errors.length) logger.warn({ targetUrl: input.targetUrl, errors }, "simulator dial test alert: a channel failed");
  return delivered ? "sent" : errors.join("; ").slice(0, 500);
};
