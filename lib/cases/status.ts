// The case lifecycle as a pure state machine. No database and no React, so the same rules decide which
// buttons a page shows and whether the server action accepts the change.
// Who may update cases at all is decided by lib/access (case:update); this file only adds the rules that
// depend on the move itself: which moves exist, which need a written note, and the two moves reserved
// to particular roles.

import type { Role } from "@/lib/access/roles";

export const CASE_STATUSES = [
  "BARU",
  "ASESMEN",
  "DIRUJUK",
  "DALAM_PENANGANAN",
  "SELESAI",
  "DITUTUP",
  "DIBATALKAN",
] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS = {
  BARU: "Baru",
  ASESMEN: "Asesmen",
  DIRUJUK: "Dirujuk",
  DALAM_PENANGANAN: "Dalam penanganan",
  SELESAI: "Selesai",
  DITUTUP: "Ditutup",
  DIBATALKAN: "Dibatalkan",
} as const satisfies Record<TCaseStatus, string>;

/**
 * Why each move exists:
 * - ASESMEN → SELESAI: a request for information can be answered during the assessment itself.
 * - DIRUJUK → ASESMEN: the receiving office declined the referral, so the case is assessed again.
 * - DALAM_PENANGANAN → DIRUJUK: handling shows another office is needed.
 * - SELESAI → DALAM_PENANGANAN: the citizen says the problem is not solved (Puskesos goal 5, "make sure
 *   complaints are resolved"); closing is a separate step so a coordinator can check the resolution first.
 * - DITUTUP and DIBATALKAN are terminal: a new problem is a new case, which keeps the history honest.
 */
const TRANSITIONS = {
  BARU: ["ASESMEN", "DIBATALKAN"],
  ASESMEN: ["DIRUJUK", "DALAM_PENANGANAN", "SELESAI", "DIBATALKAN"],
  DIRUJUK: ["ASESMEN", "DALAM_PENANGANAN"],
  DALAM_PENANGANAN: ["DIRUJUK", "SELESAI"],
  SELESAI: ["DALAM_PENANGANAN", "DITUTUP"],
  DITUTUP: [],
  DIBATALKAN: [],
} as const satisfies Record<TCaseStatus, readonly TCaseStatus[]>;

/** Closing confirms the resolution was checked, so it is a supervising role's job, not the handler's. */
export const CLOSE_ROLES = ["KOORDINATOR", "MANAJER", "SUPERVISOR", "DINSOS"] as const satisfies readonly Role[];

/**
 * Cancelling stops the service to a citizen, so field volunteers (PSM, TKSK) and facilitators cannot do
 * it alone; they ask the office. DINSOS supervises but does not run the desk, so it does not cancel.
 */
export const CANCEL_ROLES = [
  "FRONT_OFFICE",
  "BACK_OFFICE",
  "KOORDINATOR",
  "MANAJER",
  "SUPERVISOR",
] as const satisfies readonly Role[];

/** Notes are kept for accountability (who decided what and why); 5 characters rules out "ok" and ".". */
export const MIN_NOTE_LENGTH = 5;

const OPEN_STATUSES = ["BARU", "ASESMEN", "DIRUJUK", "DALAM_PENANGANAN"] as const satisfies readonly TCaseStatus[];

export type TTransitionInput = { note?: string; role: Role };

export type TTransitionErrorCode = "NOT_ALLOWED" | "NOTE_REQUIRED" | "ROLE";

export type TTransitionResult = { ok: true } | { ok: false; code: TTransitionErrorCode; message: string };

export function isCaseStatus(value: unknown): value is TCaseStatus {
  return typeof value === "string" && (CASE_STATUSES as readonly string[]).includes(value);
}

/** Open cases still need work: they count for workload and can be overdue. */
export function isOpenStatus(status: TCaseStatus): boolean {
  return (OPEN_STATUSES as readonly TCaseStatus[]).includes(status);
}

