import "server-only";
import { writeAudit, type TAuditActor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Data-subject access request (UU 27/2022 Pasal 7 / hak akses): every row Simpul holds that concerns the
 * person with this NIK — their person records, their household, the household's and their cases with
 * events, notes and attachment metadata, referrals, eligibility assessments, DTKS/DTSEN rows, proposals —
 * plus the audit trail of who created, changed or viewed those records. Found generically by column
 * (nik / person_id / subject_person_id / household_id / case_id / referral_id / proposal_id), so a table added later is
 * included without changing this file. The export itself is audited ("privacy.export").
 */
export type TSubjectExport = {
  format: "simpul-subject-export/1";
  generatedAt: string;
  nik: string;
  legalNote: string;
  tables: Record<string, unknown[]>;
  auditTrail: unknown[];
};

const EXCLUDED = new Set(["_simpul_migrations", "audit_log", "app_user", "user_session", "api_token", "login_throttle"]);

export async function exportSubjectData(nik: string, actor: TAuditActor): Promise<TSubjectExport> {
  if (!/^\d{16}$/.test(nik)) throw new AppError("INVALID", "NIK harus 16 angka.", { nik: ["NIK harus 16 angka."] });
  const cols = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN pg_class t ON t.relname = c.table_name JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = c.table_schema
     WHERE c.table_schema = 'public' AND NOT t.relispartition AND t.relkind IN ('r','p')`,
  );
  const byTable = new Map<string, Set<string>>();
  for (const c of cols) if (!EXCLUDED.has(c.table_name)) (byTable.get(c.table_name) ?? byTable.set(c.table_name, new Set()).get(c.table_name)!).add(c.column_name);

  const ids = async (sql: string, params: unknown[]) => (await db.$queryRawUnsafe<{ id: string }[]>(sql, ...params)).map((r) => r.id);
  const persons = await ids(`SELECT id FROM person WHERE nik = $1`, [nik]);
  const households = await ids(`SELECT DISTINCT household_id AS id FROM person WHERE id = ANY($1::text[])`, [persons]);
  const cases = await ids(`SELECT id FROM "case" WHERE subject_person_id = ANY($1::text[]) OR household_id = ANY($2::text[])`, [persons, households]);
  const referrals = await ids(`SELECT id FROM referral WHERE case_id = ANY($1::text[])`, [cases]);
  const proposals = await ids(`SELECT id FROM proposal WHERE household_id = ANY($1::text[])`, [households]);

  const tables: Record<string, unknown[]> = {};
  for (const [table, columns] of [...byTable.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (col: string, values: string[] | string) => {
      if (!columns.has(col)) return;
      params.push(values);
      where.push(Array.isArray(values) ? `"${col}" = ANY($${params.length}::text[])` : `"${col}" = $${params.length}`);
    };
    add("nik", nik);
    if (table === "person") add("id", persons);
    if (table === "household") add("id", households);
    if (table === "case") add("id", cases);
    if (table === "referral") add("id", referrals);
    add("person_id", persons);
    add("subject_person_id", persons);
    // Other members of the household are other people: their person rows are not part of this subject's copy.
    if (table !== "person") add("household_id", households);
    add("case_id", cases);
    add("referral_id", referrals);
    add("proposal_id", proposals); // verivali photos of the household's usulan
    if (where.length === 0) continue;
    const rows = await db.$queryRawUnsafe<{ row: unknown }[]>(`SELECT to_jsonb(t) AS row FROM "${table}" t WHERE ${where.join(" OR ")}`, ...params);
    if (rows.length) tables[table] = rows.map((r) => r.row);
  }
  const allIds = [...persons, ...households, ...cases, ...referrals, ...proposals];
  const auditTrail = (await db.$queryRawUnsafe<{ row: unknown }[]>(
    `SELECT jsonb_build_object('at', at, 'actor', actor_label, 'action', action, 'entity', entity, 'entityId', entity_id, 'outcome', outcome) AS row
     FROM audit_log WHERE entity_id = ANY($1::text[]) ORDER BY id`, allIds,
  )).map((r) => r.row);

  await writeAudit(db, actor, {
    action: "privacy.export", entity: "person", entityId: persons[0] ?? null,
    after: { nikMasked: `${nik.slice(0, 6)}******${nik.slice(-4)}`, persons: persons.length, households: households.length, cases: cases.length, tables: Object.keys(tables) },
  });
  return {
    format: "simpul-subject-export/1",
    generatedAt: new Date().toISOString(),
    nik,
    legalNote:
      "Salinan data pribadi untuk permintaan akses subjek data (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi). " +
      "Berisi data pribadi spesifik: serahkan hanya kepada subjek data atau kuasanya setelah identitasnya diverifikasi.",
    tables,
    auditTrail,
  };
}
