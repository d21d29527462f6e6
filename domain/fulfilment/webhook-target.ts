// Where a webhook may go. The console POSTs to URLs an operator typed in; without this rule a
// product's webhook URL (or "send test event") could reach the console's own loopback services,
// the private network behind it or the cloud metadata endpoint (credentials!). Checked against the
// address actually connected to, after DNS resolution, so a name that resolves to an internal
// address (DNS rebinding) is refused as well as a literal one.

export type AddressKind = "public" | "loopback" | "private" | "link-local" | "metadata" | "unspecified" | "multicast" | "reserved";

export type ParsedAddress = { version: 4; value: number } | { version: 6; value: bigint };

type Range = { version: 4 | 6; base: bigint; bits: number };
export type AllowList = { privateRanges: boolean; ranges: Range[] };

// ---------------------------------------------------------------------------------------------
// Parsing (no Node APIs: pure)

export const parseIPv4 = (text: string): number | null => {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255 || (part.length > 1 && part.startsWith("0"))) return null;
    value = value * 256 + octet;
  }
  return value;
};

export const parseIPv6 = (input: string): bigint | null => {
  let text = input.startsWith("[") && input.endsWith("]") ? input.slice(1, -1) : input;
  // A zone (fe80::1%eth0) names the interface, not the address.
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  if (!text.includes(":")) return null;
  let tail: number[] = [];
  // A trailing dotted quad (::ffff:127.0.0.1) stands for the last two groups.
  const lastColon = text.lastIndexOf(":");
  const last = text.slice(lastColon + 1);
  if (last.includes(".")) {
    const v4 = parseIPv4(last);
    if (v4 === null) return null;
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groupsOf(halves[0]!);
  const rest = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const total = head.length + rest.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  const groups = [...head, ...Array.from({ length: 8 - total }, () => "0"), ...rest];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  if (tail.length) value = (value & ~0xffffffffn) | (BigInt(tail[0]!) << 16n) | BigInt(tail[1]!);
  return value;
};

export const parseAddress = (text: string): ParsedAddress | null => {
  const v4 = parseIPv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = parseIPv6(text);
  return v6 === null ? null : { version: 6, value: v6 };
};

const formatIPv4 = (value: number) => [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");

// ---------------------------------------------------------------------------------------------
// Classification

const v4 = (cidr: string): Range => {
  const [address, bits] = cidr.split("/");
  return { version: 4, base: BigInt(parseIPv4(address!)!), bits: Number(bits) };
};
const v6 = (cidr: string): Range => {
  const [address, bits] = cidr.split("/");
  return { version: 6, base: parseIPv6(address!)!, bits: Number(bits) };
};

const inRange = (range: Range, address: ParsedAddress): boolean => {
  if (range.version !== address.version) return false;
  const width = range.version === 4 ? 32n : 128n;
  const shift = width - BigInt(range.bits);
  return BigInt(address.value) >> shift === range.base >> shift;
};

// Most specific first: the metadata address lies inside link-local, and so on.
const IPV4_RANGES: [Range, AddressKind][] = [
  [v4("169.254.169.254/32"), "metadata"], // AWS, Huawei Cloud, Azure, GCP, OpenStack
  [v4("100.100.100.200/32"), "metadata"], // Alibaba Cloud
  [v4("0.0.0.0/8"), "unspecified"],
  [v4("127.0.0.0/8"), "loopback"],
  [v4("10.0.0.0/8"), "private"],
  [v4("172.16.0.0/12"), "private"],
  [v4("192.168.0.0/16"), "private"],
  [v4("100.64.0.0/10"), "private"], // carrier-grade NAT
  [v4("169.254.0.0/16"), "link-local"],
  [v4("192.0.0.0/24"), "reserved"],
  [v4("192.0.2.0/24"), "reserved"],
  [v4("198.18.0.0/15"), "reserved"],
  [v4("198.51.100.0/24"), "reserved"],
  [v4("203.0.113.0/24"), "reserved"],
  [v4("224.0.0.0/4"), "multicast"],
  [v4("240.0.0.0/4"), "reserved"], // includes 255.255.255.255
];

const IPV6_RANGES: [Range, AddressKind][] = [
  [v6("fd00:ec2::254/128"), "metadata"], // AWS over IPv6
  [v6("::/128"), "unspecified"],
  [v6("::1/128"), "loopback"],
  [v6("fc00::/7"), "private"], // unique local
  [v6("fe80::/10"), "link-local"],
  [v6("fec0::/10"), "private"], // site-local (deprecated)
  [v6("ff00::/8"), "multicast"],
  [v6("2001:db8::/32"), "reserved"],
  [v6("100::/64"), "reserved"], // discard
];

// IPv6 forms that carry an IPv4 address reach that IPv4 host: judged as it.
const embeddedIPv4 = (value: bigint): number | null => {
  const high96 = value >> 32n;
  const low32 = Number(value & 0xffffffffn);
  if (high96 === 0xffffn) return low32; // ::ffff:a.b.c.d (mapped)
  if (high96 === 0n && value > 1n) return low32; // ::a.b.c.d (compatible, deprecated)
  if (high96 === 0x64ff9b0000000000000000n) return low32; // 64:ff9b::/96 (NAT64)
  if (value >> 112n === 0x2002n) return Number((value >> 80n) & 0xffffffffn); // 2002:a.b.c.d::/48 (6to4)
  return null;
};

// An IPv6 address standing for an IPv4 one becomes that IPv4 address, for rules and allow-lists.
export const normalizeAddress = (address: ParsedAddress): ParsedAddress => {
  if (address.version === 4) return address;
  const embedded = embeddedIPv4(address.value);
  return embedded === null ? address : { version: 4, value: embedded };
};

export const classifyAddress = (text: string): AddressKind | null => {
  const parsed = parseAddress(text);
  if (!parsed) return null;
  const address = normalizeAddress(parsed);
  const table = address.version === 4 ? IPV4_RANGES : IPV6_RANGES;
  return table.find(([range]) => inRange(range, address))?.[1] ?? "public";
};

// ---------------------------------------------------------------------------------------------
// The allow-list: FULFILMENT_ALLOW_PRIVATE_TARGETS

// "true" (or "all") lets loopback, private, link-local… through (the embedded demo and tests,
// whose SaaS doubles listen on 127.0.0.1); "false" or empty, none; otherwise a comma-separated
// list of addresses or CIDR ranges (10.1.0.0/16, ::1). Metadata addresses are let through only
// by a list entry that names them: "true" alone never opens the cloud's credentials endpoint.
export const parseAllowList = (text: string | undefined | null): { ok: true; allowList: AllowList } | { ok: false; error: string } => {
  const value = (text ?? "").trim().toLowerCase();
  if (value === "" || value === "false" || value === "none") return { ok: true, allowList: { privateRanges: false, ranges: [] } };
  if (value === "true" || value === "all") return { ok: true, allowList: { privateRanges: true, ranges: [] } };
  const ranges: Range[] = [];
  for (const entry of value.split(",").map((item) => item.trim()).filter(Boolean)) {
    const [addressText, bitsText, extra] = entry.split("/");
    const parsed = addressText === undefined || extra !== undefined ? null : parseAddress(addressText);
    if (!parsed) return { ok: false, error: `"${entry}" is not an IP address or CIDR range` };
    const address = normalizeAddress(parsed);
    const width = address.version === 4 ? 32 : 128;
    // A mapped IPv6 range (::ffff:10.0.0.0/104) narrows the IPv4 bits it covers.
    const rawBits = bitsText === undefined ? (parsed.version === 4 ? 32 : 128) : Number(bitsText);
    const bits = parsed.version === 6 && address.version === 4 ? rawBits - 96 : rawBits;
    if (bitsText !== undefined && !/^\d+$/.test(bitsText)) return { ok: false, error: `"${entry}" has an invalid prefix length` };
    if (!Number.isInteger(bits) || bits < 0 || bits > width) return { ok: false, error: `"${entry}" has an invalid prefix length` };
    ranges.push({ version: address.version, base: BigInt(address.value), bits });
  }
  return { ok: true, allowList: { privateRanges: false, ranges } };
};

export const NO_PRIVATE_TARGETS: AllowList = { privateRanges: false, ranges: [] };
export const ALL_PRIVATE_TARGETS: AllowList = { privateRanges: true, ranges: [] };

const DESCRIPTIONS: Record<Exclude<AddressKind, "public">, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  "link-local": "a link-local address",
  metadata: "a cloud metadata service address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

// null = the console may connect; otherwise why not, in words an operator can act on.
export const refuseTargetAddress = (addressText: string, allowList: AllowList, hostname?: string): string | null => {
  const parsed = parseAddress(addressText);
  if (!parsed) return `"${addressText}" is not an IP address`;
  const kind = classifyAddress(addressText)!;
  if (kind === "public") return null;
  const address = normalizeAddress(parsed);
  if (allowList.ranges.some((range) => inRange(range, address))) return null;
  if (allowList.privateRanges && kind !== "metadata") return null;
  const shown = address.version === 4 && parsed.version === 6 ? `${addressText} (${formatIPv4(address.value)})` : addressText;
  const via = hostname && hostname !== addressText && `[${addressText}]` !== hostname ? `${hostname} resolves to ` : "";
  return (
    `refused to send to ${via}${shown}: ${DESCRIPTIONS[kind]}. Webhooks go to public addresses only; ` +
    `to allow internal targets set FULFILMENT_ALLOW_PRIVATE_TARGETS (true, or a list such as 10.1.0.0/16)`
  );
};

// The URL itself: http(s) only, no credentials in it. The host is checked again at connect time.
export const refuseTargetUrl = (urlText: string): string | null => {
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return `"${urlText}" is not a URL`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `only http and https URLs can receive webhooks, not ${url.protocol}`;
  if (url.username || url.password) return "the webhook URL must not carry a user name or password";
  return null;
};
