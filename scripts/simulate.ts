// `npm run simulate -- <action> [options]`: the marketplace simulator from the command line, for
// scripts and CI. It signs with the keys it is given (the same KOOGALLERY_* variables that seed a
// console's settings), calls the target like the marketplace, prints every check of the
// debugging tool and exits 1 when one fails. No database: nothing is recorded.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import {
  DEFAULT_TIMEOUT_MS,
  debugCaseKeysFor,
  fetchTransport,
  findSimProduct,
  MissingKeyError,
  planPurchase,
  runDebugSuite,
  sendCallback,
  SIM_PRODUCTS,
  type PlanContext,
  type PlannedCallback,
  type SentCallback,
  type SimulatorKeys,
} from "@/lib/marketplace/koogallery/simulator";

const USAGE = `Usage: npm run simulate -- <action> [options]

Actions:
  products              list the simulator's products and their debugging cases
  suite                 run the standard debugging cases (all products, or --product …)
  buy                   buy one product (--product) and check the answer

Options:
  --target <url>        production address to call (default http://127.0.0.1:$PORT/api/koogallery, PORT=3000)
  --product <key>       a product key; repeat for several (suite)
  --v1-key <key>        V1 Key值            (default $KOOGALLERY_V1_KEY)
  --basic-key <key>     basic interface key (default $KOOGALLERY_BASIC_ACCESS_KEY)
  --licence-key <key>   License interface key (default $KOOGALLERY_LICENSE_ACCESS_KEY)
  --kit-key <key>       联营 kit interface key (default $KOOGALLERY_KIT_ACCESS_KEY)
  --timeout <ms>        answer timeout (default ${DEFAULT_TIMEOUT_MS})
  --json                print the results as JSON
  --help`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    target: { type: "string" },
    product: { type: "string", multiple: true },
    "v1-key": { type: "string" },
    "basic-key": { type: "string" },
    "licence-key": { type: "string" },
    "kit-key": { type: "string" },
    timeout: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

const action = positionals[0];
const target = values.target ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/api/koogallery`;
const timeoutMs = values.timeout ? Number(values.timeout) : DEFAULT_TIMEOUT_MS;
const keys: SimulatorKeys = {
  v1: values["v1-key"] ?? process.env.KOOGALLERY_V1_KEY ?? null,
  basic: values["basic-key"] ?? process.env.KOOGALLERY_BASIC_ACCESS_KEY ?? null,
  licence: values["licence-key"] ?? process.env.KOOGALLERY_LICENSE_ACCESS_KEY ?? null,
  kit: values["kit-key"] ?? process.env.KOOGALLERY_KIT_ACCESS_KEY ?? null,
};

const context = (): PlanContext => {
  const now = new Date();
  let n = 0;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(2, 12);
  return { now, newOrderId: () => `CSCLI${stamp}${String(++n).padStart(3, "0")}${randomUUID().slice(0, 4).toUpperCase()}`, newBusinessId: () => randomUUID() };
};

const products = () => {
  const keysGiven = values.product ?? [];
  if (keysGiven.length === 0) return [...SIM_PRODUCTS];
  return keysGiven.map((key) => {
    const product = findSimProduct(key);
    if (!product) throw new Error(`unknown product ${key}; run \`npm run simulate -- products\``);
    return product;
  });
};

type Line = { product: string; label: string; callback: PlannedCallback; sent: SentCallback | null; skipped?: boolean };

const printLine = (line: Line) => {
  if (line.skipped || !line.sent) {
    console.log(`- ${line.product} ${line.label}: skipped (no instance to act on)`);
    return;
  }
  const { verdict, exchange } = line.sent;
  console.log(`${verdict.verdict === "pass" ? "✓" : "✗"} ${line.product} ${line.label}: ${line.callback.activity} (${exchange.latencyMs} ms)`);
  for (const check of verdict.checks) {
    console.log(`    ${check.ok ? "✓" : "✗"} ${check.name}${check.ok ? "" : `: ${check.message ?? ""}${check.detail ? ` — ${check.detail}` : ""}`}`);
  }
  for (const credentials of verdict.credentials) {
    console.log(`    credentials ${credentials.instanceId ?? ""}: userName=${credentials.userName ?? "-"} password=${credentials.password ?? "-"}`);
  }
};

const send = (callback: PlannedCallback) => sendCallback({ callback, targetUrl: target, keys, transport: fetchTransport, now: new Date(), timeoutMs });

const main = async (): Promise<number> => {
  if (values.help || !action) {
    console.log(USAGE);
    return action || values.help ? 0 : 2;
  }
  if (action === "products") {
    for (const product of SIM_PRODUCTS) {
      console.log(`${product.key.padEnd(22)} ${product.generation} ${product.billing.padEnd(16)} ${product.skus[0].productId}  cases: ${debugCaseKeysFor(product).join(", ")}`);
    }
    return 0;
  }
  const lines: Line[] = [];
  if (action === "buy") {
    const [product] = products();
    if (!product || (values.product ?? []).length !== 1) throw new Error("buy needs exactly one --product");
    const { plan } = planPurchase({ product, customerId: "cli-customer", customerName: "CLI" }, context());
    for (const callback of plan.callbacks) lines.push({ product: product.key, label: "buy", callback, sent: await send(callback) });
  } else if (action === "suite") {
    for (const product of products()) {
      await runDebugSuite({
        product,
        ctx: context(),
        newLicenceCode: () => `CLILC-${randomUUID().slice(0, 8).toUpperCase()}`,
        send: async (callback, caseKey) => {
          const sent = await send(callback);
          lines.push({ product: product.key, label: caseKey, callback, sent });
          return { verdict: sent.verdict };
        },
      });
    }
  } else {
    console.error(`unknown action "${action}"\n\n${USAGE}`);
    return 2;
  }
  const failed = lines.filter((line) => line.sent && line.sent.verdict.verdict === "fail").length;
  if (values.json) {
    console.log(JSON.stringify(lines.map((l) => ({ product: l.product, case: l.label, activity: l.callback.activity, verdict: l.sent?.verdict.verdict, error: l.sent?.verdict.error, checks: l.sent?.verdict.checks })), null, 2));
  } else {
    lines.forEach(printLine);
    console.log(`\n${lines.length - failed} passed, ${failed} failed — target ${target}`);
  }
  return failed > 0 ? 1 : 0;
};

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof MissingKeyError ? `${error.message} (pass --${error.keyKind === "licence" ? "licence" : error.keyKind}-key or set the KOOGALLERY_* variable)` : error instanceof Error ? error.message : error);
    process.exit(2);
  });
