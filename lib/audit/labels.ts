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
};

/** Plain-Indonesian name of an audit action; unknown actions show their code. */
export function describeAuditAction(action: string): string {
  return LABELS[action] ?? action;
}

export const AUDIT_ACTIONS = Object.keys(LABELS);
