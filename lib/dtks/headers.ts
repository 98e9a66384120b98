// Column mapping for register extracts: which column of the file holds which field. Pure, so the import
// page can preview it in the browser and the CLI, the upload and the tests map the same way.
// Header spellings seen in Ministry extracts (SIKS-NG, DTSEN desil lists, BNBA recipient lists) and the
// spreadsheets offices keep: upper/lower case, spaces, dots and dashes all count as the same separator.

export const DTKS_FIELDS = [
  "nik", "noKk", "name", "birthDate", "sex", "relation", "address", "rt", "rw",
  "regionCode", "provinceCode", "kabupatenCode", "kecamatanCode", "desaCode", "desil", "status",
] as const;
export type TDtksField = (typeof DTKS_FIELDS)[number];

/** Programs recognised as their own yes/no column (or listed in a PROGRAM column). */
export const DTKS_PROGRAMS = ["PKH", "BPNT", "PBI", "PIP", "BST", "BLT", "RTLH", "ATENSI", "KUBE"] as const;
export type TDtksProgram = (typeof DTKS_PROGRAMS)[number];

export const FIELD_LABELS: Record<TDtksField, string> = {
  nik: "NIK", noKk: "Nomor KK", name: "Nama", birthDate: "Tanggal lahir", sex: "Jenis kelamin",
  relation: "Hubungan keluarga", address: "Alamat", rt: "RT", rw: "RW", regionCode: "Kode wilayah (desa/kelurahan)",
  provinceCode: "Kode provinsi", kabupatenCode: "Kode kabupaten/kota", kecamatanCode: "Kode kecamatan",
  desaCode: "Kode desa/kelurahan", desil: "Desil", status: "Status DTKS",
};

/** Required in every file: the Ministry's minimal desil and BNBA lists carry at least these. */
export const REQUIRED_FIELDS: readonly TDtksField[] = ["nik", "name"];

const SYNONYMS: Record<TDtksField, string[]> = {
  nik: ["NIK", "NO_NIK", "NOMOR_NIK", "NIK_KTP", "NIK_ART", "NOMOR_INDUK_KEPENDUDUKAN"],
  noKk: ["NOKK", "NO_KK", "NOMOR_KK", "NKK", "NO_KARTU_KELUARGA", "NOMOR_KARTU_KELUARGA", "KK"],
  name: ["NAMA", "NAMA_LENGKAP", "NAMA_ART", "NAMA_PENERIMA", "NAMA_KRT", "NM_ART"],
  birthDate: ["TGL_LAHIR", "TANGGAL_LAHIR", "TGLLAHIR", "TGL_LHR", "DOB"],
  sex: ["JENIS_KELAMIN", "JNS_KEL", "JK", "SEX", "KELAMIN"],
  relation: ["HUBUNGAN_KELUARGA", "HUB_KELUARGA", "HUB_KEL", "HUBUNGAN", "SHDK", "HUB_KRT"],
  address: ["ALAMAT", "ALAMAT_LENGKAP", "ALAMAT_RUMAH", "JALAN"],
  rt: ["RT", "NO_RT"],
  rw: ["RW", "NO_RW"],
  regionCode: ["KODE_WILAYAH", "KD_WILAYAH", "KODE_WIL", "KODE_DESA_KELURAHAN", "KODE_KELURAHAN_DESA", "IDWILAYAH", "ID_WILAYAH"],
  provinceCode: ["KODE_PROVINSI", "KD_PROV", "KODE_PROV", "KDPROV", "PROV_KODE"],
  kabupatenCode: ["KODE_KABUPATEN", "KODE_KAB", "KD_KAB", "KDKAB", "KODE_KABUPATEN_KOTA", "KODE_KAB_KOTA"],
  kecamatanCode: ["KODE_KECAMATAN", "KODE_KEC", "KD_KEC", "KDKEC"],
  desaCode: ["KODE_DESA", "KODE_KELURAHAN", "KD_DESA", "KD_KEL", "KDDESA", "KODE_DESA_KEL"],
  desil: ["DESIL", "DESIL_NASIONAL", "DESIL_KESEJAHTERAAN", "PERINGKAT_DESIL"],
  status: ["STATUS", "STATUS_DTKS", "KETERANGAN_STATUS", "STATUS_KEPESERTAAN"],
};

const PROGRAM_SYNONYMS: Record<TDtksProgram, string[]> = {
  PKH: ["PKH", "KPM_PKH", "PENERIMA_PKH", "BANSOS_PKH"],
  BPNT: ["BPNT", "SEMBAKO", "KPM_BPNT", "PENERIMA_BPNT", "BPNT_SEMBAKO"],
  PBI: ["PBI", "PBI_JK", "PBIJK", "KIS", "PBI_JKN"],
  PIP: ["PIP", "KIP"],
  BST: ["BST"],
  BLT: ["BLT", "BLT_DD"],
  RTLH: ["RTLH", "RUTILAHU", "BSPS"],
  ATENSI: ["ATENSI", "ASLUT", "ATENSI_LU"],
  KUBE: ["KUBE", "UEP"],
};

