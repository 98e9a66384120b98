import { CHANNEL_LABELS, KIND_LABELS } from "@/lib/cases/categories";
import type { CaseChannel, CaseKind } from "@/lib/db/generated/enums.ts";
import { REFERRAL_STATUS_LABELS } from "@/lib/referrals/status";
import type { TDtksCoverage } from "./dtks-coverage.ts";
import type { TPpksReport } from "./ppks-report.ts";
import type { TReferralReport } from "./referral-report.ts";
import type { TServiceReport } from "./service-report.ts";
import { formatHours, formatShare } from "./stats.ts";

export type TCell = string | number | null;
/** A report table as shown beside a chart and as written to CSV / XLSX: the same cells in both places. */
export type TReportTable = { key: string; title: string; columns: string[]; rows: TCell[][]; links?: (string | null)[]; personal?: boolean };

export const REPORT_KINDS = ["layanan", "rujukan", "ppks", "dtks"] as const;
export type TReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_TITLES: Record<TReportKind, string> = {
  layanan: "Standar pelayanan (UU 25/2009)",
  rujukan: "Rujukan",
  ppks: "PPKS dan usulan DTKS",
  dtks: "Cakupan DTKS",
};

const PROPOSAL_LABELS: Record<string, string> = { DIUSULKAN: "Diusulkan", MUSYAWARAH: "Musyawarah", DIVERIFIKASI: "Diverifikasi", DISETUJUI: "Disetujui", DITOLAK: "Ditolak", MASUK_DTKS: "Masuk DTKS" };
const TOTAL = "JUMLAH";
const hours = (s: number | null) => (s === null ? null : Math.round(s / 360) / 10);
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function serviceTables(r: TServiceReport, caseLink: (officeId: string | null, month: string | null) => string | null): TReportTable[] {
  return [
    {
      key: "kanal", title: "Kasus menurut kanal dan jenis", columns: ["Kanal", "Jenis", "Jumlah kasus"],
      rows: r.byChannelKind.map((x) => [x.channel ? CHANNEL_LABELS[x.channel as CaseChannel] ?? x.channel : TOTAL, x.kind ? KIND_LABELS[x.kind as CaseKind] ?? x.kind : x.channel ? "Semua jenis" : "", x.count]),
    },
    {
      key: "kinerja", title: "Waktu respons dan penyelesaian per kantor per bulan",
      columns: ["Bulan", "Kantor", "Kasus", "Direspons", "Selesai", "Selesai tepat waktu", "% tepat waktu", "Respons p50 (jam)", "Respons p90 (jam)", "Penyelesaian p50 (jam)", "Penyelesaian p90 (jam)", "Terbuka lewat tenggat"],
      rows: r.rows.map((x) => [x.month ?? TOTAL, x.officeName ?? "", x.total, x.responded, x.resolved, x.resolvedOnTime, pct(x.withinStandardShare), hours(x.firstResponseP50), hours(x.firstResponseP90), hours(x.completionP50), hours(x.completionP90), x.overdueOpen]),
      links: r.rows.map((x) => caseLink(x.officeId, x.month)),
    },
  ];
}

