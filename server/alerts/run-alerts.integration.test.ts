import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readAlertChannels, runAlerts, type AlertChannels } from "@/server/alerts/run-alerts";
import type { Deps } from "@/server/deps";
import { updateSettings } from "@/server/settings/update-settings";
import { createTestDatabase, testDeps, type TestDatabase } from "@/test/support/test-database";

// Alerts through a real SMTP conversation (smtp-server on loopback, nodemailer as the client) and
// a real HTTP chat webhook, on the database the delivery engine uses.

type Mail = { envelopeTo: string[]; authUser: string | null; subject: string; text: string };
type ChatPost = { body: Record<string, unknown>; text: string };

// Just enough MIME to read what nodemailer writes: RFC 2047 words in the subject and a
// quoted-printable or base64 text body.
const decodeWords = (value: string) =>
  value.replace(/\s*=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, encoding: string, data: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(data.replaceAll("_", " ").replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
  );

const parseMail = (raw: string): { subject: string; text: string } => {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1] ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? Buffer.from(body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8")
        : body;
  return { subject: decodeWords(header("Subject")), text };
};

const startSmtp = async () => {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          authUser: typeof session.user === "string" ? session.user : null,
          ...parseMail(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { mails, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

const startChat = async () => {
  const posts: ChatPost[] = [];
  let answer = { status: 200, body: '{"code":0,"msg":"success"}' };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      posts.push({ body, text: String(body.text) });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    posts,
    url: `http://127.0.0.1:${port}/open-apis/bot/v2/hook/test-token`,
    answerWith: (next: typeof answer) => (answer = next),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

const closedPort = async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

let testDb: TestDatabase;
let deps: Deps;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let chat: Awaited<ReturnType<typeof startChat>>;
const BASE_URL = "https://console.example.com";

const failingDelivery = async (overrides: Partial<{ eventType: string; status: string; roundAttempts: number; lastError: string | null; createdAt: Date; inboundRequestId: bigint }> = {}) => {
  const id = randomUUID();
  const orderId = `CS${randomUUID().replaceAll("-", "").slice(0, 16).toUpperCase()}`;
  const instanceId = randomUUID().replaceAll("-", "");
  await testDb.db.delivery.create({
    data: {
      id,
      eventType: overrides.eventType ?? "instance.created",
      adapter: "webhook",
      instanceId,
      orderKey: instanceId,
      orderId,
      productCode: "00301-ALERT-TEST",
      payload: {},
      status: overrides.status ?? "pending",
      attempts: overrides.roundAttempts ?? 1,
      roundAttempts: overrides.roundAttempts ?? 1,
      lastError: overrides.lastError === undefined ? "the endpoint answered HTTP 500" : overrides.lastError,
      lastStatusCode: 500,
      nextAttemptAt: new Date(Date.now() + 60_000),
      inboundRequestId: overrides.inboundRequestId ?? null,
      createdAt: overrides.createdAt ?? new Date(),
    },
  });
  return { id, orderId, instanceId };
};

const alertedStateOf = async (id: string) => (await testDb.db.delivery.findUniqueOrThrow({ where: { id } })).alertedState;

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = testDeps(testDb.db);
  [smtp, chat] = await Promise.all([startSmtp(), startChat()]);
  await updateSettings(
    {
      "alerts.emailTo": "ops@example.com, oncall@example.com",
      "alerts.smtpUrl": `smtp://alerts%40example.com:s3cret%2Fpass@127.0.0.1:${smtp.port}`,
      "alerts.chatWebhookUrl": chat.url,
      "console.publicBaseUrl": `${BASE_URL}/`,
    },
    null,
    null,
    deps,
  );
});

afterAll(async () => {
  await Promise.all([smtp?.close(), chat?.close()]);
  await testDb?.close();
});

beforeEach(async () => {
  await testDb.db.delivery.deleteMany();
  smtp.mails.length = 0;
  chat.posts.length = 0;
  chat.answerWith({ status: 200, body: '{"code":0,"msg":"success"}' });
});

describe(`delivery alerts on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("reads the channels from Settings, SMTP credentials and all", async () => {
    const channels = await readAlertChannels(deps);
    expect(channels.email).toEqual({
      smtpUrl: `smtp://alerts%40example.com:s3cret%2Fpass@127.0.0.1:${smtp.port}`,
      to: ["ops@example.com", "oncall@example.com"],
      from: '"KooGallery Seller Console" <alerts@example.com>',
    });
    expect(channels.chatWebhookUrl).toBe(chat.url);
    expect(channels.baseUrl).toBe(BASE_URL);
  });

  it("a first failure sends one e-mail and one chat message with activity, order, instance, error and link", async () => {
    const request = await testDb.db.inboundRequest.create({
      data: { method: "GET", path: "/api/koogallery", body: Buffer.alloc(0), bodySize: 0, activity: "newInstance" },
    });
    const delivery = await failingDelivery({ inboundRequestId: request.id });

    const run = await runAlerts(deps);

    expect(run).toMatchObject({ alerted: 1, email: { ok: true }, chat: { ok: true } });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.authUser).toBe("alerts@example.com");
    expect(mail.envelopeTo).toEqual(["ops@example.com", "oncall@example.com"]);
    expect(mail.subject).toBe(`[KooGallery] 首次投递失败 First failure: instance.created ${delivery.orderId}`);
    for (const text of [mail.text, chat.posts[0]!.text]) {
      expect(text).toContain("instance.created (newInstance)");
      expect(text).toContain(`订单 Order: ${delivery.orderId}`);
      expect(text).toContain(`实例 Instance: ${delivery.instanceId}`);
      expect(text).toContain("错误 Error: the endpoint answered HTTP 500 [HTTP 500]");
      expect(text).toContain(`${BASE_URL}/messages/outbound/${delivery.id}`);
    }
    expect(chat.posts).toHaveLength(1);
    expect(chat.posts[0]!.body).toMatchObject({ msg_type: "text", content: { text: chat.posts[0]!.text } });
    expect(await alertedStateOf(delivery.id)).toBe("first_failure");
  });

  it("the same state again sends nothing, even after more failed attempts", async () => {
    const delivery = await failingDelivery();
    await runAlerts(deps);
    await testDb.db.delivery.update({ where: { id: delivery.id }, data: { roundAttempts: 3, attempts: 3, lastError: "no answer within 5000 ms" } });
    await runAlerts(deps);
    await runAlerts(deps);
    expect(smtp.mails).toHaveLength(1);
    expect(chat.posts).toHaveLength(1);
  });

  it("a dead letter after the first failure sends another alert", async () => {
    const delivery = await failingDelivery();
    await runAlerts(deps);
    await testDb.db.delivery.update({ where: { id: delivery.id }, data: { status: "dead", roundAttempts: 7, attempts: 7 } });

    const run = await runAlerts(deps);

    expect(run.alerted).toBe(1);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.subject).toBe(`[KooGallery] 死信 Dead letter: instance.created ${delivery.orderId}`);
    expect(smtp.mails[1]!.text).toContain("7 次尝试 attempts");
    expect(await alertedStateOf(delivery.id)).toBe("dead");
    await runAlerts(deps);
    expect(smtp.mails).toHaveLength(2);
  });

  it("ten deliveries failing at once make one grouped message per channel", async () => {
    const deliveries = await Promise.all(Array.from({ length: 10 }, () => failingDelivery({ eventType: "instance.renewed" })));

    const run = await runAlerts(deps);

    expect(run.alerted).toBe(10);
    expect(smtp.mails).toHaveLength(1);
    expect(chat.posts).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toBe("[KooGallery] 10 条投递告警 delivery alerts: 10 条首次失败 / 10 failing");
    for (const delivery of deliveries) {
      expect(smtp.mails[0]!.text).toContain(`/messages/outbound/${delivery.id}`);
      expect(chat.posts[0]!.text).toContain(delivery.orderId);
    }
  });

  it("a new purchase still undone with less than 30 minutes to the marketplace deadline is alerted once", async () => {
    const old = new Date(Date.now() - (2 * 60 + 40) * 60_000);
    const waiting = await failingDelivery({ status: "awaiting_operator", roundAttempts: 0, lastError: null, createdAt: old });
    const renewal = await failingDelivery({ eventType: "instance.renewed", roundAttempts: 0, lastError: null, createdAt: old });
    const young = await failingDelivery({ roundAttempts: 0, lastError: null, createdAt: new Date(Date.now() - 2 * 3_600_000) });

    await runAlerts(deps);
    await runAlerts(deps);

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toContain("临近云商店截止时间 Marketplace deadline near");
    expect(smtp.mails[0]!.text).toMatch(/还剩 (19|20) 分钟 (19|20) min left/);
    expect(await alertedStateOf(waiting.id)).toBe("deadline_near");
    expect(await alertedStateOf(renewal.id)).toBeNull();
    expect(await alertedStateOf(young.id)).toBeNull();
  });

  it("two workers alerting at the same moment never send the same alert twice", async () => {
    const deliveries = await Promise.all(Array.from({ length: 12 }, () => failingDelivery()));

    const runs = await Promise.all([runAlerts(deps), runAlerts(deps), runAlerts(deps)]);

    expect(runs.reduce((sum, run) => sum + run.alerted, 0)).toBe(12);
    const mentioned = smtp.mails.flatMap((mail) => [...mail.text.matchAll(/\/messages\/outbound\/([0-9a-f-]{36})/g)].map((match) => match[1]));
    expect(mentioned.sort()).toEqual(deliveries.map((delivery) => delivery.id).sort());
  });

  it("when every channel fails the alert is kept for the next run; one working channel is enough", async () => {
    const delivery = await failingDelivery();
    const port = await closedPort();
    const broken: AlertChannels = {
      email: { smtpUrl: `smtp://127.0.0.1:${port}`, to: ["ops@example.com"], from: "alerts@example.com" },
      chatWebhookUrl: `http://127.0.0.1:${port}/hook`,
      baseUrl: BASE_URL,
    };

    const failed = await runAlerts(deps, broken);

    expect(failed.alerted).toBe(0);
    expect(failed.email).toMatchObject({ ok: false, error: expect.stringContaining("ECONNREFUSED") });
    expect(failed.chat).toMatchObject({ ok: false, error: expect.stringContaining(`ECONNREFUSED 127.0.0.1:${port}`) });
    expect(await alertedStateOf(delivery.id)).toBeNull();

    // Feishu says no in a 200 answer: that is a failure too, but the e-mail went out.
    chat.answerWith({ status: 200, body: '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}' });
    const partly = await runAlerts(deps);
    expect(partly).toMatchObject({ alerted: 1, email: { ok: true }, chat: { ok: false, error: expect.stringContaining("code 19021") } });
    expect(await alertedStateOf(delivery.id)).toBe("first_failure");
  });

  it("without any channel configured nothing is claimed", async () => {
    const delivery = await failingDelivery();
    const run = await runAlerts(deps, { email: null, chatWebhookUrl: null, baseUrl: null });
    expect(run.alerted).toBe(0);
    expect(await alertedStateOf(delivery.id)).toBeNull();
  });

  it("a re-run clears the alerted state, so the next failure is alerted again", async () => {
    const delivery = await failingDelivery();
    await runAlerts(deps);
    // What rerunDeliveries does to the row.
    await testDb.db.delivery.update({ where: { id: delivery.id }, data: { status: "pending", roundAttempts: 0, alertedState: null } });
    await runAlerts(deps);
    expect(smtp.mails).toHaveLength(1);
    await testDb.db.delivery.update({ where: { id: delivery.id }, data: { roundAttempts: 1, lastError: "the endpoint answered HTTP 502" } });
    await runAlerts(deps);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.text).toContain("the endpoint answered HTTP 502");
  });
});
