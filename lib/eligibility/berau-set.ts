import type { TIndicatorSetDefinition } from "./indicator-set.ts";

const opts = (...labels: [string, string, string, string]) => labels.map((label, i) => ({ code: String(i + 1), label, score: i + 1 }));

/**
 * Kabupaten Berau's 16 proxy-means indicators (TKPKD, DOMAIN.md §5), each scored 1 (worst) to 4 (best),
 * weight 1, total 16–64. The cut-offs are an example for the demo — a district sets its own.
 */
export const BERAU_SET: TIndicatorSetDefinition = {
  name: "Indikator kemiskinan lokal Kabupaten Berau (16 indikator)",
  description: "Contoh set indikator TKPKD Berau: skor 1 (paling buruk) sampai 4 (paling baik). Batas kelompok adalah contoh; sesuaikan dengan ketetapan daerah.",
  indicators: [
    { code: "B01", label: "Status kepemilikan rumah", weight: 1, options: opts("Milik orang tua", "Menumpang gratis", "Sewa/kontrak", "Milik sendiri") },
    { code: "B02", label: "Luas lantai rumah", weight: 1, options: opts("Kurang dari 36 m²", "36–50 m²", "51–75 m²", "Lebih dari 75 m²") },
    { code: "B03", label: "Jenis atap", weight: 1, options: opts("Daun/rumbia", "Seng rusak", "Seng baik", "Genteng") },
    { code: "B04", label: "Jenis lantai", weight: 1, options: opts("Tanah atau kayu rusak", "Kayu baik", "Semen, tegel atau papan", "Keramik") },
    { code: "B05", label: "Jenis dinding", weight: 1, options: opts("Kayu rusak", "Kayu baik", "Tembok bata", "Beton cor baik") },
    { code: "B06", label: "Sumber air minum", weight: 1, options: opts("Sungai", "Air hujan atau sumur", "Fasilitas umum", "PDAM") },
    { code: "B07", label: "Jamban", weight: 1, options: opts("Umum", "Sendiri, kurang layak", "Sendiri, cukup", "Sendiri, baik") },
    { code: "B08", label: "Penerangan", weight: 1, options: opts("Lampu minyak", "Listrik tetangga", "PLN 450 W", "PLN lebih dari 500 W") },
    { code: "B09", label: "Bahan bakar memasak", weight: 1, options: opts("Kayu bakar", "Minyak tanah", "Gas 3 kg", "Gas 12 kg") },
    { code: "B10", label: "Barang elektronik", weight: 1, options: opts("Tidak ada", "Televisi", "Kulkas", "Mesin cuci") },
    { code: "B11", label: "Alat transportasi", weight: 1, options: opts("Sepeda", "Sepeda motor", "Lebih dari 1 sepeda motor", "Mobil") },
    { code: "B12", label: "Pendidikan kepala keluarga", weight: 1, options: opts("Tidak sekolah / SD tidak tamat", "SD", "SMP", "SMA/SMK/perguruan tinggi") },
    { code: "B13", label: "Pekerjaan kepala keluarga", weight: 1, options: opts("Buruh", "Petani/nelayan", "Pedagang kecil", "Wiraswasta") },
    { code: "B14", label: "Penghasilan per bulan", weight: 1, options: opts("Kurang dari Rp 1.250.000", "Rp 1.250.000–1.500.000", "Lebih dari Rp 1.500.000–1.750.000", "Lebih dari Rp 1.750.000") },
    { code: "B15", label: "Anggota sakit menahun atau disabilitas", weight: 1, options: opts("Lebih dari 3 orang", "2 orang", "1 orang", "Tidak ada") },
    { code: "B16", label: "Nilai aset", weight: 1, options: opts("Tidak ada", "Kurang dari Rp 1 juta", "Rp 1–1,5 juta", "Lebih dari Rp 5 juta") },
  ],
  bands: [
    { upTo: 28, label: "Sangat miskin", eligible: true },
    { upTo: 36, label: "Miskin", eligible: true },
    { upTo: 44, label: "Rentan miskin", eligible: true },
    { upTo: null, label: "Tidak miskin", eligible: false },
  ],
};
