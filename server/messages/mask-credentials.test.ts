import { describe, expect, it } from "vitest";
import { MASK, maskCredentialPairs, maskCredentialsInText, maskHeaders } from "@/server/messages/mask-credentials";

describe("credential masking in the message detail", () => {
  it.each([
    ['{"frontEndUrl":"https://t.example.com","userName":"alice","password":"s3cr\\"et"}', `{"frontEndUrl":"https://t.example.com","userName":"${MASK}","password":"${MASK}"}`],
    ['{"appInfo": {"UserName" : "QUJD", "passWord": "REVG"}}', `{"appInfo": {"UserName" : "${MASK}", "passWord": "${MASK}"}}`],
    ['{"password":12345,"pwd":true}', `{"password":"${MASK}","pwd":"${MASK}"}`],
    // An excerpt cut off in the middle of the value.
    ['{"userName":"admin","password":"abcdefgh', `{"userName":"${MASK}","password":"${MASK}"`],
    ['{"body":"{\\"password\\":\\"hunter2\\",\\"x\\":1}"}', `{"body":"{\\"password\\":\\"${MASK}\\",\\"x\\":1}"}`],
    ["activity=newInstance&userName=bob&password=x%20y&orderId=1", `activity=newInstance&userName=${MASK}&password=${MASK}&orderId=1`],
  ])("masks %s", (input, expected) => {
    expect(maskCredentialsInText(input)).toBe(expected);
  });

  it("leaves everything else alone, signatures included", () => {
    const text = '{"activity":"newInstance","orderId":"CS1","userNameHint":"x","signature":"ABCDEF","authToken":"Zm9v"}';
    expect(maskCredentialsInText(text)).toBe(text);
  });

  it("masks query pairs by name and secret headers whatever their case", () => {
    expect(maskCredentialPairs([["orderId", "1"], ["Password", "p"], ["authToken", "t"]])).toEqual([["orderId", "1"], ["Password", MASK], ["authToken", "t"]]);
    expect(maskHeaders([["Cookie", "sid=1"], ["authorization", "Bearer x"], ["body-sign", "sign_type=\"HMAC-SHA256\""]])).toEqual([
      ["Cookie", MASK],
      ["authorization", MASK],
      ["body-sign", "sign_type=\"HMAC-SHA256\""],
    ]);
  });
});
