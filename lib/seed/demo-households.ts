import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db/client";
import type { FamilyRelation, MaritalStatus, Sex } from "@/lib/db/generated/enums.ts";
import { normalizePersonName } from "@/lib/households/name-match";
import { parseNik } from "@/lib/households/nik";
import { parseNoKk } from "@/lib/households/no-kk";
import { SYSTEM_ACTOR } from "./bootstrap.ts";

type TClient = Extract<Db, { $transaction: unknown }>;

const DISTRICT = "35.77";
const ORO_ORO_OMBO = "35.77.01.1001";
const SUKOSARI = "35.77.01.1002";
const MANGUHARJO = "35.77.02.1001";

type TMemberSeed = {
  name: string; sex: Sex; birthDate: string; relation: FamilyRelation; marital?: MaritalStatus; education?: string;
  occupation?: string; income?: number | null; disability?: string; illness?: string; birthPlace?: string;
  /** false: the person has no NIK recorded yet (a newborn not yet registered). */
  nik?: boolean;
};
type THouseholdSeed = { region: string; rt: string; rw: string; address: string; kkIssued: string; phone?: string; members: TMemberSeed[] };

const H = (region: string, rt: string, rw: string, address: string, kkIssued: string, members: TMemberSeed[], phone?: string): THouseholdSeed =>
  ({ region, rt, rw, address, kkIssued, members, phone });

/**
 * Twelve households of Kota Madiun as a Puskesos would meet them: poor working families, a widow
 * heading her household, a man with a physical disability, an elderly woman living alone, incomes
 * partly unknown. "Siti Aminah" (05-06-1985, Oro-oro Ombo) is there for the duplicate-check demo.
 */
