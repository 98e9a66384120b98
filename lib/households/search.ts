import "server-only";
import { normalizeRt, scopeWhere, type TActor } from "@/lib/access/policy";
import { roleAllows } from "@/lib/access/roles";
import { db, Prisma } from "@/lib/db/client";
import { compactName, normalizePersonName } from "./name-match.ts";
import { maskNik, normalizeIdNumber } from "./nik.ts";

export const HOUSEHOLDS_PAGE_SIZE = 20;
/** Lower than the duplicate threshold: a search should also find "siti amina" for "Siti Aminah". */
export const NAME_SEARCH_THRESHOLD = 0.3;

export type TSearchMode = "all" | "number" | "name" | "short-number";

export type THouseholdListRow = {
  id: string;
  noKkMasked: string | null;
  address: string;
  rt: string;
  rw: string;
  regionCode: string;
  regionName: string;
  headName: string | null;
  memberCount: number;
  matched: { personId: string; name: string; similarity: number | null } | null;
};

/**
 * The registry list. `q` of 16 digits → exact NIK or No KK; other text → typo-tolerant name search
 * over members (pg_trgm on the normalized name); empty → newest first. Always limited to the actor's
 * scope inside the query: the SQL filters by district/region/RT before comparing names, and the
 * households are then read through `scopeWhere` as well.
 */
export async function searchHouseholds(actor: TActor, filter: { q?: string; regionCode?: string; page?: number }) {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const q = (filter.q ?? "").trim();
  const regionFilter = filter.regionCode ? { regionCode: filter.regionCode } : {};
  const scope = scopeWhere(actor, "household");
  const digits = normalizeIdNumber(q);

  let mode: TSearchMode = "all";
  let total = 0;
  let ids: string[] = [];
  const matches = new Map<string, THouseholdListRow["matched"]>();

  if (q === "") {
    const where = { AND: [scope, regionFilter] };
    [total, ids] = await Promise.all([
      db.household.count({ where }),
      db.household.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * HOUSEHOLDS_PAGE_SIZE, take: HOUSEHOLDS_PAGE_SIZE, select: { id: true } })
        .then((r) => r.map((x) => x.id)),
    ]);
  } else if (/^\d+$/.test(digits)) {
    if (digits.length !== 16) return { mode: "short-number" as const, q, total: 0, page, pageSize: HOUSEHOLDS_PAGE_SIZE, rows: [] };
    mode = "number";
    const where = { AND: [scope, regionFilter, { OR: [{ noKk: digits }, { members: { some: { nik: digits } } }] }] };
    const found = await db.household.findMany({
      where, orderBy: { id: "asc" }, take: HOUSEHOLDS_PAGE_SIZE,
      select: { id: true, members: { where: { nik: digits }, select: { id: true, name: true } } },
    });
    total = found.length;
    ids = found.map((h) => h.id);
    for (const h of found) if (h.members[0]) matches.set(h.id, { personId: h.members[0].id, name: h.members[0].name, similarity: null });
  } else {
    mode = "name";
    const result = await nameSearch(actor, q, filter.regionCode, page);
    total = result.total;
    ids = result.rows.map((r) => r.householdId);
    for (const r of result.rows) matches.set(r.householdId, { personId: r.personId, name: r.name, similarity: r.similarity });
  }

  // Read the rows through the policy's own `where` too: the SQL above already applied the scope, this
  // makes sure a drift between the two can only ever hide rows, never show one out of scope.
  const households = ids.length
    ? await db.household.findMany({
        where: { AND: [scope, { id: { in: ids } }] },
        select: {
          id: true, noKk: true, address: true, rt: true, rw: true, regionCode: true,
          members: { where: { relation: "KEPALA_KELUARGA" }, select: { name: true, deceasedAt: true }, orderBy: { createdAt: "asc" } },
          _count: { select: { members: { where: { deceasedAt: null } } } },
        },
      })
    : [];
  const regions = await db.region.findMany({ where: { code: { in: [...new Set(households.map((h) => h.regionCode))] } }, select: { code: true, name: true } });
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const byId = new Map(households.map((h) => [h.id, h]));
  const rows: THouseholdListRow[] = ids.flatMap((id) => {
    const h = byId.get(id);
    if (!h) return [];
    const head = h.members.find((m) => !m.deceasedAt) ?? h.members[0];
    return [{
      id: h.id, noKkMasked: h.noKk ? maskNik(h.noKk) : null, address: h.address, rt: h.rt, rw: h.rw,
      regionCode: h.regionCode, regionName: regionName.get(h.regionCode) ?? h.regionCode, headName: head?.name ?? null,
      memberCount: h._count.members, matched: matches.get(h.id) ?? null,
    }];
  });
  return { mode, q, total, page, pageSize: HOUSEHOLDS_PAGE_SIZE, rows };
}

type TNameRow = { householdId: string; personId: string; name: string; similarity: number; total: bigint };

/**
 * Best-matching member per household, best households first. The scope is the first part of the
 * WHERE (district, then kelurahan prefix, then a PSM's RTs), mirroring `scopeWhere` for raw SQL.
 */
async function nameSearch(actor: TActor, q: string, regionCode: string | undefined, page: number) {
  if (!roleAllows(actor.role, "read", "household")) return { total: 0, rows: [] };
  const norm = normalizePersonName(q);
  if (norm === "") return { total: 0, rows: [] };
  const conditions: Prisma.Sql[] = [Prisma.sql`h.district_code = ${actor.districtCode}`];
  if (actor.scopeRegionCode !== actor.districtCode) {
    conditions.push(Prisma.sql`(h.region_code = ${actor.scopeRegionCode} OR starts_with(h.region_code, ${actor.scopeRegionCode + "."}))`);
    if (actor.rtList.length > 0) {
      const rts = actor.rtList.map((r) => normalizeRt(r)).filter((r): r is string => r !== null);
      conditions.push(Prisma.sql`h.rt = ANY(${rts}::text[])`);
    }
  }
  if (regionCode) conditions.push(Prisma.sql`h.region_code = ${regionCode}`);
  conditions.push(Prisma.sql`(similarity(p.name_normalized, ${norm}) >= ${NAME_SEARCH_THRESHOLD}
    OR replace(p.name_normalized, ' ', '') = ${compactName(q)})`);
  const rows = await db.$queryRaw<TNameRow[]>`
    WITH hits AS (
      SELECT p.household_id, p.id AS person_id, p.name, similarity(p.name_normalized, ${norm})::float8 AS sim,
             row_number() OVER (PARTITION BY p.household_id ORDER BY similarity(p.name_normalized, ${norm}) DESC, p.id) AS rn
      FROM household h JOIN person p ON p.household_id = h.id
      WHERE ${Prisma.join(conditions, " AND ")}
    )
    SELECT household_id AS "householdId", person_id AS "personId", name, sim AS similarity, count(*) OVER () AS total
    FROM hits WHERE rn = 1
    ORDER BY sim DESC, household_id
    LIMIT ${HOUSEHOLDS_PAGE_SIZE} OFFSET ${(page - 1) * HOUSEHOLDS_PAGE_SIZE}`;
  return { total: rows.length ? Number(rows[0].total) : 0, rows: rows.map((r) => ({ ...r, similarity: Number(r.similarity) })) };
}
