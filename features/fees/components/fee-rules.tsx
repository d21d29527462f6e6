"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice, LoadingRows } from "@/components/ui/states";
import { formatYuan } from "@/domain/fees/money";
import { useAddPolicy, useFeeSettings, usePolicies, useProductTerms, useRemovePolicy, useSaveFeeSettings, useSaveProductTerms } from "@/features/fees/api/fee-rules";
import { PRODUCT_CATEGORY_VALUES, type FeeTierDto, type ProductTermsDto } from "@/lib/contracts/fees";
import { useApiErrorText } from "@/lib/use-api-error-text";

type Category = (typeof PRODUCT_CATEGORY_VALUES)[number];

export function FeeRules({ canEditTerms, canEditPolicies }: { canEditTerms: boolean; canEditPolicies: boolean }) {
  return (
    <div className="space-y-6">
      <PolicyTable canEdit={canEditPolicies} />
      <ProductTermsTable canEdit={canEditTerms} />
      <SettingsForm canEdit={canEditTerms} />
    </div>
  );
}

function PolicyTable({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("fees");
  const format = useFormatter();
  const errorText = useApiErrorText();
  const policies = usePolicies();
  const remove = useRemovePolicy();
  return (
    <Card title={t("rules.policiesTitle")}>
      <p className="mb-3 text-sm text-slate-600">{t("rules.policiesHint")}</p>
      {policies.isPending ? (
        <LoadingRows label={t("loading")} />
      ) : policies.isError ? (
        <ErrorNotice>{errorText(policies.error)}</ErrorNotice>
      ) : (
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">{t("rules.category")}</th>
              <th scope="col" className="px-3 py-2">{t("rules.effectiveFrom")}</th>
              <th scope="col" className="px-3 py-2">{t("rules.eligibleRatio")}</th>
              <th scope="col" className="px-3 py-2">{t("rules.tiers")}</th>
              <th scope="col" className="px-3 py-2">{t("rules.note")}</th>
              <th scope="col" className="px-3 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {policies.data.policies.map((policy) => (
              <tr key={policy.id}>
                <td className="px-3 py-2">{t(`categories.${policy.category}`)}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {format.dateTime(new Date(policy.effectiveFrom), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" })}
                </td>
                <td className="px-3 py-2">{policy.eligibleRatioPercent === null ? t("rules.anyRatio") : `${policy.eligibleRatioPercent}%`}</td>
                <td className="px-3 py-2">{policy.tiers.length === 0 ? t("rules.ownRatio") : <TierList tiers={policy.tiers} />}</td>
                <td className="px-3 py-2 text-slate-600">{policy.note}</td>
                <td className="px-3 py-2">
                  {policy.shipped ? (
                    <Badge>{t("rules.shipped")}</Badge>
                  ) : canEdit ? (
                    <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(policy.id)}>
                      {t("rules.remove")}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {remove.isError ? <ErrorNotice>{errorText(remove.error)}</ErrorNotice> : null}
      {canEdit ? <AddPolicyForm /> : null}
    </Card>
  );
}

function TierList({ tiers }: { tiers: FeeTierDto[] }) {
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {tiers.map((tier) => (
        <li key={tier.fromAmount}>
          ≥ {formatYuan(tier.fromAmount)} → {tier.platformFeePercent}%
        </li>
      ))}
    </ul>
  );
}

function AddPolicyForm() {
  const t = useTranslations("fees");
  const errorText = useApiErrorText();
  const add = useAddPolicy();
  const [category, setCategory] = useState<Category>("general");
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [ratio, setRatio] = useState("5");
  const [note, setNote] = useState("");
  const [tiers, setTiers] = useState<FeeTierDto[]>([{ fromAmount: "0", platformFeePercent: "5" }]);
  return (
    <form
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ category, effectiveFrom, eligibleRatioPercent: ratio.trim() === "" ? null : ratio.trim(), tiers, note: note || undefined });
      }}
    >
      <h3 className="text-sm font-semibold text-slate-800">{t("rules.addPolicy")}</h3>
      <div className="grid gap-3 md:grid-cols-4">
        <Field label={t("rules.category")} htmlFor="policy-category">
          <Select id="policy-category" value={category} onChange={(e) => setCategory(e.target.value as Category)}>
            {PRODUCT_CATEGORY_VALUES.map((value) => (
              <option key={value} value={value}>{t(`categories.${value}`)}</option>
            ))}
          </Select>
        </Field>
        <Field label={t("rules.effectiveFrom")} htmlFor="policy-date">
          <Input id="policy-date" type="date" required value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
        </Field>
        <Field label={t("rules.eligibleRatio")} htmlFor="policy-ratio" hint={t("rules.anyRatio")}>
          <Input id="policy-ratio" inputMode="decimal" value={ratio} onChange={(e) => setRatio(e.target.value)} />
        </Field>
        <Field label={t("rules.note")} htmlFor="policy-note">
          <Input id="policy-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      <div className="grid gap-2 md:grid-cols-2">
        {tiers.map((tier, i) => (
          <div key={i} className="grid grid-cols-2 gap-2">
            <Field label={t("rules.tierFrom", { n: i + 1 })} htmlFor={`tier-from-${i}`}>
              <Input
                id={`tier-from-${i}`}
                inputMode="decimal"
                value={tier.fromAmount}
                onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, fromAmount: e.target.value } : x)))}
              />
            </Field>
            <Field label={t("rules.tierPercent", { n: i + 1 })} htmlFor={`tier-pct-${i}`}>
              <Input
                id={`tier-pct-${i}`}
                inputMode="decimal"
                value={tier.platformFeePercent}
                onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, platformFeePercent: e.target.value } : x)))}
              />
            </Field>
          </div>
        ))}
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => setTiers([...tiers, { fromAmount: "", platformFeePercent: "" }])}>
          {t("rules.addTier")}
        </Button>
        <Button type="submit" disabled={add.isPending}>
          {t("rules.addPolicy")}
        </Button>
      </div>
      {add.isError ? <ErrorNotice>{errorText(add.error)}</ErrorNotice> : null}
    </form>
  );
}

