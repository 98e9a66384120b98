import type { CaseChannel, CaseKind, Urgency } from "@/lib/db/generated/enums.ts";

// Re-exported so pages and components name these types without reaching into the database layer.
export type { CaseChannel, CaseKind, Urgency };

/** Service categories a case asks for (and an office takes). Order = display order. */
export const SERVICE_CATEGORIES = [
  "kesehatan", "pendidikan", "bansos", "adminduk", "perumahan", "pekerjaan", "perlindungan", "lainnya",
] as const;
export type TServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_CATEGORY_LABELS: Record<TServiceCategory, string> = {
  kesehatan: "Kesehatan (biaya berobat, BPJS PBI)",
  pendidikan: "Pendidikan (beasiswa, PIP)",
  bansos: "Bantuan sosial (PKH, sembako, BLT)",
  adminduk: "Administrasi kependudukan (NIK, KK, akta)",
  perumahan: "Perumahan (RTLH, bedah rumah)",
  pekerjaan: "Pekerjaan (pelatihan, usaha)",
  perlindungan: "Perlindungan (kekerasan, penelantaran)",
  lainnya: "Lainnya",
};

export const CHANNEL_LABELS: Record<CaseChannel, string> = {
  DATANG_LANGSUNG: "Datang langsung",
  TELEPON: "Telepon",
  WHATSAPP: "WhatsApp",
  PENJANGKAUAN: "Penjangkauan (jemput bola)",
  RUJUKAN_MASUK: "Rujukan masuk",
  ONLINE: "Online",
};

export const KIND_LABELS: Record<CaseKind, string> = {
  PENGADUAN: "Pengaduan",
  PERMOHONAN_LAYANAN: "Permohonan layanan",
  INFORMASI: "Permintaan informasi",
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  RENDAH: "Rendah",
  SEDANG: "Sedang",
  TINGGI: "Tinggi",
  DARURAT: "Darurat (segera)",
};

/**
 * Default service standards (days to resolve, in working days) used when a district has not set its
 * own. UU 25/2009 asks for a stated completion time; no national limit exists, so these are local-SOP defaults.
 */
export const DEFAULT_SERVICE_DAYS: Record<TServiceCategory, number> = {
  kesehatan: 3,
  pendidikan: 14,
  bansos: 14,
  adminduk: 7,
  perumahan: 30,
  pekerjaan: 30,
  perlindungan: 1,
  lainnya: 14,
};
