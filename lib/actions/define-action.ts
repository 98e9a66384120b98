import "server-only";
import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import type { TAction, TResource } from "@/lib/access/roles";
import { getCurrentUser, requestIp, type TSessionUser } from "@/lib/auth/session";
import { AppError, DEFAULT_MESSAGES, isAppError } from "@/lib/errors";

export type TActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string };

export type TActionContext = { user: TSessionUser; ip: string | null };

/** FormData → plain object; a key sent several times (checkbox groups) becomes an array. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).map((v) => (typeof v === "string" ? v : v));
    out[key] = key.endsWith("[]") ? all : all.length > 1 ? all : all[0];
  }
  for (const key of Object.keys(out)) {
    if (key.endsWith("[]")) {
      out[key.slice(0, -2)] = out[key];
      delete out[key];
    }
  }
  return out;
}

/**
 * The one shape of every server action: authenticate → parse (zod) → authorize (lib/access) →
 * run → typed result. A server action is a public HTTP endpoint, so none of these steps may be
 * left to the page that shows the form.
 */
export function defineAction<S extends z.ZodType, T>(
  opts: {
    schema: S;
    permission?: { action: TAction; resource: TResource };
    /** Allowed while the user still has to change their password (only the change itself). */
    allowPasswordChange?: boolean;
  },
  handler: (input: z.infer<S>, ctx: TActionContext) => Promise<T>,
) {
  return async (_prev: unknown, raw: FormData | z.input<S>): Promise<TActionResult<T>> => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHENTICATED");
      if (user.mustChangePassword && !opts.allowPasswordChange) {
        throw new AppError("FORBIDDEN", "Ganti kata sandi Anda terlebih dahulu.");
      }
      const ip = await requestIp();
      const parsed = opts.schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
      if (!parsed.success) {
        return { ok: false, message: DEFAULT_MESSAGES.INVALID, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
      }
      if (opts.permission) await authorize(user, opts.permission.action, opts.permission.resource, undefined, { ip });
      const data = await handler(parsed.data, { user, ip });
      return { ok: true, data };
    } catch (e) {
      if (isAppError(e)) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
      // Next.js signals redirect()/notFound() by throwing; let those through.
      if (e && typeof e === "object" && "digest" in e) throw e;
      console.error("server action failed", e);
      return { ok: false, message: "Terjadi kesalahan di server. Coba lagi; jika berulang, hubungi admin." };
    }
  };
}
