// The 12 standard PSKS (Potensi dan Sumber Kesejahteraan Sosial) types — the "social pillars" who help.
// Codes are stable identifiers stored in the database; names are what the UI shows.

export type TPsksDefinition = { code: string; name: string };

export const STANDARD_PSKS: readonly TPsksDefinition[] = [
  { code: "PEKSOS", name: "Pekerja Sosial Profesional" },
  { code: "PSM", name: "Pekerja Sosial Masyarakat" },
  { code: "TAGANA", name: "Taruna Siaga Bencana" },
  { code: "LKS", name: "Lembaga Kesejahteraan Sosial" },
  { code: "KARTAR", name: "Karang Taruna" },
  { code: "LK3", name: "Lembaga Konsultasi Kesejahteraan Keluarga" },
  { code: "KEL_PIONER", name: "Keluarga Pioner" },
  { code: "WPKS", name: "Wanita Pemimpin Kesejahteraan Sosial" },
  { code: "DUNIA_USAHA", name: "Dunia Usaha" },
  { code: "PENYULUH", name: "Penyuluh Sosial" },
  { code: "TKSK", name: "Tenaga Kesejahteraan Sosial Kecamatan" },
  { code: "WKSBM", name: "Wahana Kesejahteraan Sosial Berbasis Masyarakat" },
];

/**
 * Kota Madiun's 13th, local pillar: community elderly groups. A district-local type (districtCode 35.77),
 * never a standard one, so syncStandardReferenceData does not insert it.
 */
export const MADIUN_LOCAL_PSKS: readonly (TPsksDefinition & { districtCode: string })[] = [
  { code: "KARANG_WERDHA", name: "Karang Werdha", districtCode: "35.77" },
];
