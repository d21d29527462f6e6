import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import type { AlertMessage } from "@/server/alerts/compose-alert";
import type { ChannelOutcome } from "@/server/alerts/send-chat-alert";

export type EmailChannel = { smtpUrl: string; to: string[]; from: string };

// An SMTP server that accepts the connection and then stalls must not hold up the alert task
// (the worker skips a task's tick while the previous one still runs).
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export const sendEmailAlert = async (channel: EmailChannel, message: AlertMessage): Promise<ChannelOutcome> => {
  // Built by hand because createTransport(url) takes no other options; the transport merges the
  // URL's host, port, credentials and query options over these.
  const transport = nodemailer.createTransport(new SMTPTransport({ url: channel.smtpUrl, ...TIMEOUTS }));
  try {
    await transport.sendMail({ from: channel.from, to: channel.to, subject: message.subject, text: message.text });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: `could not send the alert e-mail: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    transport.close();
  }
};