const HOUSEHOLDS: THouseholdSeed[] = [
  H(ORO_ORO_OMBO, "001", "001", "Jl. Cokroaminoto Gg. II No. 14", "2015-03-12", [
    { name: "Sutrisno", sex: "L", birthDate: "1978-03-12", relation: "KEPALA_KELUARGA", marital: "KAWIN", education: "Tamat SD", occupation: "Buruh bangunan", income: 1_800_000, birthPlace: "Madiun" },
    { name: "Siti Aminah", sex: "P", birthDate: "1985-06-05", relation: "ISTRI", marital: "KAWIN", education: "SLTP/sederajat", occupation: "Mengurus rumah tangga", income: null, birthPlace: "Madiun" },
    { name: "Dimas Saputra", sex: "L", birthDate: "2008-09-21", relation: "ANAK", marital: "BELUM_KAWIN", education: "SLTP/sederajat", occupation: "Pelajar", income: 0 },
    { name: "Nur Aisyah", sex: "P", birthDate: "2014-02-02", relation: "ANAK", marital: "BELUM_KAWIN", education: "Belum tamat SD", occupation: "Pelajar", income: 0 },
  ], "081234560101"),
  H(ORO_ORO_OMBO, "002", "001", "Jl. Cokroaminoto Gg. V No. 3", "2009-07-20", [
    { name: "Painem", sex: "P", birthDate: "1941-11-03", relation: "KEPALA_KELUARGA", marital: "CERAI_MATI", education: "Tidak/belum sekolah", occupation: "Tidak bekerja", income: null, illness: "Hipertensi", birthPlace: "Ponorogo" },
  ]),
  H(ORO_ORO_OMBO, "003", "001", "Jl. Wilis Gg. Mangga No. 7", "2012-01-09", [
    { name: "Moh. Ali", sex: "L", birthDate: "1962-07-17", relation: "KEPALA_KELUARGA", marital: "KAWIN", education: "Tamat SD", occupation: "Pedagang kaki lima", income: 1_200_000 },
    { name: "Suminah", sex: "P", birthDate: "1965-01-30", relation: "ISTRI", marital: "KAWIN", education: "Tamat SD", occupation: "Mengurus rumah tangga", income: null },
    { name: "Joko Prasetyo", sex: "L", birthDate: "1990-05-05", relation: "ANAK", marital: "BELUM_KAWIN", education: "SLTA/sederajat", occupation: "Ojek daring", income: 900_000, disability: "Disabilitas fisik (kaki kiri diamputasi)" },
  ], "085678900303"),
  H(ORO_ORO_OMBO, "004", "002", "Jl. Wilis No. 45", "2016-10-11", [
    { name: "Bambang Wijaya", sex: "L", birthDate: "1980-10-10", relation: "KEPALA_KELUARGA", marital: "KAWIN", education: "SLTA/sederajat", occupation: "Sopir", income: 2_500_000 },
    { name: "Retno Wulandari", sex: "P", birthDate: "1983-12-24", relation: "ISTRI", marital: "KAWIN", education: "SLTA/sederajat", occupation: "Penjahit", income: 1_000_000 },
    { name: "Galih Wijaya", sex: "L", birthDate: "2006-04-18", relation: "ANAK", marital: "BELUM_KAWIN", education: "SLTA/sederajat", occupation: "Pelajar", income: 0 },
    { name: "Ayu Lestari", sex: "P", birthDate: "2012-08-30", relation: "ANAK", marital: "BELUM_KAWIN", education: "Tamat SD", occupation: "Pelajar", income: 0 },
  ]),
  H(ORO_ORO_OMBO, "005", "002", "Jl. Ciliwung Gg. Buntu No. 2", "2018-05-14", [
    { name: "Sri Rahayu", sex: "P", birthDate: "1975-04-14", relation: "KEPALA_KELUARGA", marital: "CERAI_HIDUP", education: "Tamat SD", occupation: "Buruh cuci", income: 750_000 },
    { name: "Putri Rahayu", sex: "P", birthDate: "2010-11-11", relation: "ANAK", marital: "BELUM_KAWIN", education: "SLTP/sederajat", occupation: "Pelajar", income: 0 },
  ], "081390050505"),
  H(ORO_ORO_OMBO, "006", "002", "Jl. Ciliwung No. 60", "2011-02-25", [
    { name: "Suparman", sex: "L", birthDate: "1958-08-08", relation: "KEPALA_KELUARGA", marital: "KAWIN", education: "Tidak/belum sekolah", occupation: "Tukang becak", income: 600_000 },
    { name: "Sumiati", sex: "P", birthDate: "1960-06-19", relation: "ISTRI", marital: "KAWIN", education: "Tamat SD", occupation: "Mengurus rumah tangga", income: null, illness: "Diabetes" },
  ]),
  H(ORO_ORO_OMBO, "007", "003", "Perum Oro-oro Ombo Blok C-9", "2023-03-01", [
    { name: "Agus Setiawan", sex: "L", birthDate: "1988-02-29", relation: "KEPALA_KELUARGA", marital: "KAWIN", education: "Diploma IV/Strata I", occupation: "Karyawan swasta (kontrak)", income: 3_100_000 },
    { name: "Dewi Kusumawati", sex: "P", birthDate: "1991-09-09", relation: "ISTRI", marital: "KAWIN", education: "SLTA/sederajat", occupation: "Mengurus rumah tangga", income: null },
    { name: "Arka Setiawan", sex: "L", birthDate: "2024-01-15", relation: "ANAK", marital: "BELUM_KAWIN", nik: false },
  ]),
  H(ORO_ORO_OMBO, "008", "003", "Jl. Bengawan Solo No. 21", "2014-12-05", [
    { name: "Wahyudi", sex: "L", birthDate: "1970-12-01", relation: "KEPALA_KELUARGA", marital: "KAWIN", education: "SLTP/sederajat", occupation: "Buruh pabrik", income: 2_200_000 },
    { name: "Lestari", sex: "P", birthDate: "1973-03-03", relation: "ISTRI", marital: "KAWIN", education: "SLTP/sederajat", occupation: "Warung kelontong", income: null },
    { name: "Tumirah", sex: "P", birthDate: "1945-07-07", relation: "MERTUA", marital: "CERAI_MATI", education: "Tidak/belum sekolah", occupation: "Tidak bekerja", income: 0, disability: "Disabilitas sensorik (low vision)" },
  ]),
  H(SUKOSARI, "002", "001", "Jl. Sukosari Gg. Melati No. 4", "2013-06-17", [
    { name: "Slamet Riyadi", sex: "L", birthDate: "1968-05-20", relation: "KEPALA_KELUARGA", marital: "KAWIN", education: "Tamat SD", occupation: "Buruh tani", income: 900_000 },
    { name: "Tukiyem", sex: "P", birthDate: "1970-10-02", relation: "ISTRI", marital: "KAWIN", education: "Tamat SD", occupation: "Buruh tani", income: 500_000 },
  ]),
  H(SUKOSARI, "004", "002", "Jl. Sukosari No. 88", "2010-09-30", [
    { name: "Hadi Purnomo", sex: "L", birthDate: "1955-01-25", relation: "KEPALA_KELUARGA", marital: "KAWIN", education: "SLTA/sederajat", occupation: "Tidak bekerja", income: null, illness: "Stroke ringan" },
    { name: "Endang Sulistyowati", sex: "P", birthDate: "1958-04-04", relation: "ISTRI", marital: "KAWIN", education: "SLTA/sederajat", occupation: "Penjual jamu", income: 700_000 },
  ]),
  H(MANGUHARJO, "003", "001", "Jl. Manguharjo Gg. III No. 12", "2017-08-08", [
    { name: "Heru Susanto", sex: "L", birthDate: "1982-06-16", relation: "KEPALA_KELUARGA", marital: "KAWIN", education: "SLTA/sederajat", occupation: "Satpam", income: 2_000_000 },
    { name: "Yuni Astuti", sex: "P", birthDate: "1986-01-05", relation: "ISTRI", marital: "KAWIN", education: "SLTA/sederajat", occupation: "Buruh toko", income: 1_100_000 },
    { name: "Rizky Susanto", sex: "L", birthDate: "2011-03-27", relation: "ANAK", marital: "BELUM_KAWIN", education: "Tamat SD", occupation: "Pelajar", income: 0 },
  ]),
  H(MANGUHARJO, "001", "001", "Jl. Manguharjo No. 5", "2008-04-21", [
    { name: "Karto Diharjo", sex: "L", birthDate: "1938-09-17", relation: "KEPALA_KELUARGA", marital: "CERAI_MATI", education: "Tidak/belum sekolah", occupation: "Tidak bekerja", income: null },
    { name: "Bayu Pratama", sex: "L", birthDate: "2003-12-12", relation: "CUCU", marital: "BELUM_KAWIN", education: "SLTA/sederajat", occupation: "Buruh harian lepas", income: 800_000 },
  ]),
];