/** The statuses reachable from `from`, in CASE_STATUSES order. A fresh array each call. */
export function allowedTransitions(from: TCaseStatus): TCaseStatus[] {
  const targets: readonly TCaseStatus[] = TRANSITIONS[from];
  return CASE_STATUSES.filter((s) => targets.includes(s));
}

function isReopen(from: TCaseStatus, to: TCaseStatus): boolean {
  return from === "SELESAI" && to === "DALAM_PENANGANAN";
}

/** The note a move requires, as the message asking for it; null when no note is needed. */
function requiredNoteMessage(from: TCaseStatus, to: TCaseStatus): string | null {
  const min = `(minimal ${MIN_NOTE_LENGTH} karakter)`;
  if (to === "DIBATALKAN") return `Tuliskan alasan pembatalan ${min}.`;
  if (to === "SELESAI") return `Tuliskan penyelesaian kasus ${min}.`;
  if (isReopen(from, to)) return `Tuliskan alasan kasus dibuka kembali ${min}.`;
  return null;
}

/**
 * Whether `role` may move a case from `from` to `to` with `note`.
 * Checks run from the most to the least fundamental: a move that does not exist, then a role that may
 * not make it (a note would not help), then a missing note (the only thing the user can fix in the form).
 */
export function checkTransition(from: TCaseStatus, to: TCaseStatus, input: TTransitionInput): TTransitionResult {
  const targets: readonly TCaseStatus[] = TRANSITIONS[from];
  if (!targets.includes(to)) {
    const message =
      targets.length === 0
        ? `Kasus berstatus ${CASE_STATUS_LABELS[from]} tidak dapat diubah lagi.`
        : `Status kasus tidak dapat diubah dari ${CASE_STATUS_LABELS[from]} ke ${CASE_STATUS_LABELS[to]}.`;
    return { ok: false, code: "NOT_ALLOWED", message };
  }

  if (to === "DITUTUP" && !(CLOSE_ROLES as readonly Role[]).includes(input.role)) {
    return {
      ok: false,
      code: "ROLE",
      message: "Hanya koordinator, manajer, supervisor, atau Dinsos yang dapat menutup kasus.",
    };
  }
  if (to === "DIBATALKAN" && !(CANCEL_ROLES as readonly Role[]).includes(input.role)) {
    return {
      ok: false,
      code: "ROLE",
      message: "Hanya front office, back office, koordinator, manajer, atau supervisor yang dapat membatalkan kasus.",
    };
  }

  const noteMessage = requiredNoteMessage(from, to);
  if (noteMessage && (input.note ?? "").trim().length < MIN_NOTE_LENGTH) {
    return { ok: false, code: "NOTE_REQUIRED", message: noteMessage };
  }
  return { ok: true };
}

/**
 * Button labels, keyed by target status, plus the two moves whose meaning differs from their target:
 * REOPEN (SELESAI → DALAM_PENANGANAN) and REASSESS (DIRUJUK → ASESMEN, after a declined referral).
 */
export const TRANSITION_ACTION_LABELS = {
  ASESMEN: "Mulai asesmen",
  DIRUJUK: "Catat dirujuk",
  DALAM_PENANGANAN: "Mulai penanganan",
  SELESAI: "Tandai selesai",
  DITUTUP: "Tutup kasus",
  DIBATALKAN: "Batalkan",
  REOPEN: "Buka kembali",
  REASSESS: "Asesmen ulang",
} as const satisfies Record<Exclude<TCaseStatus, "BARU"> | "REOPEN" | "REASSESS", string>;

/**
 * The button label for a move; callers list moves with allowedTransitions(from). Takes any status so
 * that list can be mapped directly; BARU is never a target and falls back to its status label.
 */
export function transitionActionLabel(from: TCaseStatus, to: TCaseStatus): string {
  if (to === "BARU") return CASE_STATUS_LABELS[to];
  if (isReopen(from, to)) return TRANSITION_ACTION_LABELS.REOPEN;
  if (from === "DIRUJUK" && to === "ASESMEN") return TRANSITION_ACTION_LABELS.REASSESS;
  return TRANSITION_ACTION_LABELS[to];
}
