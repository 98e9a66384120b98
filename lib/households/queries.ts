import "server-only";
import { can, scopeWhere, type TActor } from "@/lib/access/policy";
import { seesSensitive } from "@/lib/access/roles";
import { db } from "@/lib/db/client";
import { FIELD_LABELS } from "./labels.ts";
import { checkNikAgainstPerson, maskNik, parseNik } from "./nik.ts";

const RELATION_ORDER = ["KEPALA_KELUARGA", "SUAMI", "ISTRI", "ANAK", "MENANTU", "CUCU", "ORANG_TUA", "MERTUA", "FAMILI_LAIN", "LAINNYA"];

/** A household in the actor's scope with its members, or null (the page then answers 404). */
export async function getHousehold(actor: TActor, id: string) {
  const h = await db.household.findFirst({
    where: { AND: [{ id }, scopeWhere(actor, "household")] },
    include: {
      members: { include: { ppks: { include: { category: true }, orderBy: { assessedAt: "desc" } } } },
      ppks: { where: { personId: null }, include: { category: true }, orderBy: { assessedAt: "desc" } },
    },
  });
  if (!h) return null;
  const region = await db.region.findUnique({ where: { code: h.regionCode }, select: { name: true, parentCode: true } });
  const kecamatan = region?.parentCode ? await db.region.findUnique({ where: { code: region.parentCode }, select: { name: true } }) : null;
  const disability = seesSensitive(actor.role, "disability");
  const health = seesSensitive(actor.role, "health");
  const members = [...h.members]
    .sort((a, b) => RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation)
      || (a.birthDate?.getTime() ?? Infinity) - (b.birthDate?.getTime() ?? Infinity))
    .map((m) => ({
      id: m.id, version: m.version, name: m.name, nikMasked: m.nik ? maskNik(m.nik) : null, hasNik: m.nik !== null,
      birthDate: m.birthDate, birthPlace: m.birthPlace, sex: m.sex, relation: m.relation, maritalStatus: m.maritalStatus,
      education: m.education, occupation: m.occupation, monthlyIncome: m.monthlyIncome, deceasedAt: m.deceasedAt,
      // Sensitive kinds are left out of the result, not just hidden by the page, for roles that do not need them.
      disability: disability ? m.disability : undefined,
      chronicIllness: health ? m.chronicIllness : undefined,
      /** NIK vs stored birth date / sex: shown on the member until someone corrects one of them. */
      nikWarnings: nikWarningsOf(m),
      ppks: m.ppks.map((t) => ({ id: t.id, code: t.category.code, name: t.category.name, assessedAt: t.assessedAt, note: t.note })),
    }));
  return {
    id: h.id, version: h.version, districtCode: h.districtCode, regionCode: h.regionCode, regionName: region?.name ?? h.regionCode,
    kecamatanName: kecamatan?.name ?? null, noKk: h.noKk, noKkMasked: h.noKk ? maskNik(h.noKk) : null, address: h.address,
    rt: h.rt, rw: h.rw, phone: h.phone, createdAt: h.createdAt, updatedAt: h.updatedAt, members,
    ppks: h.ppks.map((t) => ({ id: t.id, code: t.category.code, name: t.category.name, assessedAt: t.assessedAt, note: t.note })),
    /** nik: the role may ask for a member's full NIK ("Tampilkan NIK", lib/households/reveal-nik.ts); pages show it masked. */
    sees: { disability, health, nik: seesSensitive(actor.role, "nik") },
    mayUpdate: can(actor, "update", "household", { districtCode: h.districtCode, regionCode: h.regionCode, rt: h.rt }),
  };
}
function nikWarningsOf(m: { nik: string | null; birthDate: Date | null; sex: "L" | "P" }): string[] {
  if (!m.nik) return [];
  const info = parseNik(m.nik);
  if (!info.ok) return [];
  return checkNikAgainstPerson(info.value, { birthDate: m.birthDate?.toISOString().slice(0, 10), sex: m.sex });
}

export type THouseholdDetail = NonNullable<Awaited<ReturnType<typeof getHousehold>>>;

const HISTORY_LABELS: Record<string, string> = {
  "household.create": "Rumah tangga didaftarkan",
  "household.update": "Data rumah tangga diubah",
  "person.create": "Anggota ditambahkan",
  "person.update": "Data anggota diubah",
  "person.move": "Anggota pindah KK",
  "person.deceased": "Anggota dicatat meninggal",
  "ppks.tag": "Kategori PPKS dicatat",
  "seed.demo-households": "Data demo",
};

export type THistoryEntry = { id: string; at: Date; actor: string; action: string; label: string; detail: string };

/**
 * The household's trail from the audit log: its own rows, its members' rows, and moves in or out.
 * The scope is checked first with the same `where` as the detail page.
 */
export async function householdHistory(actor: TActor, id: string, take = 100): Promise<THistoryEntry[] | null> {
  const h = await db.household.findFirst({
    where: { AND: [{ id }, scopeWhere(actor, "household")] },
    select: { id: true, members: { select: { id: true, name: true } } },
  });
  if (!h) return null;
  const names = new Map(h.members.map((m) => [m.id, m.name]));
  const rows = await db.auditLog.findMany({
    where: {
      outcome: "ok",
      OR: [
        { entity: "household", entityId: id },
        { entity: "person", entityId: { in: [...names.keys()] } },
        { action: "person.move", after: { path: ["fromHouseholdId"], equals: id } },
      ],
    },
    orderBy: { id: "desc" },
    take,
  });
  return rows.map((r) => {
    const after = (r.after ?? {}) as Record<string, unknown>;
    const who = r.entity === "person" ? (names.get(r.entityId ?? "") ?? (after.name as string | undefined) ?? "anggota") : null;
    let detail = "";
    if (r.action.endsWith(".update")) {
      detail = Object.keys(after).map((k) => FIELD_LABELS[k] ?? k).join(", ");
    } else if (r.action === "household.create") {
      detail = `${after.members ?? "?"} anggota`;
    } else if (r.action === "person.move") {
      detail = after.fromHouseholdId === id ? "keluar dari KK ini" : "masuk ke KK ini";
    } else if (r.action === "ppks.tag") {
      detail = `${after.categoryCode ?? ""} ${after.categoryName ?? ""}`.trim();
    } else if (r.action === "person.deceased") {
      detail = `tanggal ${String(after.deceasedAt ?? "")}`;
    }
    return {
      id: r.id.toString(), at: r.at, actor: r.actorLabel, action: r.action,
      label: HISTORY_LABELS[r.action] ?? r.action,
      detail: [who, detail].filter(Boolean).join(" — "),
    };
  });
}

/** Desa/kelurahan the actor may register households in (their scope, within their district). */
export async function listVillagesInScope(actor: TActor) {
  const scope = actor.scopeRegionCode;
  return db.region.findMany({
    where: {
      districtCode: actor.districtCode, level: "DESA_KELURAHAN",
      ...(scope === actor.districtCode ? {} : { OR: [{ code: scope }, { code: { startsWith: scope + "." } }] }),
    },
    orderBy: { name: "asc" },
    select: { code: true, name: true },
  });
}

/** PPKS categories an officer of the district may assign: the 26 standard ones and the district's own. */
export async function listPpksCategories(districtCode: string) {
  return db.ppksCategory.findMany({
    where: { active: true, OR: [{ districtCode: null, standard: true }, { districtCode }] },
    orderBy: [{ standard: "desc" }, { number: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, standard: true },
  });
}
