import { z } from "zod";
import { SERVICE_CATEGORIES } from "@/lib/cases/categories";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number, label: string) =>
  z.preprocess(blank, z.string().trim().max(max, `${label} terlalu panjang (paling banyak ${max} karakter).`).optional());

export const PSKS_ASSET_KINDS = ["PERSONAL", "INSTITUTION", "ASSOCIATION"] as const;
export const PSKS_ASSET_LABELS: Record<(typeof PSKS_ASSET_KINDS)[number], string> = {
  PERSONAL: "Perorangan",
  INSTITUTION: "Lembaga",
  ASSOCIATION: "Perkumpulan / organisasi",
};

export const ZPsksUnitInput = z.strictObject({
  name: z.string({ message: "Nama wajib diisi." }).trim().min(3, "Nama wajib diisi (minimal 3 huruf).").max(150, "Nama terlalu panjang."),
  psksTypeId: z.string({ message: "Pilih jenis PSKS." }).min(1, "Pilih jenis PSKS."),
  regionCode: z.string({ message: "Pilih wilayah kerja." }).trim().min(2, "Pilih wilayah kerja."),
  assetKind: z.enum(PSKS_ASSET_KINDS, { message: "Pilih bentuk: perorangan, lembaga, atau perkumpulan." }),
  contactName: optionalText(120, "Nama kontak"),
  phone: z.preprocess(blank, z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, "Nomor telepon hanya angka, mis. 0812 3456 7890.").optional()),
  address: optionalText(200, "Alamat"),
  services: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(SERVICE_CATEGORIES, { message: "Kategori layanan tidak dikenal." })),
  ),
  /** The unit takes referrals: it then appears as a referral destination (an Office of kind OTHER). */
  acceptsReferrals: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
}).superRefine((v, ctx) => {
  if (v.acceptsReferrals && v.services.length === 0) {
    ctx.addIssue({ code: "custom", path: ["services"], message: "Pilih layanan yang diberikan, agar rujukan dapat diarahkan ke mitra ini." });
  }
});
export type TPsksUnitInput = z.infer<typeof ZPsksUnitInput>;

export const ZPsksUnitIdInput = z.strictObject({ unitId: z.string().min(1) });
