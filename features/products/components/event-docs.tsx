import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from "@/domain/fulfilment/lifecycle-events";

// Documentation for the seller's developers; rendered on the server, nothing interactive.

const json = (value: unknown) => JSON.stringify(value, null, 2);

const EXAMPLE_CREATED = {
  type: "instance.created",
  timestamp: "2026-11-28T06:00:00.000Z",
  data: {
    instanceId: "a3f1c2d4e5b60718293a4b5c6d7e8f90",
    orderId: "CS2611280600012345",
    orderLineId: "CS2611280600012345-000001",
    productCode: "00301-123456-0--0",
    skuCode: "sku-standard",
    customerId: "68cbc86abc2018ab880d92f36422fa0e",
    customerName: "华东示例科技有限公司",
    chargingMode: "PERIOD",
    expireAt: "2027-11-28T06:00:00.000Z",
    trial: false,
    test: false,
  },
};

const EXAMPLE_ANSWER = {
  frontEndUrl: "https://acme.saas.example.com/login",
  adminUrl: "https://acme.saas.example.com/admin",
  userName: "admin@acme",
  password: "initial-password-123",
};

const VERIFY_SAMPLE = `import express from "express";
import { Webhook } from "standardwebhooks";

const app = express();
const webhook = new Webhook(process.env.KOOGALLERY_WEBHOOK_SECRET); // "whsec_…"

app.post("/koogallery/events", express.raw({ type: "application/json" }), async (req, res) => {
  let event;
  try {
    event = webhook.verify(req.body, req.headers);
  } catch {
    return res.status(401).send("invalid signature");
  }
  const webhookId = req.header("webhook-id");
  if (event.type === "instance.created") {
    const tenant = await createTenantOnce(webhookId, event.data);
    return res.json({ frontEndUrl: tenant.loginUrl, adminUrl: tenant.adminUrl, userName: tenant.admin, password: tenant.password });
  }
  await handleOnce(webhookId, event);
  res.status(204).end();
});`;

function Code({ children, label }: { children: string; label?: string }) {
  return (
    <pre aria-label={label} className="max-h-[28rem] overflow-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed text-slate-100">
      {children}
    </pre>
  );
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <Card title={<span id={id}>{title}</span>}>
      <div className="space-y-3 text-sm text-slate-700">{children}</div>
    </Card>
  );
}

const messageKey = (type: LifecycleEventType) => type.replace(".", "_");

export function EventDocs({ eventSchemas, answerSchema }: { eventSchemas: Record<LifecycleEventType, unknown>; answerSchema: unknown }) {
  const t = useTranslations("products.events");
  return (
    <div className="space-y-6">
      <Section id="delivery" title={t("deliveryTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          {(["post", "answer", "dedupe", "order", "test"] as const).map((key) => (
            <li key={key}>{t(`delivery.${key}`)}</li>
          ))}
        </ul>
      </Section>

      <Section id="signature" title={t("signatureTitle")}>
        <p>{t("signatureIntro")}</p>
        <p className="font-medium text-slate-800">{t("headersTitle")}</p>
        <dl className="space-y-2">
          {(
            [
              ["webhook-id", "id"],
              ["webhook-timestamp", "timestamp"],
              ["webhook-signature", "signature"],
            ] as const
          ).map(([header, key]) => (
            <div key={header} className="grid gap-1 md:grid-cols-[12rem_1fr]">
              <dt>
                <code className="font-mono text-xs">{header}</code>
              </dt>
              <dd>{t(`headers.${key}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="font-medium text-slate-800">{t("codeTitle")}</p>
        <Code label={t("codeTitle")}>{VERIFY_SAMPLE}</Code>
        <p className="text-xs text-slate-500">{t("codeHelp")}</p>
      </Section>

      <Section id="instance-created-answer" title={t("answerTitle")}>
        <p>{t("answerHelp")}</p>
        <p className="font-medium text-slate-800">{t("answerExample")}</p>
        <Code>{json(EXAMPLE_ANSWER)}</Code>
        <p className="font-medium text-slate-800">{t("schema")}</p>
        <Code label={`${t("answerTitle")} — ${t("schema")}`}>{json(answerSchema)}</Code>
      </Section>

      <Section id="events" title={t("typesTitle")}>
        <div className="space-y-6">
          {LIFECYCLE_EVENT_TYPES.map((type) => (
            <article key={type} id={type} aria-labelledby={`${messageKey(type)}-title`} className="space-y-2">
              <h3 id={`${messageKey(type)}-title`} className="font-mono text-sm font-semibold text-slate-900">
                {type}
              </h3>
              <p>{t(`types.${messageKey(type)}`)}</p>
              {type === "instance.created" ? (
                <>
                  <p className="font-medium text-slate-800">{t("example")}</p>
                  <Code>{json(EXAMPLE_CREATED)}</Code>
                </>
              ) : null}
              <details open={type === "instance.created"}>
                <summary className="cursor-pointer font-medium text-slate-800">{t("schema")}</summary>
                <div className="mt-2">
                  <Code label={`${type} — ${t("schema")}`}>{json(eventSchemas[type])}</Code>
                </div>
              </details>
            </article>
          ))}
        </div>
      </Section>
    </div>
  );
}
