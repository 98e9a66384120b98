// The 26 standard PPKS (Pemerlu Pelayanan Kesejahteraan Sosial) categories, Permensos 08/2012 lineage,
// numbered as in the SLRT training modules. Districts add their own categories as data, not here.

export type TDinsosBidang = 1 | 2 | 3;

export type TPpksDefinition = {
  number: number;
  /** The short the field forms use, e.g. "ABT". */
  code: string;
  name: string;
  /**
   * Dinsos bidang that handles it, after the Jember split: 1 children & orphans; 2 elderly, fakir miskin,
   * disaster victims and other economic/social vulnerability; 3 women, disability, NAPZA, homeless.
   * Null when another sector leads.
   */
  handlingBidang: TDinsosBidang | null;
  /** The leading sector when it is not Dinsos; null means Dinsos leads. */
  leadingSector: string | null;
};

export const STANDARD_PPKS: readonly TPpksDefinition[] = [
  { number: 1, code: "ABT", name: "Anak Balita Terlantar", handlingBidang: 1, leadingSector: null },
  { number: 2, code: "AT", name: "Anak Terlantar", handlingBidang: 1, leadingSector: null },
  // BAPAS (probation), not Dinsos, leads for children in conflict with the law.
  { number: 3, code: "ABH", name: "Anak yang Berhadapan dengan Hukum", handlingBidang: null, leadingSector: "BAPAS" },
  { number: 4, code: "AJ", name: "Anak Jalanan", handlingBidang: 1, leadingSector: null },
  // A child first: Bidang 1, not the disability bidang.
  { number: 5, code: "ADK", name: "Anak dengan Kedisabilitasan", handlingBidang: 1, leadingSector: null },
  {
    number: 6,
    code: "AKTK",
    name: "Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah",
    handlingBidang: 1,
    leadingSector: null,
  },
  { number: 7, code: "AMPK", name: "Anak yang Memerlukan Perlindungan Khusus", handlingBidang: 1, leadingSector: null },
  { number: 8, code: "LUT", name: "Lanjut Usia Terlantar", handlingBidang: 2, leadingSector: null },
  { number: 9, code: "PD", name: "Penyandang Disabilitas", handlingBidang: 3, leadingSector: null },
  // Commercial sexual exploitation is handled with the women's services.
  { number: 10, code: "TS", name: "Tuna Susila", handlingBidang: 3, leadingSector: null },
  { number: 11, code: "GEL", name: "Gelandangan", handlingBidang: 3, leadingSector: null },
  { number: 12, code: "PENG", name: "Pengemis", handlingBidang: 3, leadingSector: null },
  // Scavengers are grouped with gelandangan/pengemis (street-based livelihoods), as in Bidang 3.
  { number: 13, code: "PEM", name: "Pemulung", handlingBidang: 3, leadingSector: null },
  // Minorities need social protection against exclusion, handled with the vulnerable-group services.
  { number: 14, code: "KM", name: "Kelompok Minoritas", handlingBidang: 2, leadingSector: null },
  // BAPAS supervises former prisoners' reintegration, not Dinsos.
  {
    number: 15,
    code: "BWBLP",
    name: "Bekas Warga Binaan Lembaga Pemasyarakatan",
    handlingBidang: null,
    leadingSector: "BAPAS",
  },
  // Grouped with NAPZA victims (health-linked social rehabilitation).
  { number: 16, code: "ODHA", name: "Orang dengan HIV/AIDS", handlingBidang: 3, leadingSector: null },
  { number: 17, code: "KPN", name: "Korban Penyalahgunaan NAPZA", handlingBidang: 3, leadingSector: null },
  // Trafficking and violence victims are mostly women; they go with the women's services (and DP3A referral).
  { number: 18, code: "KTR", name: "Korban Trafficking", handlingBidang: 3, leadingSector: null },
  { number: 19, code: "KTK", name: "Korban Tindak Kekerasan", handlingBidang: 3, leadingSector: null },
  // Returned migrant workers' problem is mostly economic: Bidang 2.
  { number: 20, code: "PMBS", name: "Pekerja Migran Bermasalah Sosial", handlingBidang: 2, leadingSector: null },
  { number: 21, code: "KBA", name: "Korban Bencana Alam", handlingBidang: 2, leadingSector: null },
  { number: 22, code: "KBS", name: "Korban Bencana Sosial", handlingBidang: 2, leadingSector: null },
  // The vulnerability is economic (a woman heading a poor household), so empowerment in Bidang 2.
  { number: 23, code: "PRSE", name: "Perempuan Rawan Sosial Ekonomi", handlingBidang: 2, leadingSector: null },
  { number: 24, code: "FM", name: "Fakir Miskin", handlingBidang: 2, leadingSector: null },
  // Family social-psychological problems sit with family welfare and poverty services in Bidang 2.
  { number: 25, code: "KBSP", name: "Keluarga Bermasalah Sosial Psikologis", handlingBidang: 2, leadingSector: null },
  // Remote indigenous communities are an empowerment (economic) programme: Bidang 2.
  { number: 26, code: "KAT", name: "Komunitas Adat Terpencil", handlingBidang: 2, leadingSector: null },
];

export type TLocalPpksExample = Omit<TPpksDefinition, "number"> & { districtCode: string };

/**
 * Kabupaten Jember's 2022 intake form added these two to the 26. Exported as examples of district-local
 * categories (tests, demo data); they are not seeded by default because other districts do not use them.
 */
export const JEMBER_LOCAL_PPKS_EXAMPLES: readonly TLocalPpksExample[] = [
  // Mental illness is a psychosocial disability (UU 8/2016): Bidang 3.
  { code: "ODGJ", name: "Orang Dengan Gangguan Jiwa", handlingBidang: 3, leadingSector: null, districtCode: "35.09" },
  // House repair is a poverty programme (Rutilahu); Dinas Perkim/PU receives the referral for the works.
  {
    code: "RTLH",
    name: "Keluarga Berumah Tidak Layak Huni",
    handlingBidang: 2,
    leadingSector: null,
    districtCode: "35.09",
  },
];
