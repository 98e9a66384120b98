import { z } from "zod";
import { ZRupiah } from "@/lib/households/schemas";

const yesNo = z.preprocess((v) => {
  if (typeof v === "boolean") return v;
  if (v === "ya" || v === "true" || v === "on") return true;
  if (v === "tidak" || v === "false") return false;
  return undefined;
}, z.boolean().optional());

const methodEnum = z.enum(["GARIS_KEMISKINAN", "KRITERIA_BPS", "SET_INDIKATOR"]);

/**
 * The facts entered for one assessment (the form posts strings, the API may post booleans). Members'
 * incomes come from the household registry, never from this input.
 */
export const ZAssessFacts = z.strictObject({
  methods: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(methodEnum, { message: "Pilih paling sedikit satu cara penilaian." })
    .min(1, "Pilih paling sedikit satu cara penilaian.")),
  regularAid: z.preprocess((v) => (v === undefined || v === "" ? 0 : v), ZRupiah.pipe(z.number({ message: "Tulis bantuan dalam rupiah, angka saja." }))),
  receivesCentralProgram: z.preprocess((v) => (v === "" ? null : v), yesNo.nullable()).transform((v) => v ?? null),
  rtlh: yesNo.transform((v) => v ?? false),
  dtksStatus: z.enum(["TERDAFTAR", "TIDAK_TERDAFTAR", "TIDAK_DIKETAHUI"]).default("TIDAK_DIKETAHUI"),
  bps: z.record(z.string(), yesNo).optional(),
  indicatorSetId: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(40).optional()),
  indicators: z.record(z.string(), z.preprocess((v) => (v === "" ? undefined : v), z.string().max(40).optional())).optional(),
});
export type TAssessFacts = z.infer<typeof ZAssessFacts>;

export const ZAssessHouseholdInput = ZAssessFacts.extend({ householdId: z.string().min(1).max(40) });
export type TAssessHouseholdInput = z.infer<typeof ZAssessHouseholdInput>;
