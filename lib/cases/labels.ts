// Plain-Indonesian text for case screens. Pure, so server pages and client forms share it.
import { CASE_STATUS_LABELS, type TCaseStatus } from "./status.ts";

export type TTimelineEvent = {
  kind: string;
  fromStatus: TCaseStatus | null;
  toStatus: TCaseStatus | null;
  note: string | null;
  data: Record<string, unknown> | null;
};

/** One line describing a timeline event ("Status diubah dari Baru ke Asesmen"). */
export function describeCaseEvent(e: TTimelineEvent): string {
  switch (e.kind) {
    case "created":
      return "Kasus dicatat";
    case "status":
      return e.fromStatus && e.toStatus
        ? `Status diubah dari ${CASE_STATUS_LABELS[e.fromStatus]} ke ${CASE_STATUS_LABELS[e.toStatus]}`
        : "Status diubah";
    case "assigned": {
      const name = typeof e.data?.toName === "string" ? e.data.toName : "petugas";
      return e.data?.self ? `Mengambil kasus (petugas: ${name})` : `Ditugaskan kepada ${name}`;
    }
    case "note":
      return "Catatan ditambahkan";
    case "attachment":
      return `Lampiran diunggah: ${e.note ?? "berkas"}`;
    default:
      return "Kasus diubah";
  }
}

/** "3 hari lagi", "hari ini", "lewat 2 hari". */
export function describeDaysLeft(days: number): string {
  if (days > 0) return `${days} hari lagi`;
  if (days === 0) return "hari ini";
  return `lewat ${-days} hari`;
}

export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
