import "server-only";
import { writeAudit, type TAuditActor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";

/**
 * Retention (UU 27/2022: data kept no longer than needed for its purpose). Closed cases — SELESAI, DITUTUP,
 * DIBATALKAN — whose closing (or resolution, or last change) is older than N years are anonymised in place:
 * the need text, reporter name/phone/relation, note bodies and free-text event notes are replaced; the case
 * row, its ticket, category, dates and status stay for statistics. The case's subject person loses name,
 * NIK and birth place only when neither they nor their household has any case still open.
 * One transaction and one audit row per case ("privacy.purge") and per person ("privacy.anonymise-person");
 * running it again changes nothing (already-anonymised cases are skipped).
 */
export const CLOSED_STATUSES = ["SELESAI", "DITUTUP", "DIBATALKAN"] as const;
export const ANONYMISED = "[dianonimkan]";

/** SIMPUL_RETENTION_YEARS (default 10 — the usual archive period for social-service case files). */
export function retentionYears(): number {
  const v = Number(process.env.SIMPUL_RETENTION_YEARS ?? 10);
  if (!Number.isFinite(v) || v < 1) throw new Error("SIMPUL_RETENTION_YEARS harus angka tahun ≥ 1.");
  return v;
}

export type TPurgeResult = { years: number; cutoff: Date; cases: number; persons: number; dryRun: boolean };

export async function purgeExpiredCases(actor: TAuditActor, opts: { years?: number; now?: Date; dryRun?: boolean } = {}): Promise<TPurgeResult> {
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
  const result: TPurgeResult = { years, cutoff, cases: 0, persons: 0, dryRun: Boolean(opts.dryRun) };
  if (opts.dryRun) return { ...result, cases: due.length };
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const c = await tx.case.findUnique({ where: { id } });
      if (!c || c.need === ANONYMISED) return;
      await tx.case.update({
        where: { id },
        data: { need: ANONYMISED, reporterName: null, reporterPhone: null, reporterRelation: null, version: { increment: 1 } },
      });
      const notes = await tx.caseNote.updateMany({ where: { caseId: id }, data: { body: ANONYMISED } });
      const events = await tx.caseEvent.updateMany({ where: { caseId: id, note: { not: null } }, data: { note: ANONYMISED } });
      await writeAudit(tx, actor, {
        action: "privacy.purge", entity: "case", entityId: id, regionCode: c.regionCode, districtCode: c.districtCode,
        after: { retentionYears: years, cutoff: cutoff.toISOString(), fields: ["need", "reporterName", "reporterPhone", "reporterRelation"], notes: notes.count, events: events.count },
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
  }
  return result;
}
