import "server-only";
import { writeAudit, type TAuditActor } from "@/lib/audit/write-audit";
import { fileStore, type TFileStore } from "@/lib/cases/file-store";
import { db } from "@/lib/db/client";

/**
 * Retention (UU 27/2022: data kept no longer than needed for its purpose). Closed cases — SELESAI, DITUTUP,
 * DIBATALKAN — whose closing (or resolution, or last change) is older than N years are anonymised in place:
 * the need text, reporter name/phone/relation, note bodies and free-text event notes are replaced, and the
 * attachments (photos, scans of KTP / KK) and the documents desks attached to its referrals are deleted, row and
 * bytes; its referrals lose their free text (reason, outcome note, decline reason, consent names, event notes).
 * The case row, its ticket, category, dates and status stay for statistics, and so do its referrals' destination,
 * status, outcome and dates. The case's subject person loses name, NIK and birth place only when neither they nor
 * their household has any case still open.
 * Decided DTKS proposals (usulan: approved, rejected, or found in the register) decided more than N years ago
 * lose their free text (reason, verivali note, decision reason) and their verivali photos; status, category,
 * region and dates stay for the counts.
 * One transaction and one audit row per case / proposal ("privacy.purge") and per person
 * ("privacy.anonymise-person"); the stored bytes are deleted after that transaction commits, so a failure never
 * leaves a row pointing at deleted bytes. Running it again changes nothing (anonymised rows are skipped).
 */
export const CLOSED_STATUSES = ["SELESAI", "DITUTUP", "DIBATALKAN"] as const;
/** Proposals whose outcome is settled. DIUSULKAN / MUSYAWARAH / DIVERIFIKASI are still being worked on. */
export const DECIDED_PROPOSAL_STATUSES = ["DISETUJUI", "DITOLAK", "MASUK_DTKS"] as const;
export const ANONYMISED = "[dianonimkan]";

/** SIMPUL_RETENTION_YEARS (default 10 — the usual archive period for social-service case files). */
export function retentionYears(): number {
  const v = Number(process.env.SIMPUL_RETENTION_YEARS ?? 10);
  if (!Number.isFinite(v) || v < 1) throw new Error("SIMPUL_RETENTION_YEARS harus angka tahun ≥ 1.");
  return v;
}

export type TPurgeResult = {
  years: number; cutoff: Date; cases: number; persons: number; proposals: number;
  /** Stored files deleted (case attachments, referral documents, verivali photos), and those the store failed to delete. */
  files: number;
  filesFailed: number;
  dryRun: boolean;
};