const ddmmyy = (iso: string, plusDay = 0) => {
  const [y, m, d] = iso.split("-");
  return `${String(Number(d) + plusDay).padStart(2, "0")}${m}${y.slice(2)}`;
};
/** Kemendagri kecamatan code without dots, the first 6 digits of a NIK / No KK issued there. */
const prefixOf = (region: string) => region.split(".").slice(0, 3).join("");

/**
 * Seeds the demo households (idempotent: nothing happens when any household exists). Every NIK and
 * No KK is valid for its kecamatan and agrees with the birth date and sex.
 */
export async function seedDemoHouseholds(client: TClient) {
  if ((await client.household.count()) > 0) return { created: false, households: 0 };
  const frontoffice = await client.user.findUnique({ where: { username: "frontoffice" } });
  if (!frontoffice) throw new Error("seedDemoHouseholds: seed the demo district first (user 'frontoffice' is missing).");
  let serial = 0;
  const next = () => String(++serial).padStart(4, "0");
  let people = 0;
  await client.$transaction(async (tx) => {
    for (const h of HOUSEHOLDS) {
      const prefix = prefixOf(h.region);
      const noKk = `${prefix}${ddmmyy(h.kkIssued)}${next()}`;
      if (!parseNoKk(noKk).ok) throw new Error(`demo No KK ${noKk} is invalid`);
      const household = await tx.household.create({
        data: {
          districtCode: DISTRICT, regionCode: h.region, noKk, address: h.address, rt: h.rt, rw: h.rw, phone: h.phone ?? null,
          createdById: frontoffice.id,
        },
      });
      for (const m of h.members) {
        const nik = m.nik === false ? null : `${prefix}${ddmmyy(m.birthDate, m.sex === "P" ? 40 : 0)}${next()}`;
        if (nik) {
          const parsed = parseNik(nik);
          if (!parsed.ok || parsed.value.birthDate !== m.birthDate || parsed.value.sex !== m.sex) throw new Error(`demo NIK ${nik} does not match ${m.name}`);
        }
        await tx.person.create({
          data: {
            householdId: household.id, districtCode: DISTRICT, regionCode: h.region, nik, name: m.name,
            nameNormalized: normalizePersonName(m.name), birthDate: new Date(`${m.birthDate}T00:00:00Z`), birthPlace: m.birthPlace ?? null,
            sex: m.sex, relation: m.relation, maritalStatus: m.marital ?? null, education: m.education ?? null,
            occupation: m.occupation ?? null, monthlyIncome: m.income ?? null, disability: m.disability ?? null, chronicIllness: m.illness ?? null,
          },
        });
        people += 1;
      }
    }
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: "seed.demo-households", entity: "household", districtCode: DISTRICT,
      after: { households: HOUSEHOLDS.length, persons: people, createdBy: frontoffice.username },
    });
  }, { timeout: 60_000 });
  return { created: true, households: HOUSEHOLDS.length };
}
