import { z } from "zod";
import { SERVICE_CATEGORIES } from "@/lib/cases/categories";
import { REFERRAL_OUTCOMES, REFERRAL_STATUSES } from "./status.ts";

export const LEGAL_BASES = ["TUGAS_LAYANAN_PUBLIK", "PERSETUJUAN_WARGA", "PERSETUJUAN_ORANG_TUA_WALI"] as const;
export const LEGAL_BASIS_LABELS: Record<(typeof LEGAL_BASES)[number], string> = {
  TUGAS_LAYANAN_PUBLIK: "Pelaksanaan tugas layanan publik",
  PERSETUJUAN_WARGA: "Persetujuan warga yang bersangkutan",
  PERSETUJUAN_ORANG_TUA_WALI: "Persetujuan orang tua / wali (untuk anak)",
};

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

export const ZCreateReferralInput = z.strictObject({
  caseId: z.string().min(1),
  serviceCategory: z.enum(SERVICE_CATEGORIES, { error: "Pilih layanan yang dirujuk." }),
  /** Empty = the routing suggestion. */
  toOfficeId: optionalText(60),
  reason: z.string({ error: "Tuliskan apa yang perlu dilakukan tujuan rujukan." }).trim()
    .min(10, "Tuliskan apa yang perlu dilakukan tujuan rujukan (minimal 10 karakter).").max(2000),
  legalBasis: z.enum(["TUGAS_LAYANAN_PUBLIK", "PERSETUJUAN_WARGA", "PERSETUJUAN_ORANG_TUA_WALI"], { error: "Pilih dasar berbagi data." }),
  consentBy: optionalText(200),
  consentOverrideReason: optionalText(1000),
});
export type TCreateReferralInput = z.infer<typeof ZCreateReferralInput>;

export const ZTransitionReferralInput = z.strictObject({
  referralId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  to: z.enum(REFERRAL_STATUSES),
  note: optionalText(2000),
  outcome: z.preprocess((v) => (v === "" ? undefined : v), z.enum(REFERRAL_OUTCOMES).optional()),
  /** For DIALIHKAN: the new destination. */
  redirectToOfficeId: optionalText(60),
});
export type TTransitionReferralInput = z.infer<typeof ZTransitionReferralInput>;

export const ZRoutingRuleInput = z.strictObject({
  serviceCategory: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SERVICE_CATEGORIES).optional()),
  ppksCode: optionalText(20),
  minAge: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(0).max(150).optional()),
  maxAge: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(0).max(150).optional()),
  dtksStatus: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["TERDAFTAR", "TIDAK_TERDAFTAR"]).optional()),
  destinationOfficeId: z.string({ error: "Pilih kantor tujuan." }).min(1, "Pilih kantor tujuan."),
  slaDays: z.coerce.number({ error: "Isi tenggat dalam hari." }).int().min(1, "Tenggat minimal 1 hari.").max(365),
  priority: z.preprocess((v) => (v === "" || v == null ? 0 : v), z.coerce.number().int().min(-100).max(100)),
  requiresDecision: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
}).superRefine((v, ctx) => {
  if (!v.serviceCategory && !v.ppksCode) ctx.addIssue({ code: "custom", path: ["serviceCategory"], message: "Isi kategori layanan atau kategori PPKS (atau keduanya)." });
  if (v.minAge != null && v.maxAge != null && v.minAge > v.maxAge) ctx.addIssue({ code: "custom", path: ["maxAge"], message: "Usia maksimal harus ≥ usia minimal." });
});
export type TRoutingRuleInput = z.infer<typeof ZRoutingRuleInput>;

/** The destination desk's document upload (a photo or PDF; the real type is checked from the bytes). */
export const ZAddReferralAttachmentForm = z.strictObject({
  referralId: z.string().trim().min(1, "Rujukan tidak dikenal.").max(64, "Rujukan tidak dikenal."),
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, {
    message: "Pilih berkas foto (JPG, PNG, WebP) atau PDF.",
  }),
});