export async function purgeExpiredRecords(
  actor: TAuditActor,
  opts: { years?: number; now?: Date; dryRun?: boolean; store?: TFileStore } = {},
): Promise<TPurgeResult> {
  const years = opts.years ?? retentionYears();
  if (!Number.isFinite(years) || years < 1) throw new Error("Masa retensi harus angka tahun ≥ 1.");
  const now = opts.now ?? new Date();
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  const due = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "case" WHERE status::text = ANY($1::text[]) AND COALESCE(closed_at, resolved_at, updated_at) < $2
       AND need <> $3 ORDER BY id LIMIT 5000`,
    [...CLOSED_STATUSES], cutoff, ANONYMISED,
  );
  const dueProposals = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM proposal WHERE status::text = ANY($1::text[]) AND COALESCE(decided_at, updated_at) < $2
       AND reason <> $3 ORDER BY id LIMIT 5000`,
    [...DECIDED_PROPOSAL_STATUSES], cutoff, ANONYMISED,
  );
  const result: TPurgeResult = { years, cutoff, cases: 0, persons: 0, proposals: 0, files: 0, filesFailed: 0, dryRun: Boolean(opts.dryRun) };
  if (opts.dryRun) return { ...result, cases: due.length, proposals: dueProposals.length };
  const store = opts.store ?? fileStore();
  // The rows are already gone: a file the store cannot delete now is reported (the key names no person) and the
  // purge goes on with the rest.
  const removeFiles = async (keys: string[]) => {
    for (const key of keys) {
      try {
        await store.remove(key);
        result.files++;
      } catch (e) {
        result.filesFailed++;
        console.warn(`privacy purge: berkas ${key} tidak terhapus (${(e as NodeJS.ErrnoException).code ?? "error"})`);
      }
    }
  };
  for (const { id } of due) {
    const keys: string[] = [];
    await db.$transaction(async (tx) => {
      const c = await tx.case.findUnique({ where: { id } });
      if (!c || c.need === ANONYMISED) return;
      await tx.case.update({
        where: { id },
        data: { need: ANONYMISED, reporterName: null, reporterPhone: null, reporterRelation: null, version: { increment: 1 } },
      });
      const notes = await tx.caseNote.updateMany({ where: { caseId: id }, data: { body: ANONYMISED } });
      const events = await tx.caseEvent.updateMany({ where: { caseId: id, note: { not: null } }, data: { note: ANONYMISED } });
      const attachments = await tx.attachment.findMany({ where: { caseId: id }, select: { storageKey: true } });
      await tx.attachment.deleteMany({ where: { caseId: id } });
      // The case's referrals carry its story too: their free text, the consenting guardian's name and the event notes.
      const referrals = await tx.$executeRaw`
        UPDATE referral SET reason = ${ANONYMISED},
          outcome_note = CASE WHEN outcome_note IS NULL THEN NULL ELSE ${ANONYMISED} END,
          decline_reason = CASE WHEN decline_reason IS NULL THEN NULL ELSE ${ANONYMISED} END,
          consent_by = CASE WHEN consent_by IS NULL THEN NULL ELSE ${ANONYMISED} END,
          consent_override_reason = CASE WHEN consent_override_reason IS NULL THEN NULL ELSE ${ANONYMISED} END,
          version = version + 1
        WHERE case_id = ${id}`;
      await tx.$executeRaw`UPDATE referral_event SET note = ${ANONYMISED} WHERE note IS NOT NULL AND referral_id IN (SELECT id FROM referral WHERE case_id = ${id})`;
      // The destination desks' documents on the case's referrals (proof of service, letters) go with it.
      const referralDocs = await tx.referralAttachment.findMany({ where: { referral: { caseId: id } }, select: { storageKey: true } });
      await tx.referralAttachment.deleteMany({ where: { referral: { caseId: id } } });
      keys.push(...attachments.map((a) => a.storageKey), ...referralDocs.map((a) => a.storageKey));
      await writeAudit(tx, actor, {
        action: "privacy.purge", entity: "case", entityId: id, regionCode: c.regionCode, districtCode: c.districtCode,
        after: {
          retentionYears: years, cutoff: cutoff.toISOString(), fields: ["need", "reporterName", "reporterPhone", "reporterRelation"],
          notes: notes.count, events: events.count, attachments: attachments.length, referrals, referralDocuments: referralDocs.length,
        },
      });
      result.cases++;
      if (c.subjectPersonId) {
        const p = await tx.person.findUnique({ where: { id: c.subjectPersonId } });
        const open = await tx.case.count({
          where: {
            status: { notIn: [...CLOSED_STATUSES] },
            OR: [{ subjectPersonId: c.subjectPersonId }, ...(p ? [{ householdId: p.householdId }] : [])],
          },
        });
        if (p && open === 0 && p.name !== ANONYMISED) {
          await tx.person.update({
            where: { id: p.id },
            data: { name: ANONYMISED, nameNormalized: "", nik: null, birthPlace: null, version: { increment: 1 } },
          });
          await writeAudit(tx, actor, {
            action: "privacy.anonymise-person", entity: "person", entityId: p.id, regionCode: p.regionCode, districtCode: p.districtCode,
            after: { fields: ["name", "nik", "birthPlace"], reason: `kasus ${c.ticketNo} melewati masa retensi ${years} tahun` },
          });
          result.persons++;
        }
      }
    });
    await removeFiles(keys);
  }
  for (const { id } of dueProposals) {
    const keys: string[] = [];
    await db.$transaction(async (tx) => {
      const p = await tx.proposal.findUnique({ where: { id } });
      if (!p || p.reason === ANONYMISED) return;
      await tx.proposal.update({
        where: { id },
        data: {
          reason: ANONYMISED,
          verivaliNote: p.verivaliNote === null ? null : ANONYMISED,
          decisionReason: p.decisionReason === null ? null : ANONYMISED,
          version: { increment: 1 },
        },
      });
      const photos = await tx.proposalPhoto.findMany({ where: { proposalId: id }, select: { storageKey: true } });
      await tx.proposalPhoto.deleteMany({ where: { proposalId: id } });
      keys.push(...photos.map((x) => x.storageKey));
      await writeAudit(tx, actor, {
        action: "privacy.purge", entity: "proposal", entityId: id, regionCode: p.regionCode, districtCode: p.districtCode,
        after: { retentionYears: years, cutoff: cutoff.toISOString(), fields: ["reason", "verivaliNote", "decisionReason"], photos: photos.length },
      });
      result.proposals++;
    });
    await removeFiles(keys);
  }
  return result;
}
