export const METHOD_TITLES: Record<string, string> = {
  GARIS_KEMISKINAN: "Garis kemiskinan",
  KRITERIA_BPS: "14 kriteria BPS",
  SET_INDIKATOR: "Set indikator daerah",
};
