// The routing rules a district starts with (DOMAIN.md §1): the SKPD that own a kind of service, BAPAS
// as leading sector for ABH and BWBLP, DP3A for violence against women and children, and the Dinsos
// bidang split (1 children; 2 elderly, fakir miskin, disaster; 3 women, disability, NAPZA, homeless).
// Office codes are "<PREFIX>-<district digits>" so the same table serves any district.

export type TDefaultRule = {
  key: string;
  serviceCategory?: string;
  ppksCode?: string;
  minAge?: number;
  maxAge?: number;
  /** Office code prefix; the district's digits are appended ("DINKES" → "DINKES-3577"). */
  office: string;
  slaDays: number;
  priority?: number;
};

const SKPD_PRIORITY = 10; // a need an SKPD owns goes there whatever the person's PPKS category
const BAPAS_PRIORITY = 20; // BAPAS leads for ABH and ex-prisoners by law, not Dinsos
const VIOLENCE_PRIORITY = 15;

const BIDANG: Record<number, string[]> = {
  1: ["ABT", "AT", "AJ", "ADK", "AMPK"],
  2: ["LUT", "FM", "KBA", "KBS", "PMBS", "KAT", "KBSP", "KM"],
  3: ["PD", "KPN", "GEL", "PENG", "PEM", "TS", "ODHA", "KTR", "PRSE"],
};

export const DEFAULT_ROUTING_RULES: TDefaultRule[] = [
  { key: "kesehatan", serviceCategory: "kesehatan", office: "DINKES", slaDays: 3, priority: SKPD_PRIORITY },
  { key: "pendidikan", serviceCategory: "pendidikan", office: "DISDIK", slaDays: 14, priority: SKPD_PRIORITY },
  { key: "adminduk", serviceCategory: "adminduk", office: "DUKCAPIL", slaDays: 7, priority: SKPD_PRIORITY },
  { key: "perumahan", serviceCategory: "perumahan", office: "PERKIM", slaDays: 30, priority: SKPD_PRIORITY },
  { key: "pekerjaan", serviceCategory: "pekerjaan", office: "DISNAKER", slaDays: 30, priority: SKPD_PRIORITY },
  { key: "perlindungan", serviceCategory: "perlindungan", office: "DP3A", slaDays: 1 },
  { key: "bansos", serviceCategory: "bansos", office: "DINSOS-B2", slaDays: 14 },
  { key: "bansos-lansia", serviceCategory: "bansos", minAge: 60, office: "DINSOS-B2", slaDays: 14 },
  { key: "bansos-anak", serviceCategory: "bansos", maxAge: 17, office: "DINSOS-B1", slaDays: 14 },
  { key: "lainnya", serviceCategory: "lainnya", office: "DINSOS", slaDays: 14 },
  { key: "ppks-ABH", ppksCode: "ABH", office: "BAPAS", slaDays: 7, priority: BAPAS_PRIORITY },
  { key: "ppks-BWBLP", ppksCode: "BWBLP", office: "BAPAS", slaDays: 14, priority: BAPAS_PRIORITY },
  { key: "ppks-AKTK", ppksCode: "AKTK", office: "DP3A", slaDays: 1, priority: VIOLENCE_PRIORITY },
  { key: "ppks-KTK", ppksCode: "KTK", office: "DP3A", slaDays: 1, priority: VIOLENCE_PRIORITY },
  ...Object.entries(BIDANG).flatMap(([bidang, codes]) =>
    codes.map((code) => ({ key: `ppks-${code}`, ppksCode: code, office: `DINSOS-B${bidang}`, slaDays: 14 }))),
];

/** "DINSOS-B2" + "35.77" → "DINSOS-3577-B2"; "BAPAS" → "BAPAS-MADIUN" is handled by the caller's map. */
export function officeCodeFor(prefix: string, districtCode: string): string {
  const digits = districtCode.replace(/\D/g, "");
  const m = /^DINSOS-B(\d)$/.exec(prefix);
  if (m) return `DINSOS-${digits}-B${m[1]}`;
  return `${prefix}-${digits}`;
}
