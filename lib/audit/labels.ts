const LABELS: Record<string, string> = {
  "login.success": "Masuk",
  "login.failed": "Gagal masuk",
  "login.locked": "Masuk ditolak: akun terkunci",
  "login.inactive": "Masuk ditolak: akun nonaktif",
  "login.throttled": "Masuk ditolak: terlalu banyak percobaan",
  logout: "Keluar",
  "access.denied": "Akses ditolak",
  "user.create": "Membuat pengguna",
  "user.activate": "Mengaktifkan pengguna",
  "user.deactivate": "Menonaktifkan pengguna",
  "user.reset-password": "Mengatur ulang kata sandi",
  "user.change-password": "Mengganti kata sandi sendiri",
  "apiToken.create": "Membuat token API",
  "apiToken.revoke": "Mencabut token API",
  "seed.demo": "Mengisi data demo",
  "seed.demo-households": "Mengisi rumah tangga demo",
  "household.create": "Mendaftarkan rumah tangga",
  "household.update": "Mengubah data rumah tangga",
  "person.create": "Menambah anggota keluarga",
  "person.update": "Mengubah data anggota keluarga",
  "person.move": "Memindahkan anggota ke KK lain",
  "person.deceased": "Mencatat anggota meninggal",
  "ppks.tag": "Mencatat kategori PPKS",
  "case.create": "Mendaftarkan kasus",
  "case.transition": "Mengubah status kasus",
  "case.assign": "Menugaskan kasus",
  "case.note": "Menambah catatan kasus",
  "case.attachment": "Melampirkan berkas ke kasus",
  "region.import": "Memuat data wilayah",
  "reference.sync": "Memperbarui data acuan",
};

/** Plain-Indonesian name of an audit action; unknown actions show their code. */
export function describeAuditAction(action: string): string {
  return LABELS[action] ?? action;
}

export const AUDIT_ACTIONS = Object.keys(LABELS);
