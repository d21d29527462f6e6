import { describe, expect, it } from "vitest";
import { decodeSaasExtendParams, encodeSaasExtendParams, saasExtendParamsToRecord } from "./saas-extend-params";

// Base64 values produced with: printf '%s' '<json>' | base64 -w0
const SPEC_JSON_B64 =
  "W3sibmFtZSI6ImlkTnVtIiwidmFsdWUiOiIzNTIyNTU1NTU1NTU2NTYifSx7Im5hbWUiOiJ1c2VyTmFtZSIsInZhbHVlIjoiaHVhd2VpMTIzIn0seyJuYW1lIjoiY3VzdEVtYWlsIiwidmFsdWUiOiIxMjNAaHVhd2VpLmNvbSJ9XQ==";
const SPEC_PARAMS = [
  { name: "idNum", value: "352255555555656" },
  { name: "userName", value: "huawei123" },
  { name: "custEmail", value: "123@huawei.com" },
];
const PLUS_SLASH_B64 = "W3sibmFtZSI6ImEiLCJ2YWx1ZSI6Ij4+Pj8/PyJ9XQ=="; // [{"name":"a","value":">>>???"}]

describe("decodeSaasExtendParams", () => {
  it.each([
    ["spec §8 example", SPEC_JSON_B64, SPEC_PARAMS],
    ["Chinese names and values", "W3sibmFtZSI6IuWFrOWPuCIsInZhbHVlIjoi5Y2O5Li6PysvIn1d", [{ name: "公司", value: "华为?+/" }]],
    ["value still percent-encoded once more", encodeURIComponent(SPEC_JSON_B64), SPEC_PARAMS],
    ["'+' turned into spaces", PLUS_SLASH_B64.replace(/\+/g, " "), [{ name: "a", value: ">>>???" }]],
    ["URL-safe alphabet without padding", PLUS_SLASH_B64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), [{ name: "a", value: ">>>???" }]],
    ["numeric value", Buffer.from('[{"name":"n","value":3}]').toString("base64"), [{ name: "n", value: "3" }]],
    ["empty array", Buffer.from("[]").toString("base64"), []],
  ])("%s", (_name, value, params) => {
    expect(decodeSaasExtendParams(value)).toEqual({ ok: true, params });
  });

  it.each([
    ["empty", "", "not valid Base64"],
    ["not Base64", "***", "not valid Base64"],
    ["bad percent-escape", "%E4%zz", "invalid percent-escape"],
    ["not UTF-8", Buffer.from([0xff, 0xfe]).toString("base64"), "does not decode to UTF-8"],
    ["not JSON", Buffer.from("name=a").toString("base64"), "does not decode to JSON"],
    ["an object, not an array", Buffer.from('{"name":"a","value":"b"}').toString("base64"), "must decode to a JSON array"],
    ["item not an object", Buffer.from('["a"]').toString("base64"), "saasExtendParams[0] must be an object"],
    ["missing name", Buffer.from('[{"value":"b"}]').toString("base64"), "saasExtendParams[0].name must be a non-empty string"],
    ["object value", Buffer.from('[{"name":"a","value":{}}]').toString("base64"), "saasExtendParams[0].value must be a string"],
    ["duplicate name", Buffer.from('[{"name":"a","value":"1"},{"name":"a","value":"2"}]').toString("base64"), 'the name "a" twice'],
  ])("rejects %s", (_name, value, fragment) => {
    const result = decodeSaasExtendParams(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });
});

describe("encodeSaasExtendParams", () => {
  it("produces the same Base64 as the shell for the spec example", () => {
    expect(encodeSaasExtendParams(SPEC_PARAMS)).toBe(SPEC_JSON_B64);
  });

  it("turns params into a lookup record", () => {
    expect(saasExtendParamsToRecord(SPEC_PARAMS)).toEqual({
      idNum: "352255555555656",
      userName: "huawei123",
      custEmail: "123@huawei.com",
    });
  });
});
