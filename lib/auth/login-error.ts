import { format, type TDict } from "@/lib/i18n/messages";

export const LOGIN_ERROR_CODES = ["INVALID", "LOCKED", "INACTIVE", "THROTTLED", "DEFAULT"] as const;

function wibTime(iso: string | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return "";
  return new Date(iso).toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta" });
}

/** The login page's message for a failed login: a code of attemptLogin, and the time a lock or pause ends. */
export function loginErrorMessage(t: TDict["login"], code: string, until?: string): string {
  const template = t.errors[code as keyof typeof t.errors] ?? t.errors.DEFAULT;
  return format(template, { time: wibTime(until) });
}
