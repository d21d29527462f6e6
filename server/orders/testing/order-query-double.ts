import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyApigRequest } from "@/lib/marketplace/koogallery/apig-signer";
import { ORDER_QUERY_PATH } from "@/lib/marketplace/koogallery/order-query";

export const DOUBLE_AK = "order-test-ak";
export const DOUBLE_SK = "order-test-sk-0123456789";

/**
 * A local stand-in for the marketplace's order-query API, for tests: it checks the APIG
 * signature exactly as the gateway would (wrong SK, AK or tampered query → MKT.0154 with HTTP
 * 401) and answers with whatever orderInfo the test put in `orders`.
 */
export const startOrderQueryDouble = async (options: { now?: () => Date } = {}) => {
  const orders = new Map<string, Record<string, unknown>>();
  const requests: { url: string; accepted: boolean; reason?: string }[] = [];
  const server = createServer((req, res) => {
    const url = `http://${req.headers.host}${req.url}`;
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])));
    const verified = verifyApigRequest({
      request: { method: req.method ?? "GET", url, headers, body: "" },
      resolveSecretKey: (ak) => (ak === DOUBLE_AK ? DOUBLE_SK : undefined),
      now: options.now?.() ?? new Date(),
    });
    requests.push({ url, accepted: verified.ok, reason: verified.ok ? undefined : verified.reason });
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (!verified.ok) return answer(401, { resultCode: "MKT.0154", resultMsg: `illegal token: ${verified.message}` });
    const parsed = new URL(url);
    if (parsed.pathname !== ORDER_QUERY_PATH) return answer(404, { resultCode: "MKT.0199", resultMsg: "no such API" });
    const order = orders.get(parsed.searchParams.get("orderId") ?? "");
    if (!order) return answer(200, { resultCode: "MKT.0000", resultMsg: "success" });
    const lineId = parsed.searchParams.get("orderLineId");
    const lines = (order.orderLine as { orderLineId: string }[]).filter((line) => !lineId || line.orderLineId === lineId);
    return answer(200, { resultCode: "MKT.0000", resultMsg: "success", orderInfo: { ...order, orderLine: lines } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    orders,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};
