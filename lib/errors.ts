/** Expected failures, each mapped to an Indonesian message. Anything else is a bug: logged, never shown raw. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAUTHENTICATED" | "UNAVAILABLE";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** Machine-readable facts for a client that can act on them (e.g. the existing household of a duplicate NIK). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "AppError";
  }
}

export const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  NOT_FOUND: "Data tidak ditemukan.",
  FORBIDDEN: "Anda tidak berwenang melakukan tindakan ini.",
  CONFLICT: "Data sudah diubah atau sudah ada. Muat ulang halaman lalu coba lagi.",
  INVALID: "Periksa kembali isian yang ditandai.",
  UNAUTHENTICATED: "Sesi Anda telah berakhir. Silakan masuk kembali.",
  /** Temporary: the database or the file storage cannot take the request now; the client may retry. */
  UNAVAILABLE: "Layanan sedang tidak tersedia sementara. Coba lagi sebentar lagi.",
};

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
