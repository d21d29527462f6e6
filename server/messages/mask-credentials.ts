// The message detail shows raw traffic to anyone who may read the console (viewers included), so
// the tenant credentials in it (the SaaS's answer to instance.created, the appInfo answered to the
// marketplace) are always masked. Signatures and tokens are not secrets: an operator needs them
// to understand a verification failure.
export const MASK = "••••";

const CREDENTIAL_KEY = "(?:user_?name|pass_?word|passwd|pwd)";

// `"password": "…"` (also cut short at the end of an excerpt) and its escaped form inside a
// JSON string; number and boolean values too.
const JSON_VALUE = new RegExp(`("${CREDENTIAL_KEY}"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*(?:"|$)|-?\\d[\\d.eE+-]*|true|false)`, "gi");
const ESCAPED_JSON_VALUE = new RegExp(`(\\\\"${CREDENTIAL_KEY}\\\\"\\s*:\\s*)(\\\\"(?:[^"\\\\]|\\\\[^"])*?(?:\\\\"|$))`, "gi");
const FORM_VALUE = new RegExp(`((?:^|[?&])${CREDENTIAL_KEY}=)([^&#\\s]*)`, "gi");

export const maskCredentialsInText = (text: string): string =>
  text
    .replace(JSON_VALUE, (_, key: string) => `${key}"${MASK}"`)
    .replace(ESCAPED_JSON_VALUE, (_, key: string) => `${key}\\"${MASK}\\"`)
    .replace(FORM_VALUE, (_, key: string) => `${key}${MASK}`);

const CREDENTIAL_NAME = new RegExp(`^${CREDENTIAL_KEY}$`, "i");

export const maskCredentialPairs = (pairs: [string, string][]): [string, string][] =>
  pairs.map(([key, value]) => [key, CREDENTIAL_NAME.test(key) ? MASK : value]);

// Dropped when stored; masked here too for rows stored before that rule, or by another path.
const SECRET_HEADERS = new Set(["cookie", "set-cookie", "authorization", "proxy-authorization", "x-api-key"]);

export const maskHeaders = (headers: [string, string][]): [string, string][] =>
  headers.map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? MASK : maskCredentialsInText(value)]);
