import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingMessage["headers"]; body: string; at: number };
export type Responder = (request: ReceivedWebhook, index: number) => { status: number; body?: string; delayMs?: number } | "hang";

// A stand-in for the seller's SaaS: records every webhook and answers as the test says.
export const startTestSaas = async (responder: Responder) => {
  const received: ReceivedWebhook[] = [];
  const hanging: ServerResponse[] = [];
  let current = responder;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      received.push(request);
      const answer = current(request, received.length - 1);
      if (answer === "hang") {
        hanging.push(res);
        return;
      }
      setTimeout(() => {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(answer.body ?? "{}");
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/koogallery-events`,
    received,
    respondWith: (next: Responder) => {
      current = next;
    },
    close: async () => {
      hanging.forEach((res) => res.destroy());
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};
