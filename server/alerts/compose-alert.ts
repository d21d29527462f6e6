import { ALERT_STATE_RANK, deadlineOf, type AlertState } from "@/server/alerts/alert-states";

export type AlertItem = {
  deliveryId: string;
  state: AlertState;
  eventType: string;
  // The marketplace activity (newInstance, refreshInstance…) of the callback behind the event.
  activity: string | null;
  orderId: string | null;
  instanceId: string | null;
  productCode: string | null;
  lastError: string | null;
  lastStatusCode: number | null;
  attempts: number;
  createdAt: Date;
};

export type AlertMessage = { subject: string; text: string; count: number };

// One message lists at most this many in full; a burst of hundreds still makes one short message.
export const MAX_DETAILED_ITEMS = 20;

// Alerts reach people who may read either language, and have no locale of their own: every
// label is given in both, Chinese first (the console's default).
const STATE_LABEL: Record<AlertState, string> = {
  dead: "死信 Dead letter",
  deadline_near: "临近云商店截止时间 Marketplace deadline near",
  first_failure: "首次投递失败 First failure",
};

const SUMMARY_LABEL: Record<AlertState, [string, string]> = {
  dead: ["条死信", "dead"],
  deadline_near: ["条临近截止", "near the deadline"],
  first_failure: ["条首次失败", "failing"],
};

const formatTime = (date: Date) =>
  `${new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(date)} (UTC+8)`;

export const messageLink = (baseUrl: string | null, deliveryId: string) => `${baseUrl ?? ""}/messages/outbound/${deliveryId}`;

const describeItem = (item: AlertItem, baseUrl: string | null, now: Date): string => {
  const lines = [`【${STATE_LABEL[item.state]}】 ${item.eventType}${item.activity ? ` (${item.activity})` : ""}`];
  lines.push(`  订单 Order: ${item.orderId ?? "—"}`);
  lines.push(`  实例 Instance: ${item.instanceId ?? "—"}`);
  if (item.productCode) lines.push(`  商品 Product: ${item.productCode}`);
  if (item.lastError) {
    const status = item.lastStatusCode ? ` [HTTP ${item.lastStatusCode}]` : "";
    lines.push(`  错误 Error: ${item.lastError.slice(0, 300)}${status} · ${item.attempts} 次尝试 attempt${item.attempts === 1 ? "" : "s"}`);
  }
  const deadline = deadlineOf(item.eventType, item.createdAt);
  if (deadline && item.state !== "first_failure") {
    const minutes = Math.round((deadline.getTime() - now.getTime()) / 60_000);
    const left = minutes > 0 ? `还剩 ${minutes} 分钟 ${minutes} min left` : "已过 passed";
    lines.push(`  云商店截止 Marketplace deadline: ${formatTime(deadline)}, ${left}`);
  }
  lines.push(`  查看 Open: ${messageLink(baseUrl, item.deliveryId)}`);
  return lines.join("\n");
};

// One message for everything claimed in one run, worst first.
export const composeAlert = (items: AlertItem[], options: { baseUrl: string | null; now: Date }): AlertMessage => {
  const sorted = [...items].sort((a, b) => ALERT_STATE_RANK[a.state] - ALERT_STATE_RANK[b.state] || a.createdAt.getTime() - b.createdAt.getTime());
  const counts = (Object.keys(SUMMARY_LABEL) as AlertState[])
    .map((state) => [state, sorted.filter((item) => item.state === state).length] as const)
    .filter(([, count]) => count > 0);
  const zh = counts.map(([state, count]) => `${count} ${SUMMARY_LABEL[state][0]}`).join("，");
  const en = counts.map(([state, count]) => `${count} ${SUMMARY_LABEL[state][1]}`).join(", ");
  const subject =
    sorted.length === 1
      ? `[KooGallery] ${STATE_LABEL[sorted[0]!.state]}: ${sorted[0]!.eventType} ${sorted[0]!.orderId ?? sorted[0]!.instanceId ?? ""}`.trim()
      : `[KooGallery] ${sorted.length} 条投递告警 delivery alerts: ${zh} / ${en}`;
  const detailed = sorted.slice(0, MAX_DETAILED_ITEMS);
  const rest = sorted.length - detailed.length;
  const parts = [
    `云商店商家控制台 · KooGallery Seller Console`,
    `${sorted.length} 条接口消息需要处理 / ${sorted.length} message${sorted.length === 1 ? " needs" : "s need"} attention: ${zh} / ${en}`,
    ...detailed.map((item) => describeItem(item, options.baseUrl, options.now)),
  ];
  if (rest > 0) parts.push(`……另有 ${rest} 条 / and ${rest} more: ${options.baseUrl ?? ""}/messages`);
  if (!options.baseUrl) parts.push("（在 设置 → 控制台公网地址 中填写地址后，链接可直接点击 / Set Settings → Console public URL to make the links clickable.）");
  return { subject, text: parts.join("\n\n"), count: sorted.length };
};
