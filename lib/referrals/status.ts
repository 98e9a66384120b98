// The referral lifecycle as a pure state machine (issue 6 §4). The same rules decide which buttons a
// page shows and whether the server accepts the move. Who is on which side of a referral (the
// originating office, the deciders, the destination desk) is worked out by lib/referrals/sides.ts.

export const REFERRAL_STATUSES = [
  "DRAFT", "MENUNGGU_PENETAPAN", "DIKIRIM", "DITERIMA", "DITOLAK", "DIALIHKAN", "DALAM_PROSES", "SELESAI", "DIBATALKAN",
] as const;
export type TReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STATUS_LABELS = {
  DRAFT: "Draf",
  MENUNGGU_PENETAPAN: "Menunggu penetapan",
  DIKIRIM: "Dikirim",
  DITERIMA: "Diterima",
  DITOLAK: "Ditolak",
  DIALIHKAN: "Dialihkan",
  DALAM_PROSES: "Dalam proses",
  SELESAI: "Selesai",
  DIBATALKAN: "Dibatalkan",
} as const satisfies Record<TReferralStatus, string>;

export const REFERRAL_OUTCOMES = ["LAYANAN_DIBERIKAN", "TIDAK_MEMENUHI_SYARAT", "LAINNYA"] as const;
export type TReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
export const REFERRAL_OUTCOME_LABELS = {
  LAYANAN_DIBERIKAN: "Layanan diberikan",
  TIDAK_MEMENUHI_SYARAT: "Tidak memenuhi syarat",
  LAINNYA: "Lainnya",
} as const satisfies Record<TReferralOutcome, string>;

/** Who makes a move: the office that refers, the decider (penetapan layanan), or the destination desk. */
export type TReferralSide = "origin" | "decider" | "destination";

/**
 * Every move that exists, and the side that makes it. Why:
 * - DRAFT → DIKIRIM only when the destination needs no penetapan (checked with `requiresDecision`).
 * - MENUNGGU_PENETAPAN → DRAFT: the decider sends it back to be corrected.
 * - DITERIMA → SELESAI: a desk may serve at once (e.g. a BPJS PBI activation) without a separate "in progress".
 * - DIALIHKAN closes this referral; the new destination gets a new referral that points back to it (the chain).
 * - DITOLAK, DIALIHKAN, SELESAI and DIBATALKAN are terminal: a further need is a new referral.
 */
const MOVES = {
  DRAFT: { MENUNGGU_PENETAPAN: ["origin"], DIKIRIM: ["origin"], DIBATALKAN: ["origin"] },
  MENUNGGU_PENETAPAN: { DRAFT: ["decider"], DIKIRIM: ["decider"], DIBATALKAN: ["decider", "origin"] },
  DIKIRIM: { DITERIMA: ["destination"], DITOLAK: ["destination"], DIALIHKAN: ["destination"], DIBATALKAN: ["origin"] },
  DITERIMA: { DALAM_PROSES: ["destination"], SELESAI: ["destination"], DIALIHKAN: ["destination"] },
  DALAM_PROSES: { SELESAI: ["destination"], DIALIHKAN: ["destination"] },
  DITOLAK: {},
  DIALIHKAN: {},
  SELESAI: {},
  DIBATALKAN: {},
} as const satisfies Record<TReferralStatus, Partial<Record<TReferralStatus, readonly TReferralSide[]>>>;

export const MIN_REASON_LENGTH = 5;

export type TReferralMoveInput = {
  sides: readonly TReferralSide[];
  requiresDecision: boolean;
  note?: string | null;
  outcome?: TReferralOutcome | null;
};

export type TReferralMoveResult =
  | { ok: true }
  | { ok: false; code: "NOT_ALLOWED" | "SIDE" | "NOTE_REQUIRED" | "OUTCOME_REQUIRED" | "DECISION_REQUIRED"; message: string };

export const OPEN_REFERRAL_STATUSES = ["DRAFT", "MENUNGGU_PENETAPAN", "DIKIRIM", "DITERIMA", "DALAM_PROSES"] as const satisfies readonly TReferralStatus[];
/** Statuses in which the destination desk owes work, so the due date runs. */
export const DESK_OPEN_STATUSES = ["DIKIRIM", "DITERIMA", "DALAM_PROSES"] as const satisfies readonly TReferralStatus[];

export function isOpenReferral(status: TReferralStatus): boolean {
  return (OPEN_REFERRAL_STATUSES as readonly string[]).includes(status);
}

export function isReferralStatus(v: unknown): v is TReferralStatus {
  return typeof v === "string" && (REFERRAL_STATUSES as readonly string[]).includes(v);
}

/** The targets reachable from `from` at all (whoever makes them), in REFERRAL_STATUSES order. */
export function referralTargets(from: TReferralStatus): TReferralStatus[] {
  const moves: Partial<Record<TReferralStatus, readonly TReferralSide[]>> = MOVES[from];
  return REFERRAL_STATUSES.filter((s) => moves[s] !== undefined);
}

function needsReason(to: TReferralStatus): string | null {
  const min = `(minimal ${MIN_REASON_LENGTH} karakter)`;
  if (to === "DITOLAK") return `Tuliskan alasan penolakan ${min}.`;
  if (to === "DIALIHKAN") return `Tuliskan alasan pengalihan ${min}.`;
  if (to === "DIBATALKAN") return `Tuliskan alasan pembatalan ${min}.`;
  if (to === "DRAFT") return `Tuliskan apa yang perlu diperbaiki ${min}.`;
  return null;
}