function ProductTermsTable({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("fees");
  const errorText = useApiErrorText();
  const products = useProductTerms();
  return (
    <Card title={t("rules.productsTitle")}>
      <p className="mb-3 text-sm text-slate-600">{t("rules.productsHint")}</p>
      {products.isPending ? (
        <LoadingRows label={t("loading")} />
      ) : products.isError ? (
        <ErrorNotice>{errorText(products.error)}</ErrorNotice>
      ) : (
        <ul className="divide-y divide-slate-100">
          {products.data.products.map((product) => (
            <ProductTermsRow key={product.productCode} product={product} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function ProductTermsRow({ product, canEdit }: { product: ProductTermsDto; canEdit: boolean }) {
  const t = useTranslations("fees");
  const errorText = useApiErrorText();
  const save = useSaveProductTerms();
  const [category, setCategory] = useState<Category>(product.category);
  const [percent, setPercent] = useState(product.platformFeePercent);
  const id = product.productCode.replace(/[^a-zA-Z0-9_-]/g, "_");
  return (
    <li className="flex flex-wrap items-end gap-3 py-2">
      <div className="min-w-48 flex-1">
        <div className="text-sm">{product.productName ?? product.productCode}</div>
        <div className="font-mono text-xs text-slate-500">
          {product.productCode} {product.isDefault ? <Badge>{t("rules.default")}</Badge> : null}
        </div>
      </div>
      <Field label={t("rules.category")} htmlFor={`cat-${id}`}>
        <Select id={`cat-${id}`} disabled={!canEdit} value={category} onChange={(e) => setCategory(e.target.value as Category)}>
          {PRODUCT_CATEGORY_VALUES.map((value) => (
            <option key={value} value={value}>{t(`categories.${value}`)}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("rules.platformFeePercent")} htmlFor={`pct-${id}`}>
        <Input id={`pct-${id}`} disabled={!canEdit} inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} className="w-24" />
      </Field>
      {canEdit ? (
        <Button variant="secondary" disabled={save.isPending} onClick={() => save.mutate({ productCode: product.productCode, category, platformFeePercent: percent })}>
          {t("rules.save")}
        </Button>
      ) : null}
      {save.isSuccess ? <span role="status" className="text-xs text-emerald-700">{t("rules.saved")}</span> : null}
      {save.isError ? <ErrorNotice>{errorText(save.error)}</ErrorNotice> : null}
    </li>
  );
}

function SettingsForm({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("fees");
  const errorText = useApiErrorText();
  const settings = useFeeSettings();
  const save = useSaveFeeSettings();
  if (settings.isPending) return <LoadingRows label={t("loading")} />;
  if (settings.isError) return <ErrorNotice>{errorText(settings.error)}</ErrorNotice>;
  const current = settings.data;
  return (
    <Card title={t("rules.settingsTitle")}>
      {!canEdit ? <p className="mb-2 text-sm text-slate-600">{t("rules.readOnly")}</p> : null}
      <div className="flex flex-wrap items-end gap-4">
        <Field label={t("rules.tierAmountBasis")} htmlFor="tier-basis">
          <Select
            id="tier-basis"
            disabled={!canEdit || save.isPending}
            value={current.tierAmountBasis}
            onChange={(e) => save.mutate({ ...current, tierAmountBasis: e.target.value === "paid" ? "paid" : "net" })}
          >
            <option value="net">{t("rules.basisNet")}</option>
            <option value="paid">{t("rules.basisPaid")}</option>
          </Select>
        </Field>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            disabled={!canEdit || save.isPending}
            checked={current.tierCountsOldTerms}
            onChange={(e) => save.mutate({ ...current, tierCountsOldTerms: e.target.checked })}
          />
          {t("rules.tierCountsOldTerms")}
        </label>
      </div>
      {save.isError ? <ErrorNotice>{errorText(save.error)}</ErrorNotice> : null}
    </Card>
  );
}
