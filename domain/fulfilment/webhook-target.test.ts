import { describe, expect, it } from "vitest";
import {
  ALL_PRIVATE_TARGETS,
  classifyAddress,
  NO_PRIVATE_TARGETS,
  parseAllowList,
  parseIPv6,
  refuseTargetAddress,
  refuseTargetUrl,
} from "@/domain/fulfilment/webhook-target";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["121.36.0.1", "public"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["169.254.1.1", "link-local"],
    ["169.254.169.254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["198.51.100.7", "reserved"],
  ])("IPv4 %s is %s", (address, kind) => expect(classifyAddress(address)).toBe(kind));

  it.each([
    ["2606:4700::1111", "public"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["[::1]", "loopback"],
    ["::", "unspecified"],
    ["fd12:3456::1", "private"],
    ["fc00::1", "private"],
    ["fe80::1%eth0", "link-local"],
    ["fd00:ec2::254", "metadata"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
  ])("IPv6 %s is %s", (address, kind) => expect(classifyAddress(address)).toBe(kind));

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:8.8.8.8", "public"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::8.8.8.8", "public"],
    ["2002:7f00:1::", "loopback"],
    ["2002:0808:0808::1", "public"],
  ])("IPv4 inside IPv6 %s is judged as the IPv4 address (%s)", (address, kind) => expect(classifyAddress(address)).toBe(kind));

  it("refuses to classify what is not an address", () => {
    for (const text of ["localhost", "1.2.3", "1.2.3.256", "01.2.3.4", "1::2::3", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3", "gggg::1"]) {
      expect(classifyAddress(text)).toBeNull();
    }
  });

  it("parses compressed and full IPv6 forms to the same value", () => {
    expect(parseIPv6("2001:db8:0:0:0:0:2:1")).toBe(parseIPv6("2001:db8::2:1"));
    expect(parseIPv6("::ffff:127.0.0.1")).toBe(0xffff7f000001n);
  });
});

describe("refuseTargetAddress", () => {
  it("lets public addresses through and explains every refusal", () => {
    expect(refuseTargetAddress("8.8.8.8", NO_PRIVATE_TARGETS)).toBeNull();
    expect(refuseTargetAddress("127.0.0.1", NO_PRIVATE_TARGETS)).toBe(
      "refused to send to 127.0.0.1: a loopback address. Webhooks go to public addresses only; to allow internal targets set FULFILMENT_ALLOW_PRIVATE_TARGETS (true, or a list such as 10.1.0.0/16)",
    );
    expect(refuseTargetAddress("10.0.0.8", NO_PRIVATE_TARGETS, "saas.internal")).toMatch(/^refused to send to saas\.internal resolves to 10\.0\.0\.8: a private network address\./);
    expect(refuseTargetAddress("::ffff:169.254.169.254", NO_PRIVATE_TARGETS)).toMatch(/^refused to send to ::ffff:169\.254\.169\.254 \(169\.254\.169\.254\): a cloud metadata service address/);
    expect(refuseTargetAddress("fe80::1", NO_PRIVATE_TARGETS)).toMatch(/a link-local address/);
  });

  it("'true' allows internal targets but never the metadata service", () => {
    expect(refuseTargetAddress("127.0.0.1", ALL_PRIVATE_TARGETS)).toBeNull();
    expect(refuseTargetAddress("::1", ALL_PRIVATE_TARGETS)).toBeNull();
    expect(refuseTargetAddress("192.168.3.4", ALL_PRIVATE_TARGETS)).toBeNull();
    expect(refuseTargetAddress("169.254.169.254", ALL_PRIVATE_TARGETS)).toMatch(/metadata/);
  });

  it("a list allows exactly its ranges, mapped IPv6 forms included", () => {
    const parsed = parseAllowList("10.1.0.0/16, ::1, 169.254.169.254");
    if (!parsed.ok) throw new Error(parsed.error);
    const list = parsed.allowList;
    expect(refuseTargetAddress("10.1.200.3", list)).toBeNull();
    expect(refuseTargetAddress("::ffff:10.1.0.9", list)).toBeNull();
    expect(refuseTargetAddress("10.2.0.1", list)).toMatch(/private network/);
    expect(refuseTargetAddress("::1", list)).toBeNull();
    expect(refuseTargetAddress("127.0.0.1", list)).toMatch(/loopback/);
    expect(refuseTargetAddress("169.254.169.254", list)).toBeNull();
    const mapped = parseAllowList("::ffff:127.0.0.0/104");
    if (!mapped.ok) throw new Error(mapped.error);
    expect(refuseTargetAddress("127.9.9.9", mapped.allowList)).toBeNull();
    expect(refuseTargetAddress("10.0.0.1", mapped.allowList)).toMatch(/private network/);
  });

  it("reads on/off words and rejects malformed lists", () => {
    expect(parseAllowList(undefined)).toEqual({ ok: true, allowList: NO_PRIVATE_TARGETS });
    expect(parseAllowList("false")).toEqual({ ok: true, allowList: NO_PRIVATE_TARGETS });
    expect(parseAllowList("TRUE")).toEqual({ ok: true, allowList: ALL_PRIVATE_TARGETS });
    expect(parseAllowList("10.0.0.0/33")).toEqual({ ok: false, error: `"10.0.0.0/33" has an invalid prefix length` });
    expect(parseAllowList("intranet")).toEqual({ ok: false, error: `"intranet" is not an IP address or CIDR range` });
    expect(parseAllowList("10.0.0.0/8/1")).toMatchObject({ ok: false });
  });
});

describe("refuseTargetUrl", () => {
  it("accepts http(s) and refuses other schemes and embedded credentials", () => {
    expect(refuseTargetUrl("https://saas.example.com/hooks")).toBeNull();
    expect(refuseTargetUrl("http://saas.example.com:8080/hooks")).toBeNull();
    expect(refuseTargetUrl("file:///etc/passwd")).toBe("only http and https URLs can receive webhooks, not file:");
    expect(refuseTargetUrl("https://user:pw@saas.example.com/")).toBe("the webhook URL must not carry a user name or password");
    expect(refuseTargetUrl("not a url")).toBe(`"not a url" is not a URL`);
  });
});
