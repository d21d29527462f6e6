import { describe, expect, it } from "vitest";
import { isSecretSetting, maskSecret, SETTING_KEYS, validateSettingsPatch } from "./settings-catalog";

describe("settings catalog", () => {
  it("treats every key and AK/SK as secrets, URLs and modes as plain", () => {
    const secrets = SETTING_KEYS.filter(isSecretSetting);
    expect(secrets).toEqual([
      "marketplace.v1Key",
      "marketplace.basicAccessKey.current",
      "marketplace.basicAccessKey.previous",
      "marketplace.licenseAccessKey.current",
      "marketplace.licenseAccessKey.previous",
      "marketplace.kitAccessKey.current",
      "marketplace.kitAccessKey.previous",
      "marketplace.ak",
      "marketplace.sk",
      "alerts.smtpUrl",
      "alerts.chatWebhookUrl",
    ]);
  });

  it("masks all but the ends of a long secret and everything of a short one", () => {
    expect(maskSecret("9fa6c870-8bb0-4e9b")).toBe("9f••••••••9b");
    expect(maskSecret("short")).toBe("••••••••");
  });

  it("accepts valid values and null to clear", () => {
    expect(
      validateSettingsPatch({
        "marketplace.v1Key": "  abcdefgh ",
        "marketplace.apiBaseUrl": "https://mkt.myhuaweicloud.cn",
        "products.defaultProvisioningMode": "manual",
        "marketplace.basicAccessKey.previous": null,
      }),
    ).toEqual({
      ok: true,
      patch: {
        "marketplace.v1Key": "abcdefgh",
        "marketplace.apiBaseUrl": "https://mkt.myhuaweicloud.cn",
        "products.defaultProvisioningMode": "manual",
        "marketplace.basicAccessKey.previous": null,
      },
    });
  });

  it("names each bad field with a precise code and keeps nothing", () => {
    expect(
      validateSettingsPatch({
        "marketplace.v1Key": "abc",
        "marketplace.sk": "has space inside",
        "marketplace.apiBaseUrl": "ftp://x",
        "products.defaultProvisioningMode": "robot",
        "nope.key": "x",
      }),
    ).toEqual({
      ok: false,
      issues: [
        { key: "marketplace.v1Key", code: "settings.keyTooShort" },
        { key: "marketplace.sk", code: "settings.keyCharacters" },
        { key: "marketplace.apiBaseUrl", code: "settings.urlInvalid" },
        { key: "products.defaultProvisioningMode", code: "settings.provisioningMode" },
        { key: "nope.key", code: "settings.unknownKey" },
      ],
    });
  });
});
