// The registry's input schemas, shared by the forms, the server actions, the intake and the API.
// Pure (no server imports) so client components can use the same rules for live hints.
import { z } from "zod";
import { parseNik } from "./nik.ts";
import { parseNoKk } from "./no-kk.ts";
import { MARITAL_STATUSES, RELATIONS, SEXES } from "./labels.ts";

/** Form fields arrive as "" when left empty; treat that as "not given". */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number, label: string) =>
  z.preprocess(blank, z.string().trim().max(max, `${label} terlalu panjang (paling banyak ${max} karakter).`).optional());

export const ZNik = z.string().transform((v, ctx) => {
  const r = parseNik(v);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  }
  return r.value.nik;
});

export const ZNoKk = z.string().transform((v, ctx) => {
  const r = parseNoKk(v);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  }
  return r.value.noKk;
});

/** "YYYY-MM-DD", a real calendar day, not in the future and not before 1900. */
export const ZIsoDate = (label: string) =>
  z.string().trim().refine((v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, `${label} tidak valid; isi dengan format tanggal yang benar.`)
    .refine((v) => v >= "1900-01-01", `${label} terlalu lampau.`)
    .refine((v) => v <= todayWib(), `${label} tidak boleh di masa depan.`);

/** Today's date in WIB ("YYYY-MM-DD"): the clerk's calendar day, whatever the server's time zone. */
export function todayWib(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Integer rupiah per month. Clerks type "1.500.000", "Rp 1.500.000" or "1500000"; a comma or a word
 * ("1,5 juta") is refused rather than guessed.
 */
export const ZRupiah = z.preprocess(
  (v) => {
    if (typeof v === "number") return v;
    if (typeof v !== "string") return v;
    const t = v.trim().replace(/^rp\.?\s*/i, "").replace(/[.\s]/g, "");
    if (t === "") return undefined;
    return /^\d+$/.test(t) ? Number(t) : Number.NaN;
  },
  z.number({ message: "Tulis penghasilan dalam rupiah, angka saja, mis. 1.500.000." })
    .int("Tulis penghasilan dalam rupiah tanpa sen.")
    .min(0, "Penghasilan tidak boleh negatif.")
    .max(2_000_000_000, "Penghasilan terlalu besar; periksa kembali angkanya.")
    .optional(),
);

/** RT / RW: 1–3 digits, stored as three ("1" → "001"). */
const ZRtRw = (label: "RT" | "RW") =>
  z.string({ message: `${label} wajib diisi.` }).trim()
    .regex(/^\d{1,3}$/, `${label} ditulis dengan 1–3 angka, mis. 001.`)
    .refine((v) => Number(v) > 0, `${label} tidak boleh 000.`)
    .transform((v) => v.padStart(3, "0"));

const ZPhone = z.preprocess(
  blank,
  z.string().trim()
    .transform((v) => v.replace(/[\s\-().]/g, ""))
    .refine((v) => /^(\+62|62|0)\d{7,13}$/.test(v), "Nomor telepon tidak valid; mis. 0812 3456 7890.")
    .optional(),
);

const ZBoolean = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const ZPersonInput = z.strictObject({
  nik: z.preprocess(blank, ZNik.optional()),
  name: z.string({ message: "Nama wajib diisi." }).trim().min(2, "Nama wajib diisi (minimal 2 huruf).").max(120, "Nama terlalu panjang."),
  birthDate: z.preprocess(blank, ZIsoDate("Tanggal lahir").optional()),
  birthPlace: optionalText(80, "Tempat lahir"),
  sex: z.enum(SEXES, { message: "Pilih jenis kelamin." }),
  relation: z.enum(RELATIONS, { message: "Pilih hubungan dengan kepala keluarga." }),
  maritalStatus: z.preprocess(blank, z.enum(MARITAL_STATUSES, { message: "Pilih status perkawinan." }).optional()),
  education: optionalText(80, "Pendidikan"),
  occupation: optionalText(80, "Pekerjaan"),
  monthlyIncome: ZRupiah,
  disability: optionalText(200, "Keterangan disabilitas"),
  chronicIllness: optionalText(200, "Keterangan penyakit kronis"),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;

export const MAX_MEMBERS = 20;

export const ZHouseholdInput = z
  .strictObject({
    noKk: z.preprocess(blank, ZNoKk.optional()),
    address: z.string({ message: "Alamat wajib diisi." }).trim().min(5, "Alamat wajib diisi (jalan, gang, nomor rumah).").max(200, "Alamat terlalu panjang."),
    rt: ZRtRw("RT"),
    rw: ZRtRw("RW"),
    regionCode: z.string({ message: "Pilih kelurahan/desa." }).trim().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "Pilih kelurahan/desa."),
    phone: ZPhone,
    members: z.array(ZPersonInput, { message: "Isi minimal satu anggota keluarga." })
      .min(1, "Isi minimal satu anggota keluarga.")
      .max(MAX_MEMBERS, `Paling banyak ${MAX_MEMBERS} anggota dalam satu KK.`),
    /** The officer checked the probable duplicates shown and says these are different people. */
    confirmNotDuplicate: ZBoolean.optional(),
  })
  .superRefine((v, ctx) => {
    const heads = v.members.flatMap((m, i) => (m.relation === "KEPALA_KELUARGA" ? [i] : []));
    if (heads.length === 0) {
      ctx.addIssue({ code: "custom", path: ["members"], message: "Tandai satu anggota sebagai Kepala keluarga." });
    }
    for (const i of heads.slice(1)) {
      ctx.addIssue({ code: "custom", path: ["members", i, "relation"], message: "Hanya boleh ada satu Kepala keluarga." });
    }
    const seen = new Map<string, number>();
    v.members.forEach((m, i) => {
      if (!m.nik) return;
      const first = seen.get(m.nik);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: ["members", i, "nik"], message: `NIK ini sama dengan anggota ke-${first + 1}.` });
      } else seen.set(m.nik, i);
    });
  });
