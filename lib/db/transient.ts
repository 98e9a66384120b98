/**
 * Is this error the database being briefly unreachable (restart, failover, network) rather than a bug?
 * Such errors are answered with 503 + Retry-After: the request did not (or, with an Idempotency-Key,
 * safely may be sent again to) take effect. Looks through Prisma's wrappers (cause, meta.driverAdapterError).
 */
const CODES = new Set([
  "P1001", "P1002", "P1008", "P1017", "P2024",
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT",
  "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006",
]);
const MESSAGES = /connection terminated|terminating connection|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down|in recovery mode)|can't reach database server|server has closed the connection|connection (is )?closed|Connection refused|timed out fetching a new connection|not queryable/i;

export function isTransientDbError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const x = e as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } & Record<string, unknown>; originalCode?: unknown; kind?: unknown };
  if (typeof x.code === "string" && CODES.has(x.code)) return true;
  if (typeof x.originalCode === "string" && CODES.has(x.originalCode)) return true;
  if (typeof x.message === "string" && MESSAGES.test(x.message)) return true;
  return isTransientDbError(x.cause, depth + 1) || isTransientDbError(x.meta?.driverAdapterError, depth + 1);
}

/** A short, data-free description for the server log (never the full message: it may quote query arguments). */
export function transientErrorCode(e: unknown, depth = 0): string {
  if (!e || typeof e !== "object" || depth > 5) return "unknown";
  const x = e as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof x.originalCode === "string") return x.originalCode;
  const inner = x.meta?.driverAdapterError ?? x.cause;
  if (inner) return transientErrorCode(inner, depth + 1);
  return typeof x.code === "string" ? x.code : "connection";
}

export const DB_UNAVAILABLE_MESSAGE =
  "Server basis data sedang tidak tersedia. Data belum tentu tersimpan: kirim ulang sebentar lagi (dengan Idempotency-Key yang sama pengiriman ulang tidak membuat data ganda).";

/** The same for a form (server action): no API jargon. */
export const DB_UNAVAILABLE_FORM_MESSAGE = "Server basis data sedang tidak tersedia sementara. Tunggu sebentar, lalu kirim ulang formulir ini.";
