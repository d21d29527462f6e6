import type { AlertMessage } from "@/server/alerts/compose-alert";

export type ChannelOutcome = { ok: true } | { ok: false; error: string };

const CHAT_TIMEOUT_MS = 10_000;

// DingTalk and WeCom robots want {"msgtype":"text","text":{"content":…}}, where "text" is an
// object; Slack (and Mattermost, Rocket.Chat…) want "text" as a string. No single body satisfies
// both, so those two hosts get their own shape and every other URL gets one body that Feishu/Lark
// ("msg_type" + "content.text") and Slack ("text") both accept, each ignoring the other's fields.
export const chatAlertBody = (url: string, message: AlertMessage): Record<string, unknown> => {
  const text = `${message.subject}\n\n${message.text}`;
  const host = new URL(url).hostname;
  if (host === "oapi.dingtalk.com" || host === "qyapi.weixin.qq.com") return { msgtype: "text", text: { content: text } };
  return { msg_type: "text", content: { text }, text };
};

// Feishu and DingTalk answer HTTP 200 even when they refuse a message (bad token, keyword check,
// rate limit) and say so in the body.
const refusalIn = (body: string): string | null => {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    for (const field of ["code", "errcode", "StatusCode"]) {
      const value = parsed[field];
      if (typeof value === "number" && value !== 0) return `${field} ${value}: ${String(parsed.msg ?? parsed.errmsg ?? parsed.StatusMessage ?? "")}`.trim();
    }
  } catch {
    // Slack answers the plain text "ok".
  }
  return null;
};

export const sendChatAlert = async (url: string, message: AlertMessage): Promise<ChannelOutcome> => {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", "user-agent": "KooGallery-Seller-Console" },
      body: JSON.stringify(chatAlertBody(url, message)),
      redirect: "manual",
      signal: AbortSignal.timeout(CHAT_TIMEOUT_MS),
    });
    const body = (await response.text()).slice(0, 2000);
    if (response.status < 200 || response.status >= 300) return { ok: false, error: `the chat webhook answered HTTP ${response.status}: ${body.slice(0, 200)}` };
    const refusal = refusalIn(body);
    return refusal ? { ok: false, error: `the chat webhook refused the message (${refusal})` } : { ok: true };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { ok: false, error: `could not post to the chat webhook${cause || (error instanceof Error ? `: ${error.message}` : "")}` };
  }
};
