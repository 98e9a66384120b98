import "server-only";
import { roleNeedsSecondFactor, type Role } from "@/lib/access/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { sealTotpSecret } from "@/lib/auth/totp-secret-box";
import type { Db } from "@/lib/db/client";
import type { OfficeKind } from "@/lib/db/generated/enums.ts";
import { bootstrapReferenceData, importDistrictRegions, SYSTEM_ACTOR } from "./bootstrap.ts";
import { seedDemoEligibility } from "./demo-eligibility.ts";
import { seedDemoHouseholds } from "./demo-households.ts";
import { seedDemoPsks } from "./demo-psks.ts";
import { seedDemoDtks } from "./demo-dtks.ts";
import { seedServiceStandards } from "./demo-service-standards.ts";
import { seedDemoReferrals } from "./demo-referrals.ts";

type TClient = Extract<Db, { $transaction: unknown }>;

/** The demo district: Kota Madiun (35.77), 3 kecamatan, 27 kelurahan (DOMAIN.md §8). */
export const DEMO_DISTRICT = "35.77";
export const DEMO_PASSWORD = "simpul-demo-2026";
/**
 * The demo accounts whose role requires a second factor (admin, dinsos) share this fixed TOTP secret
 * (base32 of "simpul-demo-totp2026"), printed by `npm start` and listed in the README, so anyone can
 * add it to an authenticator app and try the login. Demo data only: real accounts enroll their own.
 */
export const DEMO_TOTP_SECRET = "ONUW24DVNQWWIZLNN4WXI33UOAZDAMRW";
const DEMO_KELURAHAN = "35.77.01.1001"; // Oro-oro Ombo, Kartoharjo

type TOfficeSeed = {
  code: string; name: string; kind: OfficeKind; bidang?: number; parent?: string; services: string[]; address?: string; phone?: string;
};

const DISTRICT_OFFICES: TOfficeSeed[] = [
  { code: "SLRT-3577", name: "SLRT Kota Madiun", kind: "SLRT", address: "Jl. Perintis Kemerdekaan No. 32, Kota Madiun", phone: "(0351) 462470", services: ["bansos", "kesehatan", "pendidikan", "adminduk", "perumahan", "pekerjaan", "perlindungan", "lainnya"] },
  { code: "DINSOS-3577", name: "Dinas Sosial Kota Madiun", kind: "DINSOS", services: ["bansos", "perlindungan"] },
  { code: "DINSOS-3577-B1", name: "Dinsos Bidang 1 — Anak", kind: "DINSOS", bidang: 1, parent: "DINSOS-3577", services: ["perlindungan", "bansos"] },
  { code: "DINSOS-3577-B2", name: "Dinsos Bidang 2 — Lansia, Fakir Miskin, Korban Bencana", kind: "DINSOS", bidang: 2, parent: "DINSOS-3577", services: ["bansos"] },
  { code: "DINSOS-3577-B3", name: "Dinsos Bidang 3 — Perempuan, Disabilitas, NAPZA, Tuna Wisma", kind: "DINSOS", bidang: 3, parent: "DINSOS-3577", services: ["perlindungan", "bansos"] },
  { code: "DINKES-3577", name: "Dinas Kesehatan Kota Madiun", kind: "SKPD", services: ["kesehatan"] },
  { code: "DISDIK-3577", name: "Dinas Pendidikan Kota Madiun", kind: "SKPD", services: ["pendidikan"] },
  { code: "DUKCAPIL-3577", name: "Dinas Kependudukan dan Pencatatan Sipil Kota Madiun", kind: "SKPD", services: ["adminduk"] },
  { code: "PERKIM-3577", name: "Dinas Perumahan dan Kawasan Permukiman Kota Madiun", kind: "SKPD", services: ["perumahan"] },
  { code: "DISNAKER-3577", name: "Dinas Tenaga Kerja Kota Madiun", kind: "SKPD", services: ["pekerjaan"] },
  { code: "DP3A-3577", name: "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Madiun", kind: "SKPD", services: ["perlindungan"] },
  { code: "BAPAS-MADIUN", name: "Balai Pemasyarakatan Kelas II Madiun", kind: "BAPAS", services: ["perlindungan"] },
  { code: "BAZNAS-3577", name: "Baznas Kota Madiun", kind: "OTHER", services: ["bansos"] },
];