/** "No. KK", "no-kk", " NO KK " → "NO_KK". */
export function normalizeHeader(header: string): string {
  return String(header ?? "")
    .replace(/^\uFEFF/, "")
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export type TColumnMapping = {
  /** field → column index in the file. */
  fields: Partial<Record<TDtksField, number>>;
  /** program → column index holding a yes/no flag. */
  programs: Partial<Record<TDtksProgram, number>>;
  /** A column listing programs ("PKH, BPNT"), when the file has one. */
  programList?: number;
  /** Headers not used by any field, for the user to map by hand. */
  unmapped: string[];
  /** Required fields that no column provides. */
  missing: TDtksField[];
};

/**
 * A saved or hand-made mapping: field (or "program:PKH", "programList") → header as written in the file.
 * An empty header means "this file has no such column": the field is then not recognised automatically.
 */
export type TSavedMapping = Record<string, string>;

/** Every key a mapping can have, in the order the import page shows them. */
export const MAPPING_KEYS: readonly string[] = [...DTKS_FIELDS, ...DTKS_PROGRAMS.map((p) => `program:${p}`), "programList"];

/** "nik" → "NIK", "program:PKH" → "Program PKH", "programList" → "Daftar program (satu kolom)". */
export function mappingKeyLabel(key: string): string {
  if (key === "programList") return "Daftar program (satu kolom)";
  if (key.startsWith("program:")) return `Program ${key.slice(8)} (ya/tidak)`;
  return FIELD_LABELS[key as TDtksField] ?? key;
}

/**
 * Maps the header row to fields. A user's mapping (saved or fixed on the import page) wins; the rest is
 * recognised from the common spellings. A file with one region code column and separate codes gets both.
 */
export function mapHeaders(headers: readonly string[], userMapping: TSavedMapping = {}): TColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const fields: TColumnMapping["fields"] = {};
  const programs: TColumnMapping["programs"] = {};
  let programList: number | undefined;
  // Keys the user set to "no column": automatic recognition must not bring them back.
  const declined = new Set(Object.entries(userMapping).filter(([, h]) => h === "").map(([k]) => k));

  const indexOfHeader = (h: string) => {
    const exact = headers.indexOf(h);
    return exact >= 0 ? exact : normalized.indexOf(normalizeHeader(h));
  };
  for (const [key, header] of Object.entries(userMapping)) {
    if (!header) continue;
    const i = indexOfHeader(header);
    if (i < 0) continue;
    if (key === "programList") programList = i;
    else if (key.startsWith("program:")) programs[key.slice(8) as TDtksProgram] = i;
    else if ((DTKS_FIELDS as readonly string[]).includes(key)) fields[key as TDtksField] = i;
    else continue;
    used.add(i);
  }
  for (const field of DTKS_FIELDS) {
    if (fields[field] !== undefined || declined.has(field)) continue;
    const i = normalized.findIndex((h, idx) => !used.has(idx) && SYNONYMS[field].includes(h));
    if (i >= 0) {
      fields[field] = i;
      used.add(i);
    }
  }
  for (const program of DTKS_PROGRAMS) {
    if (programs[program] !== undefined || declined.has(`program:${program}`)) continue;
    const i = normalized.findIndex((h, idx) => !used.has(idx) && PROGRAM_SYNONYMS[program].includes(h));
    if (i >= 0) {
      programs[program] = i;
      used.add(i);
    }
  }
  if (programList === undefined && !declined.has("programList")) {
    const i = normalized.findIndex((h, idx) => !used.has(idx) && ["PROGRAM", "PROGRAM_BANSOS", "BANSOS", "JENIS_BANTUAN"].includes(h));
    if (i >= 0) {
      programList = i;
      used.add(i);
    }
  }
  return {
    fields, programs, programList,
    unmapped: headers.filter((_, i) => !used.has(i) && normalized[i] !== ""),
    missing: REQUIRED_FIELDS.filter((f) => fields[f] === undefined),
  };
}

/**
 * The mapping as field → header, to store with the batch or save for reuse. With `complete`, every key is
 * present and the unmapped ones are "" — exact: mapping the same headers with it again gives the same columns.
 */
export function describeMapping(headers: readonly string[], m: TColumnMapping, { complete = false } = {}): TSavedMapping {
  const out: TSavedMapping = complete ? Object.fromEntries(MAPPING_KEYS.map((k) => [k, ""])) : {};
  for (const [f, i] of Object.entries(m.fields)) if (i !== undefined) out[f] = headers[i];
  for (const [p, i] of Object.entries(m.programs)) if (i !== undefined) out[`program:${p}`] = headers[i];
  if (m.programList !== undefined) out.programList = headers[m.programList];
  return out;
}

/**
 * What is wrong with a mapping, per key, in Indonesian for the field on the import page: a required field
 * without a column, or one column chosen for two fields (the later one gets the message).
 */
export function mappingProblems(headers: readonly string[], m: TColumnMapping): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of m.missing) problems[f] = `Pilih kolom untuk ${FIELD_LABELS[f]} — wajib diisi.`;
  const chosen: [string, number | undefined][] = [
    ...DTKS_FIELDS.map((f) => [f, m.fields[f]] as [string, number | undefined]),
    ...DTKS_PROGRAMS.map((p) => [`program:${p}`, m.programs[p]] as [string, number | undefined]),
    ["programList", m.programList],
  ];
  const firstUse = new Map<number, string>();
  for (const [key, i] of chosen) {
    if (i === undefined) continue;
    const earlier = firstUse.get(i);
    if (earlier) problems[key] = `Kolom "${headers[i]}" sudah dipilih untuk ${mappingKeyLabel(earlier)}. Pilih kolom lain.`;
    else firstUse.set(i, key);
  }
  return problems;
}

/** Which program a free-text entry ("Sembako", "PBI-JK") names, if any. */
export function programOf(text: string): TDtksProgram | null {
  const h = normalizeHeader(text);
  for (const p of DTKS_PROGRAMS) if (PROGRAM_SYNONYMS[p].includes(h)) return p;
  return null;
}