/**
 * Whether an actor on `sides` may move a referral from `from` to `to`. Checked from the most to the
 * least fundamental: a move that does not exist; a side that may not make it; the penetapan that
 * cannot be skipped; then what the form can fix (reason, outcome).
 */
export function checkReferralMove(from: TReferralStatus, to: TReferralStatus, input: TReferralMoveInput): TReferralMoveResult {
  const moves: Partial<Record<TReferralStatus, readonly TReferralSide[]>> = MOVES[from];
  const allowed = moves[to];
  if (!allowed) {
    const message = referralTargets(from).length === 0
      ? `Rujukan berstatus ${REFERRAL_STATUS_LABELS[from]} tidak dapat diubah lagi.`
      : `Status rujukan tidak dapat diubah dari ${REFERRAL_STATUS_LABELS[from]} ke ${REFERRAL_STATUS_LABELS[to]}.`;
    return { ok: false, code: "NOT_ALLOWED", message };
  }
  if (!allowed.some((s) => input.sides.includes(s))) {
    const who = allowed.includes("destination") ? "petugas meja tujuan" : allowed.includes("decider") ? "manajer SLRT atau koordinator Puskesos" : "kantor perujuk";
    return { ok: false, code: "SIDE", message: `Langkah ini hanya dapat dilakukan oleh ${who}.` };
  }
  if (from === "DRAFT" && to === "DIKIRIM" && input.requiresDecision) {
    return { ok: false, code: "DECISION_REQUIRED", message: "Rujukan ini harus ditetapkan dulu oleh manajer SLRT atau koordinator Puskesos." };
  }
  const reason = needsReason(to);
  if (reason && (input.note ?? "").trim().length < MIN_REASON_LENGTH) return { ok: false, code: "NOTE_REQUIRED", message: reason };
  if (to === "SELESAI") {
    if (!input.outcome) return { ok: false, code: "OUTCOME_REQUIRED", message: "Pilih hasil layanan." };
    if (input.outcome === "LAINNYA" && (input.note ?? "").trim().length < MIN_REASON_LENGTH) {
      return { ok: false, code: "NOTE_REQUIRED", message: `Jelaskan hasil layanan (minimal ${MIN_REASON_LENGTH} karakter).` };
    }
  }
  return { ok: true };
}

/** Moves the given sides may make from `from` (reason/outcome are asked for by the form). */
export function movesFor(from: TReferralStatus, sides: readonly TReferralSide[], requiresDecision: boolean): TReferralStatus[] {
  return referralTargets(from).filter((to) => {
    const r = checkReferralMove(from, to, { sides, requiresDecision, note: "xxxxxxxxxx", outcome: "LAYANAN_DIBERIKAN" });
    return r.ok;
  });
}

export const REFERRAL_ACTION_LABELS: Partial<Record<TReferralStatus, string>> = {
  MENUNGGU_PENETAPAN: "Ajukan penetapan",
  DIKIRIM: "Tetapkan dan kirim",
  DRAFT: "Kembalikan untuk diperbaiki",
  DITERIMA: "Terima rujukan",
  DITOLAK: "Tolak rujukan",
  DIALIHKAN: "Alihkan ke tujuan lain",
  DALAM_PROSES: "Mulai proses",
  SELESAI: "Catat hasil dan selesaikan",
  DIBATALKAN: "Batalkan rujukan",
};

type TCaseStatusLike = "BARU" | "ASESMEN" | "DIRUJUK" | "DALAM_PENANGANAN" | "SELESAI" | "DITUTUP" | "DIBATALKAN";

/**
 * "The case status follows its referrals": the status an open case should have given its referrals,
 * or null when the referrals say nothing (no referral left the draft stage) or the case is already
 * finished/closed by hand. Work at a desk → DALAM_PENANGANAN; waiting for a decision or a desk →
 * DIRUJUK; all finished with at least one served → SELESAI; all declined/cancelled → ASESMEN again.
 */
export function caseStatusFromReferrals(caseStatus: TCaseStatusLike, referrals: readonly TReferralStatus[]): TCaseStatusLike | null {
  if (!["BARU", "ASESMEN", "DIRUJUK", "DALAM_PENANGANAN"].includes(caseStatus)) return null;
  const live = referrals.filter((s) => s !== "DRAFT");
  if (live.length === 0) return null;
  let target: TCaseStatusLike;
  if (live.some((s) => s === "DITERIMA" || s === "DALAM_PROSES")) target = "DALAM_PENANGANAN";
  else if (live.some((s) => s === "MENUNGGU_PENETAPAN" || s === "DIKIRIM")) target = "DIRUJUK";
  else if (live.some((s) => s === "SELESAI")) target = "SELESAI";
  else if (caseStatus === "DIRUJUK" || caseStatus === "DALAM_PENANGANAN") target = "ASESMEN";
  else return null;
  return target === caseStatus ? null : target;
}

/** When the destination desk may attach documents: while it works the referral and after the outcome (proof may follow it). */
export const ATTACHABLE_STATUSES = ["DITERIMA", "DALAM_PROSES", "SELESAI"] as const satisfies readonly TReferralStatus[];
