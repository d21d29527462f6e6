import { describe, expect, it } from "vitest";
import { composeAlert, MAX_DETAILED_ITEMS, type AlertItem } from "@/server/alerts/compose-alert";
import { chatAlertBody } from "@/server/alerts/send-chat-alert";

const NOW = new Date("2026-11-28T06:00:00Z");

const item = (overrides: Partial<AlertItem> = {}): AlertItem => ({
  deliveryId: "5b0f2b8e-0c4e-4a4b-9d55-0a3f1f6d2c11",
  state: "first_failure",
  eventType: "instance.created",
  activity: "newInstance",
  orderId: "CS1234567890",
  instanceId: "a1b2c3",
  productCode: "00301-DEMO",
  lastError: "the endpoint answered HTTP 503",
  lastStatusCode: 503,
  attempts: 1,
  createdAt: new Date("2026-11-28T05:59:00Z"),
  ...overrides,
});

describe("alert message", () => {
  it("lists the worst first and counts each state in both languages", () => {
    const message = composeAlert(
      [item({ deliveryId: "f1" }), item({ deliveryId: "d1", state: "dead", attempts: 7 }), item({ deliveryId: "n1", state: "deadline_near", createdAt: new Date("2026-11-28T03:10:00Z") })],
      { baseUrl: "https://console.example.com", now: NOW },
    );
    expect(message.subject).toBe("[KooGallery] 3 条投递告警 delivery alerts: 1 条死信，1 条临近截止，1 条首次失败 / 1 dead, 1 near the deadline, 1 failing");
    const order = ["d1", "n1", "f1"].map((id) => message.text.indexOf(`/messages/outbound/${id}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(0);
    // 03:10 UTC + 3 h = 06:10 UTC = 14:10 in Beijing, ten minutes from NOW.
    expect(message.text).toContain("云商店截止 Marketplace deadline: 2026-11-28 14:10 (UTC+8), 还剩 10 分钟 10 min left");
  });

  it("keeps a burst short: the first twenty in full, then a count and the message log", () => {
    const items = Array.from({ length: 45 }, (_, i) => item({ deliveryId: `id-${i}` }));
    const message = composeAlert(items, { baseUrl: "https://console.example.com", now: NOW });
    expect(message.count).toBe(45);
    expect(message.text.match(/\/messages\/outbound\//g)).toHaveLength(MAX_DETAILED_ITEMS);
    expect(message.text).toContain("……另有 25 条 / and 25 more: https://console.example.com/messages");
  });

  it("says how to make links absolute when the console's public URL is not set", () => {
    const message = composeAlert([item()], { baseUrl: null, now: NOW });
    expect(message.text).toContain("查看 Open: /messages/outbound/5b0f2b8e-0c4e-4a4b-9d55-0a3f1f6d2c11");
    expect(message.text).toContain("Settings → Console public URL");
  });
});

describe("chat webhook body", () => {
  const message = { subject: "S", text: "T", count: 1 };

  it("gives DingTalk and WeCom robots their text object", () => {
    expect(chatAlertBody("https://oapi.dingtalk.com/robot/send?access_token=x", message)).toEqual({ msgtype: "text", text: { content: "S\n\nT" } });
    expect(chatAlertBody("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", message)).toEqual({ msgtype: "text", text: { content: "S\n\nT" } });
  });

  it("gives every other URL one body that Feishu and Slack both read", () => {
    expect(chatAlertBody("https://open.feishu.cn/open-apis/bot/v2/hook/x", message)).toEqual({ msg_type: "text", content: { text: "S\n\nT" }, text: "S\n\nT" });
    expect(chatAlertBody("https://hooks.slack.com/services/T/B/x", message)).toEqual({ msg_type: "text", content: { text: "S\n\nT" }, text: "S\n\nT" });
  });
});