export function referralTables(r: TReferralReport): TReportTable[] {
  const timingRow = (label: string) => (t: TReferralReport["timing"][number]): TCell[] => [label, t.officeName ?? TOTAL, t.total, t.accepted, t.completed, t.completedOnTime, pct(t.withinDeadlineShare), hours(t.acceptP50), hours(t.acceptP90), hours(t.completeP50), hours(t.completeP90), t.overdueOpen];
  const timing = [...r.timing.filter((t) => t.by === "desk"), ...r.timing.filter((t) => t.by === "puskesos"), ...r.timing.filter((t) => t.by === "total")];
  return [
    {
      key: "status", title: "Rujukan per meja tujuan dan status", columns: ["Meja tujuan", "Status", "Jumlah"],
      rows: [...r.byStatus.map((x): TCell[] => [x.toOfficeName, REFERRAL_STATUS_LABELS[x.status as keyof typeof REFERRAL_STATUS_LABELS] ?? x.status, x.count]), [TOTAL, "", r.byStatus.reduce((a, x) => a + x.count, 0)]],
    },
    {
      key: "waktu", title: "Waktu menerima dan menyelesaikan rujukan (median = p50, persentil peringkat terdekat)",
      columns: ["Menurut", "Kantor", "Rujukan", "Diterima", "Selesai", "Selesai tepat waktu", "% tepat waktu", "Menerima p50 (jam)", "Menerima p90 (jam)", "Menyelesaikan p50 (jam)", "Menyelesaikan p90 (jam)", "Lewat tenggat"],
      rows: timing.map((t) => timingRow(t.by === "desk" ? "Meja tujuan" : t.by === "puskesos" ? "Kantor perujuk" : "Semua")(t)),
    },
    {
      key: "lewat-tenggat", title: "Rujukan lewat tenggat", columns: ["Tiket", "Dari", "Ke", "Layanan", "Status", "Tenggat"],
      rows: r.overdue.map((o) => [o.ticketNo, o.fromOfficeName, o.toOfficeName, o.serviceCategory, REFERRAL_STATUS_LABELS[o.status as keyof typeof REFERRAL_STATUS_LABELS] ?? o.status, o.dueAt.toISOString()]),
      links: r.overdue.map((o) => `/rujukan/${o.id}`),
    },
  ];
}

export function ppksTables(r: TPpksReport): TReportTable[] {
  const level = { kelurahan: "Kelurahan", kecamatan: "Kecamatan", kategori: "Jumlah kategori", total: "JUMLAH (orang/KK unik)" } as const;
  return [
    {
      key: "ppks", title: "PPKS per kategori dan wilayah", columns: ["Kode", "Kategori PPKS", "Jenis", "Tingkat", "Kode wilayah", "Wilayah", "Orang", "Rumah tangga"],
      rows: r.rows.map((x) => [x.categoryCode ?? "", x.categoryName ?? "", x.standard === null ? "" : x.standard ? "Standar" : "Lokal", level[x.level], x.regionCode ?? "", x.regionName ?? "", x.people, x.households]),
      links: r.rows.map((x) => (x.level === "kelurahan" && x.regionCode ? `/rumah-tangga?wilayah=${x.regionCode}` : null)),
    },
    {
      key: "usulan", title: "Usulan DTKS per kategori dan status", columns: ["Kategori", "Status", "Kode wilayah", "Jumlah"],
      rows: r.proposals.map((p) => [p.categoryCode ?? "(tanpa kategori)", PROPOSAL_LABELS[p.status] ?? p.status, p.regionCode ?? TOTAL, p.count]),
    },
  ];
}

export function dtksTables(r: TDtksCoverage): TReportTable[] {
  return [
    {
      key: "belum-dtks", title: "Rumah tangga layak tetapi belum di DTKS, per kelurahan", columns: ["Kode wilayah", "Kelurahan", "Rumah tangga", "Sudah diusulkan"],
      rows: r.byKelurahan.map((x) => [x.regionCode ?? "", x.regionName ?? TOTAL, x.households, x.proposed]),
    },
    {
      key: "daftar-usulan", title: "Daftar untuk diusulkan", columns: ["Kode wilayah", "No KK", "Kepala keluarga", "Alamat", "RT", "RW", "Sudah diusulkan"], personal: true,
      rows: r.households.map((h) => [h.regionCode, h.noKk ?? "", h.headName ?? "", h.address, h.rt, h.rw, h.proposed ? "Ya" : "Belum"]),
      links: r.households.map((h) => `/rumah-tangga/${h.householdId}`),
    },
    {
      key: "desil", title: "Sebaran desil DTKS/DTSEN", columns: ["Sumber", "Desil", "Orang", "Rumah tangga (No KK)"],
      rows: [...r.desil.map((d): TCell[] => [d.source, d.desil ?? "tanpa desil", d.people, d.households]), [TOTAL, "", r.desil.reduce((a, d) => a + d.people, 0), null]],
    },
  ];
}

export { formatHours, formatShare };
