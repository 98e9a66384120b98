"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { assessHousehold } from "@/lib/eligibility/assess-household";
import { importPovertyLines } from "@/lib/eligibility/import-poverty-lines";
import { saveIndicatorSet } from "@/lib/eligibility/save-indicator-set";
import { ZAssessHouseholdInput } from "@/lib/eligibility/schemas";
import { updateSettings, ZEligibilitySettings } from "@/lib/eligibility/update-settings";

export const assessHouseholdAction = defineAction(
  { schema: ZAssessHouseholdInput, permission: { action: "create", resource: "eligibility" } },
  async (input, { user, ip }) => {
    const r = await assessHousehold(user, input, { ip });
    revalidatePath(`/rumah-tangga/${r.householdId}`);
    return {
      runId: r.runId,
      outcomes: r.outcomes.map((o) => ({ method: o.method, label: o.resultLabel, eligible: o.eligible, explanation: o.explanation })),
      recommendations: r.recommendations,
    };
  },
);

const ZCsv = z.strictObject({
  csv: z.union([z.string(), z.instanceof(File)]).optional(),
  csvText: z.string().max(1_000_000).optional(),
});

export const importPovertyLinesAction = defineAction(
  { schema: ZCsv, permission: { action: "create", resource: "povertyLine" } },
  async (input, { user, ip }) => {
    const fromFile = input.csv instanceof File && input.csv.size > 0 ? await input.csv.text() : "";
    const text = fromFile || input.csvText || "";
    const r = await importPovertyLines(user, text, { ip });
    revalidatePath("/kelayakan");
    return r;
  },
);

const ZSaveSet = z.strictObject({
  setId: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(40).optional()),
  definition: z.string().min(2, "Isi definisi set dalam JSON.").max(500_000),
});

export const saveIndicatorSetAction = defineAction(
  { schema: ZSaveSet, permission: { action: "create", resource: "povertyLine" } },
  async (input, { user, ip }) => {
    const r = await saveIndicatorSet(user, { setId: input.setId, definition: input.definition }, { ip });
    revalidatePath("/kelayakan");
    revalidatePath(`/kelayakan/set-indikator/${r.setId}`);
    return r;
  },
);

export const updateEligibilitySettingsAction = defineAction(
  { schema: ZEligibilitySettings, permission: { action: "update", resource: "povertyLine" } },
  async (input, { user, ip }) => {
    const r = await updateSettings(user, input, { ip });
    revalidatePath("/kelayakan");
    return r;
  },
);
