import { z } from "zod";
import { SERVICE_CATEGORIES } from "./categories.ts";

/**
 * Input schemas of the case area. Forms post FormData (strings, a checkbox group may arrive as one
 * string), the JSON API posts typed values: the preprocessors accept both, so one schema serves both.
 */

const CHANNELS = ["DATANG_LANGSUNG", "TELEPON", "WHATSAPP", "PENJANGKAUAN", "RUJUKAN_MASUK", "ONLINE"] as const;
const KINDS = ["PENGADUAN", "PERMOHONAN_LAYANAN", "INFORMASI"] as const;
const URGENCIES = ["RENDAH", "SEDANG", "TINGGI", "DARURAT"] as const;
const STATUSES = ["BARU", "ASESMEN", "DIRUJUK", "DALAM_PENANGANAN", "SELESAI", "DITUTUP", "DIBATALKAN"] as const;

/** "" / whitespace / null → undefined, so an empty form field counts as "not given". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "") || v === null ? undefined : v;
const optionalText = (max: number, message: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, message).optional());
const toList = (v: unknown) => (v == null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]);
/** Checkbox "on", "true", "1", true → true; absent → false. */
const toBoolean = (v: unknown) => v === true || v === "on" || v === "true" || v === "1";

export const ZCaseId = z.string().trim().min(1, "Kasus tidak dikenal.").max(64, "Kasus tidak dikenal.");
const ZVersion = z.coerce.number({ message: "Versi kasus tidak dikenal." }).int("Versi kasus tidak dikenal.").min(1, "Versi kasus tidak dikenal.");

export const ZCreateCaseInput = z
  .strictObject({
    householdId: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
    subjectPersonId: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
    channel: z.enum(CHANNELS, { message: "Pilih saluran (cara warga datang atau menghubungi)." }),
    kind: z.enum(KINDS, { message: "Pilih jenis: pengaduan, permohonan layanan, atau permintaan informasi." }),
    need: z
      .string({ message: "Tuliskan kebutuhan warga minimal 10 huruf." })
      .trim()
      .min(10, "Tuliskan kebutuhan warga minimal 10 huruf.")
      .max(4000, "Kebutuhan terlalu panjang (maksimal 4.000 karakter)."),
    serviceCategories: z.preprocess(
      toList,
      z
        .array(z.enum(SERVICE_CATEGORIES, { message: "Kategori layanan tidak dikenal." }))
        .min(1, "Pilih minimal satu kategori layanan.")
        .transform((list) => [...new Set(list)]),
    ),
    ppksCodes: z.preprocess(
      toList,
      z
        .array(z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{1,16}$/, "Kode PPKS tidak dikenal."))
        .max(26, "Terlalu banyak kategori PPKS.")
        .transform((list) => [...new Set(list)]),
    ),
    urgency: z.preprocess(blankToUndefined, z.enum(URGENCIES, { message: "Pilih tingkat urgensi." }).default("SEDANG")),
    reporterName: optionalText(120, "Nama pelapor terlalu panjang."),
    reporterPhone: z.preprocess(
      blankToUndefined,
      z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, "Nomor telepon hanya angka, mis. 0812 3456 7890.").optional(),
    ),
    reporterRelation: optionalText(60, "Hubungan pelapor terlalu panjang."),
    anonymous: z.preprocess(toBoolean, z.boolean()),
    idempotencyKey: z.preprocess(
      blankToUndefined,
      z.string().trim().min(8, "Kunci idempotensi minimal 8 karakter.").max(100, "Kunci idempotensi maksimal 100 karakter.").optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.anonymous) {
      for (const field of ["reporterName", "reporterPhone", "reporterRelation"] as const) {
        if (v[field]) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: "Pelapor minta dirahasiakan: kosongkan nama, telepon, dan hubungan pelapor.",
          });
        }
      }
    }
    if (v.subjectPersonId && !v.householdId) {
      ctx.addIssue({ code: "custom", path: ["householdId"], message: "Pilih rumah tangga dari warga yang dilayani." });
    }
  });
export type TCreateCaseInput = z.infer<typeof ZCreateCaseInput>;
/** What callers (the intake form's action, the JSON API) hand to createCase; it is parsed again there. */
export type TCreateCaseRawInput = {
  householdId?: string | null;
  subjectPersonId?: string | null;
  channel: TCreateCaseInput["channel"];
  kind: TCreateCaseInput["kind"];
  need: string;
  serviceCategories: readonly string[] | string;
  ppksCodes?: readonly string[] | string;
  urgency?: TCreateCaseInput["urgency"] | "";
  reporterName?: string | null;
  reporterPhone?: string | null;
  reporterRelation?: string | null;
  anonymous?: boolean | string;
  idempotencyKey?: string | null;
};

export const ZTransitionCaseInput = z.strictObject({
  caseId: ZCaseId,
  to: z.enum(STATUSES, { message: "Status tujuan tidak dikenal." }),
  note: optionalText(2000, "Catatan terlalu panjang (maksimal 2.000 karakter)."),
  version: ZVersion,
});
export type TTransitionCaseInput = z.infer<typeof ZTransitionCaseInput>;

export const ZAssignCaseInput = z.strictObject({
  caseId: ZCaseId,
  /** A user id, or "me" to take the case oneself. */
  assigneeId: z.string().trim().min(1, "Pilih petugas.").max(64, "Pilih petugas."),
  version: ZVersion,
});
export type TAssignCaseInput = z.infer<typeof ZAssignCaseInput>;

export const ZAddCaseNoteInput = z.strictObject({
  caseId: ZCaseId,
  body: z
    .string({ message: "Tuliskan catatan." })
    .trim()
    .min(3, "Tuliskan catatan minimal 3 huruf.")
    .max(4000, "Catatan terlalu panjang (maksimal 4.000 karakter)."),
});
export type TAddCaseNoteInput = z.infer<typeof ZAddCaseNoteInput>;

/** The upload form: the file itself is checked by content in add-attachment.ts, not by the browser's type. */
export const ZAddAttachmentForm = z.strictObject({
  caseId: ZCaseId,
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, {
    message: "Pilih berkas foto (JPG, PNG, WebP) atau PDF.",
  }),
});

/** Work-list tabs, as they appear in the URL (?tab=…). */
export const CASE_TABS = ["saya", "belum-ditugaskan", "lewat-tenggat", "semua"] as const;
export type TCaseTab = (typeof CASE_TABS)[number];
export const CASE_TAB_LABELS: Record<TCaseTab, string> = {
  saya: "Kasus saya",
  "belum-ditugaskan": "Belum ditugaskan",
  "lewat-tenggat": "Lewat tenggat",
  semua: "Semua",
};
export function isCaseTab(v: unknown): v is TCaseTab {
  return typeof v === "string" && (CASE_TABS as readonly string[]).includes(v);
}