export type THouseholdInput = z.infer<typeof ZHouseholdInput>;
/** What a caller may pass before parsing (e.g. the intake API's JSON). */
export type THouseholdRawInput = z.input<typeof ZHouseholdInput>;

const ZId = z.string({ message: "Data tidak dikenali." }).trim().min(1, "Data tidak dikenali.");
const ZVersion = z.coerce.number({ message: "Versi data tidak dikenali." }).int().min(1);

export const ZUpdateHouseholdInput = z.strictObject({
  householdId: ZId,
  version: ZVersion,
  noKk: z.preprocess(blank, ZNoKk.optional()),
  address: z.string({ message: "Alamat wajib diisi." }).trim().min(5, "Alamat wajib diisi (jalan, gang, nomor rumah).").max(200, "Alamat terlalu panjang."),
  rt: ZRtRw("RT"),
  rw: ZRtRw("RW"),
  phone: ZPhone,
});
export type TUpdateHouseholdInput = z.infer<typeof ZUpdateHouseholdInput>;

export const ZAddMemberInput = ZPersonInput.extend({ householdId: ZId, confirmNotDuplicate: ZBoolean.optional() });
export type TAddMemberInput = z.infer<typeof ZAddMemberInput>;

export const ZUpdateMemberInput = ZPersonInput.extend({ personId: ZId, version: ZVersion });
export type TUpdateMemberInput = z.infer<typeof ZUpdateMemberInput>;

export const ZMoveMemberInput = z.strictObject({
  personId: ZId,
  version: ZVersion,
  targetNoKk: ZNoKk,
  relation: z.enum(RELATIONS, { message: "Pilih hubungan dengan kepala keluarga di KK tujuan." }),
});
export type TMoveMemberInput = z.infer<typeof ZMoveMemberInput>;

export const ZMarkDeceasedInput = z.strictObject({
  personId: ZId,
  version: ZVersion,
  deceasedAt: ZIsoDate("Tanggal meninggal"),
  confirm: ZBoolean.refine((v) => v, "Centang pernyataan bahwa data kematian sudah diperiksa."),
});
export type TMarkDeceasedInput = z.infer<typeof ZMarkDeceasedInput>;

export const ZTagPpksInput = z.strictObject({
  householdId: ZId,
  /** Empty = the tag is for the whole household. */
  personId: z.preprocess(blank, z.string().trim().optional()),
  categoryId: z.string({ message: "Pilih kategori PPKS." }).trim().min(1, "Pilih kategori PPKS."),
  assessedAt: z.preprocess(blank, ZIsoDate("Tanggal asesmen").optional()),
  note: optionalText(500, "Catatan"),
});
export type TTagPpksInput = z.infer<typeof ZTagPpksInput>;

/**
 * Form posts name nested fields with dots ("members.1.nik"). This turns them into objects/arrays and
 * reports every issue under its full dotted path, so the form can put the message on that very field
 * (z.flattenError on the nested schema would collapse them all into "members").
 */
export function fromFormFields<S extends z.ZodType>(schema: S) {
  return z.unknown().transform((raw, ctx): z.output<S> => {
    const r = schema.safeParse(unflatten(raw));
    if (!r.success) {
      for (const issue of r.error.issues) {
        const path = issue.path.length ? [issue.path.join(".")] : [];
        // Unknown fields stay unknown-field issues, so they are reported under their own dotted names.
        if (issue.code === "unrecognized_keys") ctx.addIssue({ code: "unrecognized_keys", keys: issue.keys.map((k) => [...issue.path, k].join(".")), message: issue.message });
        else ctx.addIssue({ code: "custom", message: issue.message, path });
      }
      return z.NEVER;
    }
    return r.data;
  });
}

/** { "members.0.name": "x" } → { members: [{ name: "x" }] }. Objects without dotted keys pass unchanged. */
export function unflatten(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const parts = key.split(".");
    let node: Record<string, unknown> = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return toArrays(out);
}

function toArrays(node: unknown): unknown {
  if (!node || typeof node !== "object" || Array.isArray(node)) return Array.isArray(node) ? node.map(toArrays) : node;
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => toArrays(v));
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, toArrays(v)]));
}
