import "server-only";
import type { Db } from "@/lib/db/client";
import { compactName, DEFAULT_DUPLICATE_THRESHOLD, normalizePersonName } from "./name-match.ts";

export type TDuplicateCandidate = {
  personId: string;
  householdId: string;
  name: string;
  /** "YYYY-MM-DD". */
  birthDate: string;
  similarity: number;
  /** The candidate household's RT, so the caller can decide whether the actor may be shown a link. */
  rt: string;
};

export type TFindDuplicatesInput = {
  districtCode: string;
  regionCode: string;
  persons: { name: string; birthDate?: string | Date | null }[];
  /** People already known to be themselves (e.g. the member being edited). */
  excludePersonIds?: string[];
};

type TRow = { id: string; household_id: string; name: string; birth_date: Date; sim: number; rt: string };

/**
 * People of the same kelurahan with the same birth date whose name is the same or close (pg_trgm
 * similarity of the normalized names ≥ 0.5, or equal once spaces are removed). Region and birth date
 * come first in the WHERE so the (region_code, birth_date) index does the work and the trigram
 * comparison runs on a handful of rows. A person without a birth date is never matched: "unknown =
 * unknown" says nothing. Returns one candidate list per input person, best first.
 */
export async function findProbableDuplicates(db: Db, input: TFindDuplicatesInput): Promise<TDuplicateCandidate[][]> {
  const exclude = input.excludePersonIds ?? [];
  const out: TDuplicateCandidate[][] = [];
  for (const person of input.persons) {
    const birthDate = isoDay(person.birthDate);
    const norm = normalizePersonName(person.name);
    if (!birthDate || norm === "") {
      out.push([]);
      continue;
    }
    const rows = await db.$queryRaw<TRow[]>`
      SELECT p.id, p.household_id, p.name, p.birth_date, similarity(p.name_normalized, ${norm})::float8 AS sim, h.rt
      FROM person p JOIN household h ON h.id = p.household_id
      WHERE p.region_code = ${input.regionCode}
        AND p.birth_date = ${birthDate}::date
        AND p.district_code = ${input.districtCode}
        AND (similarity(p.name_normalized, ${norm}) >= ${DEFAULT_DUPLICATE_THRESHOLD}
             OR replace(p.name_normalized, ' ', '') = ${compactName(person.name)})
        AND NOT (p.id = ANY(${exclude}::text[]))
      ORDER BY sim DESC, p.id
      LIMIT 5`;
    out.push(rows.map((r) => ({
      personId: r.id, householdId: r.household_id, name: r.name, birthDate: r.birth_date.toISOString().slice(0, 10),
      similarity: Number(r.sim), rt: r.rt,
    })));
  }
  return out;
}

function isoDay(value: string | Date | null | undefined): string | null {
  if (!value) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}
