import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db/client";
import { MADIUN_LOCAL_PSKS } from "@/lib/reference/psks";
import { SYSTEM_ACTOR } from "./bootstrap.ts";

type TClient = Extract<Db, { $transaction: unknown }>;
type TUnit = {
  name: string; type: string; region: string; asset: "PERSONAL" | "INSTITUTION" | "ASSOCIATION";
  services: string[]; referrals: boolean; contact?: string; phone?: string; address?: string;
};

// Realistic partners of Kota Madiun (DOMAIN.md §3: LKS/panti, LK3, Karang Taruna, Tagana, Madiun's Karang Werdha).
const UNITS: TUnit[] = [
  { name: "LK3 Kota Madiun", type: "LK3", region: "35.77", asset: "INSTITUTION", services: ["perlindungan"], referrals: true, contact: "Ibu Retno", phone: "(0351) 451100" },
  { name: "Panti Asuhan Aisyiyah Kota Madiun", type: "LKS", region: "35.77.02.1001", asset: "INSTITUTION", services: ["perlindungan", "pendidikan"], referrals: true, address: "Jl. Diponegoro, Manguharjo" },
  { name: "Karang Taruna Oro-oro Ombo", type: "KARTAR", region: "35.77.01.1001", asset: "ASSOCIATION", services: ["pekerjaan"], referrals: false },
  { name: "Tagana Kota Madiun", type: "TAGANA", region: "35.77", asset: "ASSOCIATION", services: ["bansos"], referrals: false },
  { name: "Karang Werdha Kartoharjo", type: "KARANG_WERDHA", region: "35.77.01", asset: "ASSOCIATION", services: ["kesehatan", "lainnya"], referrals: true },
  { name: "Bapak Suyono (relawan pendamping lansia)", type: "PSM", region: "35.77.03.1001", asset: "PERSONAL", services: ["lainnya"], referrals: false, phone: "0812 3300 4411" },
];

/** Madiun's local PSKS type and a handful of partners; idempotent (skips when the district has any unit). */
export async function seedDemoPsks(client: TClient, districtCode: string) {
  for (const t of MADIUN_LOCAL_PSKS.filter((x) => x.districtCode === districtCode)) {
    const exists = await client.psksType.findFirst({ where: { districtCode, code: t.code } });
    if (!exists) await client.psksType.create({ data: { code: t.code, name: t.name, districtCode, standard: false } });
  }
  if ((await client.psksUnit.count({ where: { districtCode } })) > 0) return { created: 0 };
  const types = await client.psksType.findMany({ where: { OR: [{ districtCode: null }, { districtCode }] } });
  const typeId = new Map(types.map((t) => [t.code, t.id]));
  await client.$transaction(async (tx) => {
    for (const [i, u] of UNITS.entries()) {
      const office = u.referrals
        ? await tx.office.create({
            data: {
              code: `PSKS-${districtCode.replace(/\./g, "")}-DEMO${i + 1}`, name: u.name, kind: "OTHER", regionCode: u.region,
              districtCode, services: u.services, phone: u.phone ?? null, address: u.address ?? null,
            },
          })
        : null;
      await tx.psksUnit.create({
        data: {
          districtCode, regionCode: u.region, psksTypeId: typeId.get(u.type)!, name: u.name, assetKind: u.asset,
          services: u.services, contactName: u.contact ?? null, phone: u.phone ?? null, address: u.address ?? null, officeId: office?.id ?? null,
        },
      });
    }
    await writeAudit(tx, SYSTEM_ACTOR, { action: "seed.demo-psks", entity: "psksUnit", districtCode, after: { units: UNITS.length } });
  });
  return { created: UNITS.length };
}
