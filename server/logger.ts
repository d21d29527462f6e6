import pino from "pino";

// Redaction is the last line of defence: code should never pass secrets to the logger at all.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "koogallery-seller-console" },
  redact: {
    paths: [
      "password",
      "*.password",
      "*.passwordHash",
      "*.token",
      "*.authToken",
      "*.signature",
      "*.accessKey",
      "*.secret",
      "headers.cookie",
      "headers.authorization",
      "req.headers.cookie",
      "req.headers.authorization",
    ],
    censor: "[redacted]",
  },
});
