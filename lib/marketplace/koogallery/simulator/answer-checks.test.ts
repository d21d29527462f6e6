import { describe, expect, it } from "vitest";
import { encryptCredential } from "../aes-credentials";
import { computeBodySign, formatBodySignHeader } from "../body-sign";
import { checkAnswer, type HttpExchange } from "./answer-checks";

const KEY = "xxxxxxx";

const answered = (body: string, headers: Record<string, string> = {}, status = 200): HttpExchange => ({
  kind: "answered",
  status,
  headers: { "content-type": "application/json", ...headers },
  body,
  latencyMs: 3,
});

const signed = (value: unknown, key = KEY): HttpExchange => {
  const body = JSON.stringify(value);
  return answered(body, { "body-sign": formatBodySignHeader(computeBodySign(body, key)) });
};

describe("the debugging tool's checks on an answer (§9)", () => {
  it("accepts the §2.3 Body-Sign vector as computed by the spec, not by our signer", () => {
    const body = '{"resultCode":"000000","resultMsg":"success."}';
    const header = 'sign_type="HMAC-SHA256", signature="YB9MRaDz8ENM8JzoKzW8YT4yUrcMdby3kM31MTz8tO4="';
    const verdict = checkAnswer({ generation: "v1", activity: "expireInstance", exchange: answered(body, { "Body-Sign": header }), key: KEY });
    expect(verdict).toMatchObject({ verdict: "pass", error: null, resultCode: "000000" });
    expect(verdict.checks.map((c) => c.name)).toEqual(["reachable", "httpStatus", "contentType", "parseBody", "bodySign", "resultCode", "requiredFields", "credentials"]);
  });

  it.each([
    ["unreachable", { kind: "unreachable", detail: "ECONNREFUSED", latencyMs: 1 } as HttpExchange, "生产地址不可达"],
    ["timeout", { kind: "timeout", timeoutMs: 20_000, latencyMs: 20_000 } as HttpExchange, "调用接口超时20s"],
    ["HTTP 500", answered("oops", {}, 500), "接口响应httpCode=500"],
    ["text/plain", answered('{"resultCode":"000000","resultMsg":"ok"}', { "content-type": "text/plain" }), "响应content-type格式错误"],
    ["not JSON", answered("<html>"), "解析响应体失败"],
    ["no resultMsg", answered('{"resultCode":"000000"}'), "解析响应体失败"],
  ])("reports %s in the marketplace's words", (_, exchange, message) => {
    const verdict = checkAnswer({ generation: "v2", activity: "releaseInstance", exchange, key: KEY });
    expect(verdict.verdict).toBe("fail");
    expect(verdict.error).toBe(message);
  });

  it("takes application/json with a charset parameter", () => {
    const exchange = answered('{"resultCode":"000000","resultMsg":"ok"}', { "content-type": "application/json;charset=UTF-8" });
    expect(checkAnswer({ generation: "v2", activity: "releaseInstance", exchange, key: KEY }).verdict).toBe("pass");
  });

  it("requires Body-Sign on V1 and checks it on V2 only when present", () => {
    const plain = answered('{"resultCode":"000000","resultMsg":"ok"}');
    expect(checkAnswer({ generation: "v1", activity: "releaseInstance", exchange: plain, key: KEY }).error).toBe(
      "sign_type is not equals HMAC-SHA256 or signature is empty",
    );
    expect(checkAnswer({ generation: "v2", activity: "releaseInstance", exchange: plain, key: KEY }).verdict).toBe("pass");
    const wrongKey = signed({ resultCode: "000000", resultMsg: "ok" }, "another-key");
    const verdict = checkAnswer({ generation: "v2", activity: "releaseInstance", exchange: wrongKey, key: KEY });
    expect(verdict.error).toMatch(/^响应Http Body签名校验失败,预期的签名值:/);
  });

  it("fails a non-success resultCode, but takes V2 newInstance 000004 as opening asynchronously", () => {
    const refused = checkAnswer({ generation: "v1", activity: "refreshInstance", exchange: signed({ resultCode: "000003", resultMsg: "instance is invalid" }), key: KEY });
    expect(refused).toMatchObject({ verdict: "fail", error: "调用失败,生产接口resultCode返回错误.", resultCode: "000003" });
    const pending = checkAnswer({ generation: "v2", activity: "newInstance", exchange: signed({ resultCode: "000004", resultMsg: "in progress", instanceId: "i-1" }), key: KEY });
    expect(pending).toMatchObject({ verdict: "pass", isAsync: true });
    const v1Pending = checkAnswer({ generation: "v1", activity: "newInstance", exchange: signed({ resultCode: "000004", resultMsg: "in progress", instanceId: "i-1" }), key: KEY });
    expect(v1Pending.verdict).toBe("fail");
  });

  it("names the missing field of a new purchase or a query", () => {
    const check = (activity: string, answer: unknown, requireUsage = false) =>
      checkAnswer({ generation: "v1", activity, exchange: signed(answer), key: KEY, requireUsage }).error;
    expect(check("newInstance", { resultCode: "000000", resultMsg: "ok", appInfo: { frontEndUrl: "https://a" } })).toBe("调测失败,接口响应缺少instanceId.");
    expect(check("newInstance", { resultCode: "000000", resultMsg: "ok", instanceId: "i" })).toBe("调测失败,接口响应缺少frontEndUrl.");
    expect(check("queryInstance", { resultCode: "000000", resultMsg: "ok", info: [{}] })).toBe("调测失败,接口响应缺少instanceId.");
    expect(check("queryInstance", { resultCode: "000000", resultMsg: "ok", info: [{ instanceId: "i", usageInfo: [{ usageValue: 1 }] }] })).toBe(
      "调测失败,接口响应缺少statisticalTime.",
    );
    expect(check("queryInstance", { resultCode: "000000", resultMsg: "ok", info: [{ instanceId: "i" }] }, true)).toBe("调测失败,接口响应缺少usageInfo.");
    expect(check("getLicense", { resultCode: "000000", resultMsg: "ok" })).toBe("调测失败,接口响应缺少license.");
  });

  it("decrypts the credentials with the §2.6 vector and shows them; refuses ones that do not decrypt", () => {
    const userName = "abcdefgh12345678MZgye9ZJ/7vYk/loNYGkvg==";
    const password = encryptCredential("pa55-word", KEY, { encryptType: "1" });
    const ok = checkAnswer({
      generation: "v1",
      activity: "newInstance",
      exchange: signed({ resultCode: "000000", resultMsg: "ok", instanceId: "i-9", encryptType: "1", appInfo: { frontEndUrl: "https://a", userName, password } }),
      key: KEY,
    });
    expect(ok.verdict).toBe("pass");
    expect(ok.credentials).toEqual([{ instanceId: "i-9", userName: "15905222222", password: "pa55-word" }]);

    const otherKey = encryptCredential("someone", "not-the-key");
    const bad = checkAnswer({
      generation: "v1",
      activity: "newInstance",
      exchange: signed({ resultCode: "000000", resultMsg: "ok", instanceId: "i-9", appInfo: { frontEndUrl: "https://a", userName: otherKey } }),
      key: KEY,
    });
    expect(bad).toMatchObject({ verdict: "fail", error: "调测失败,接口响应appInfo.userName无法解密." });
    const long = checkAnswer({
      generation: "v1",
      activity: "newInstance",
      exchange: signed({ resultCode: "000000", resultMsg: "ok", instanceId: "i", appInfo: { frontEndUrl: "https://a", password: "x".repeat(129) } }),
      key: KEY,
    });
    expect(long.error).toBe("调测失败,接口响应appInfo.password超过128个字符.");
  });
});