export const DEMO_USERS: { username: string; name: string; role: Role; office: string; scope?: string; rtList?: string[] }[] = [
  { username: "admin", name: "Rina Admin", role: "ADMIN", office: "DINSOS-3577" },
  { username: "manajer", name: "Budi Santoso", role: "MANAJER", office: "SLRT-3577" },
  { username: "koordinator", name: "Sri Wahyuni", role: "KOORDINATOR", office: `PKS-${DEMO_KELURAHAN}`, scope: DEMO_KELURAHAN },
  { username: "supervisor", name: "Agus Prasetyo", role: "SUPERVISOR", office: "SLRT-3577" },
  { username: "frontoffice", name: "Dewi Lestari", role: "FRONT_OFFICE", office: `PKS-${DEMO_KELURAHAN}`, scope: DEMO_KELURAHAN },
  { username: "fo-manguharjo", name: "Rudi Hartanto", role: "FRONT_OFFICE", office: "PKS-35.77.02.1001", scope: "35.77.02.1001" },
  { username: "backoffice", name: "Eko Nugroho", role: "BACK_OFFICE", office: `PKS-${DEMO_KELURAHAN}`, scope: DEMO_KELURAHAN },
  { username: "fasilitator", name: "Fitri Handayani", role: "FASILITATOR", office: "SLRT-3577" },
  { username: "psm", name: "Joko Susilo", role: "PSM", office: `PKS-${DEMO_KELURAHAN}`, scope: DEMO_KELURAHAN, rtList: ["001", "002", "003", "004", "005"] },
  { username: "tksk", name: "Hartono", role: "TKSK", office: "DINSOS-3577", scope: "35.77.01" },
  { username: "dinsos", name: "Yuli Astuti", role: "DINSOS", office: "DINSOS-3577-B2" },
  { username: "dinkes", name: "dr. Siti Rahmawati", role: "DESK_OFFICER", office: "DINKES-3577" },
  { username: "disdik", name: "Drs. Bambang Wicaksono", role: "DESK_OFFICER", office: "DISDIK-3577" },
];

/** True when the demo district has already been seeded (its SLRT office exists). */
export async function isDemoSeeded(client: TClient) {
  return (await client.office.count({ where: { code: "SLRT-3577" } })) > 0;
}

/**
 * Seeds Kota Madiun: its official regions, one Puskesos per kelurahan, the SLRT, the Dinsos with
 * three bidang, the SKPD desks, BAPAS, Baznas and one demo user per role. Idempotent.
 */
export async function seedDemoDistrict(client: TClient) {
  await bootstrapReferenceData(client);
  await importDistrictRegions(client, DEMO_DISTRICT);
  if (await isDemoSeeded(client)) {
    await seedDemoExtras(client);
    return { created: false };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const kelurahan = await client.region.findMany({ where: { districtCode: DEMO_DISTRICT, level: "DESA_KELURAHAN" }, orderBy: { code: "asc" } });
  await client.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    const offices: (TOfficeSeed & { region: string })[] = [
      ...DISTRICT_OFFICES.map((o) => ({ ...o, region: DEMO_DISTRICT })),
      ...kelurahan.map((k) => ({
        code: `PKS-${k.code}`, name: `Puskesos ${k.name}`, kind: "PUSKESOS" as const, region: k.code,
        address: `Kantor Kelurahan ${k.name}, Kota Madiun`,
        // Demo numbers in the 0351 (Madiun) area code; the last digits follow the kelurahan code.
        phone: `(0351) 45${k.code.slice(-4)}`,
        services: ["bansos", "kesehatan", "pendidikan", "adminduk", "perumahan", "pekerjaan", "perlindungan", "lainnya"],
      })),
    ];
    for (const o of offices) {
      const row = await tx.office.create({
        data: {
          code: o.code, name: o.name, kind: o.kind, regionCode: o.region, districtCode: DEMO_DISTRICT,
          bidang: o.bidang ?? null, parentId: o.parent ? ids.get(o.parent) : null, services: o.services,
          address: o.address ?? null, phone: o.phone ?? null,
        },
      });
      ids.set(o.code, row.id);
    }
    for (const u of DEMO_USERS) {
      await tx.user.create({
        data: {
          username: u.username, name: u.name, role: u.role, officeId: ids.get(u.office)!, districtCode: DEMO_DISTRICT,
          scopeRegionCode: u.scope ?? DEMO_DISTRICT, rtList: u.rtList ?? [], passwordHash,
        },
      });
    }
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: "seed.demo", entity: "region", entityId: DEMO_DISTRICT, districtCode: DEMO_DISTRICT,
      after: { offices: offices.length, users: DEMO_USERS.length },
    });
  }, { timeout: 120_000 });
  await seedDemoExtras(client);
  return { created: true };
}

/** Service standards and demo households: each idempotent, so a re-seed after an upgrade fills in what is new. */
async function seedDemoExtras(client: TClient) {
  await seedServiceStandards(client, DEMO_DISTRICT);
  await seedDemoHouseholds(client);
  await seedDemoPsks(client, DEMO_DISTRICT);
  await seedDemoEligibility(client, DEMO_DISTRICT);
  await seedDemoReferrals(client, DEMO_DISTRICT, DEMO_PASSWORD);
  await seedDemoDtks(client, DEMO_DISTRICT);
  await seedDemoSecondFactor(client);
}

/** Gives the demo accounts that need a second factor the documented demo secret, unless they already have one. */
async function seedDemoSecondFactor(client: TClient) {
  const usernames = DEMO_USERS.filter((u) => roleNeedsSecondFactor(u.role)).map((u) => u.username);
  await client.$transaction(async (tx) => {
    const enrolled = await tx.user.updateMany({
      where: { username: { in: usernames }, totpSecret: null },
      data: { totpSecret: sealTotpSecret(DEMO_TOTP_SECRET), totpEnrolledAt: new Date(), totpLastStep: null },
    });
    if (enrolled.count === 0) return;
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: "seed.demo-second-factor", entity: "user", districtCode: DEMO_DISTRICT, after: { users: enrolled.count },
    });
  });
}
