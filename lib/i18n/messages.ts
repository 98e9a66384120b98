import type { Role } from "@/lib/access/roles";
import type { OfficeKind } from "@/lib/db/generated/enums.ts";

/** UI strings. Indonesian is the source; English mirrors every key (checked by the type). */
const id = {
  appName: "Simpul",
  tagline: "Layanan dan rujukan terpadu Puskesos & SLRT",
  nav: { home: "Beranda", psks: "Mitra PSKS", field: "Lapangan", intake: "Layanan baru", cases: "Kasus", referrals: "Rujukan", routingRules: "Aturan rujukan", households: "Rumah tangga", dtks: "Cek DTKS", dtksImport: "Impor DTKS", eligibility: "Kelayakan", users: "Pengguna", audit: "Jejak audit", reports: "Laporan", apiTokens: "Token API", offices: "Kantor & wilayah", account: "Akun saya" },
  header: { logout: "Keluar", skip: "Lewati ke isi halaman", language: "Bahasa", menu: "Menu" },
  login: {
    title: "Masuk ke Simpul",
    username: "Nama pengguna",
    password: "Kata sandi",
    submit: "Masuk",
    submitting: "Memeriksa…",
    errors: {
      INVALID: "Nama pengguna atau kata sandi salah.",
      LOCKED: "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah pukul {time} WIB, atau minta admin membuka kunci.",
      INACTIVE: "Akun ini tidak aktif. Hubungi admin kantor Anda.",
      THROTTLED: "Terlalu banyak percobaan dari perangkat ini. Coba lagi setelah pukul {time} WIB.",
      DEFAULT: "Gagal masuk. Coba lagi.",
    },
    expired: "Sesi Anda berakhir. Silakan masuk kembali.",
  },
  roles: {
    ADMIN: "Admin",
    MANAJER: "Manajer SLRT",
    KOORDINATOR: "Koordinator Puskesos",
    SUPERVISOR: "Supervisor",
    FRONT_OFFICE: "Front office",
    BACK_OFFICE: "Back office",
    FASILITATOR: "Fasilitator",
    PSM: "PSM",
    TKSK: "TKSK",
    DINSOS: "Supervisor Dinas Sosial",
    DESK_OFFICER: "Petugas meja SKPD",
  } satisfies Record<Role, string>,
  officeKinds: {
    PUSKESOS: "Puskesos", SLRT: "SLRT", DINSOS: "Dinas Sosial", SKPD: "SKPD", BAPAS: "BAPAS", OTHER: "Lainnya",
  } satisfies Record<OfficeKind, string>,
  common: { save: "Simpan", cancel: "Batal", search: "Cari", previous: "Sebelumnya", next: "Berikutnya", page: "Halaman {page} dari {pages}", empty: "Tidak ada data.", yes: "Ya", no: "Tidak", all: "Semua" },
};

type TMessages = typeof id;
type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };

const en: DeepString<TMessages> = {
  appName: "Simpul",
  tagline: "Integrated social services & referrals for Puskesos and SLRT",
  nav: { home: "Home", psks: "Social partners", field: "Field", intake: "New request", cases: "Cases", referrals: "Referrals", routingRules: "Routing rules", households: "Households", dtks: "DTKS lookup", dtksImport: "DTKS import", eligibility: "Eligibility", users: "Users", audit: "Audit trail", reports: "Reports", apiTokens: "API tokens", offices: "Offices & regions", account: "My account" },
  header: { logout: "Log out", skip: "Skip to content", language: "Language", menu: "Menu" },
  login: {
    title: "Log in to Simpul",
    username: "Username",
    password: "Password",
    submit: "Log in",
    submitting: "Checking…",
    errors: {
      INVALID: "Wrong username or password.",
      LOCKED: "The account is locked after too many failed attempts. Try again after {time} WIB, or ask an admin to unlock it.",
      INACTIVE: "This account is inactive. Contact your office admin.",
      THROTTLED: "Too many attempts from this device. Try again after {time} WIB.",
      DEFAULT: "Could not log in. Try again.",
    },
    expired: "Your session ended. Please log in again.",
  },
  roles: {
    ADMIN: "Admin", MANAJER: "SLRT manager", KOORDINATOR: "Puskesos coordinator", SUPERVISOR: "Supervisor",
    FRONT_OFFICE: "Front office", BACK_OFFICE: "Back office", FASILITATOR: "Facilitator", PSM: "PSM volunteer",
    TKSK: "TKSK", DINSOS: "Social affairs supervisor", DESK_OFFICER: "Agency desk officer",
  },
  officeKinds: { PUSKESOS: "Puskesos", SLRT: "SLRT", DINSOS: "Social Affairs Office", SKPD: "Agency (SKPD)", BAPAS: "Probation office (BAPAS)", OTHER: "Other" },
  common: { save: "Save", cancel: "Cancel", search: "Search", previous: "Previous", next: "Next", page: "Page {page} of {pages}", empty: "No data.", yes: "Yes", no: "No", all: "All" },
};

export const MESSAGES = { id, en } as const;
export type TLocale = keyof typeof MESSAGES;
export type TDict = DeepString<TMessages>;

export function dictionary(locale: string | undefined): TDict {
  return locale === "en" ? MESSAGES.en : MESSAGES.id;
}

/** Fills {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
