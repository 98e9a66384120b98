import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import type { TAction, TResource } from "@/lib/access/roles";
import { getCurrentUser, requestIp, type TSessionUser } from "@/lib/auth/session";
import { DB_UNAVAILABLE_FORM_MESSAGE, isTransientDbError, transientErrorCode } from "@/lib/db/transient";
import { AppError, isAppError } from "@/lib/errors";
import { describeErrorForLog } from "@/lib/logging/describe-error";
import { parseInput } from "./parse-input.ts";

export type TActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string };

export type TActionContext = { user: TSessionUser; ip: string | null };

/**
 * FormData → plain object. A key sent several times (checkbox groups) or ending in "[]" becomes an
 * array; dotted keys nest ("members.0.name" → { members: [{ name }] }), so one form can carry a
 * household with its members.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rawKey of new Set(form.keys())) {
    if (rawKey.startsWith("$ACTION")) continue;
    const all = form.getAll(rawKey).filter((v): v is string => typeof v === "string");
    const files = form.getAll(rawKey).filter((v) => typeof v !== "string");
    const values: unknown[] = files.length > 0 ? files : all;
    const isList = rawKey.endsWith("[]");
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    setPath(out, key.split("."), isList ? values : values.length > 1 ? values : values[0]);
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node: Record<string, unknown> = target;
  path.forEach((part, i) => {
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(path[i + 1]);
    node[part] ??= nextIsIndex ? [] : {};
    node = node[part] as Record<string, unknown>;
  });
}

/**
 * A form posted without JavaScript: the action's id travels in the body, not in the Next-Action header a script
 * sends. False outside a request (tests call actions directly).
 */
async function isPlainFormPost(): Promise<boolean> {
  try {
    return (await headers()).get("next-action") === null;
  } catch {
    return false;
  }
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
    let user: TSessionUser | null;
    try {
      user = await getCurrentUser();
    } catch (e) {
      return actionFailure(e);
    }
    // Posted before the page's JavaScript had loaded, a refusal for want of a session is a 303 to the login page:
    // left to the page, its redirect would be a 307 and the browser would post the form to /masuk ("Server Action
    // unavailable"). With JavaScript the form says so in place.
    if (!user && (await isPlainFormPost())) redirect("/masuk?sesi=berakhir");
    try {
      if (!user) throw new AppError("UNAUTHENTICATED");
      if (user.mustChangePassword && !opts.allowPasswordChange) {
        throw new AppError("FORBIDDEN", "Ganti kata sandi Anda terlebih dahulu.");
      }
      const ip = await requestIp();
      const parsed = parseInput(opts.schema, raw instanceof FormData ? formDataToObject(raw) : raw);
      if (!parsed.ok) return { ok: false, code: "INVALID", message: parsed.message, fieldErrors: parsed.fieldErrors };
      if (opts.permission) await authorize(user, opts.permission.action, opts.permission.resource, undefined, { ip });
      const data = await handler(parsed.data, { user, ip });
      return { ok: true, data };
    } catch (e) {
      return actionFailure(e);
    }
  };
}

/**
 * A thrown error as an action result: an AppError's code and Indonesian message, "try again" for a
 * database outage, a generic message (and the server log) for anything else — never a raw message.
 * For the few actions that cannot use defineAction (the second-factor step has no full session yet).
 */
export function actionFailure(e: unknown): TActionResult<never> {
  if (isAppError(e)) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
  // Next.js signals redirect()/notFound() by throwing; let those through.
  if (e && typeof e === "object" && "digest" in e) throw e;
  if (isTransientDbError(e)) {
    // PostgreSQL restarting or unreachable: say so, so the user retries instead of reporting a bug.
    console.warn(`server action: database unavailable (${transientErrorCode(e)})`);
    return { ok: false, code: "UNAVAILABLE", message: DB_UNAVAILABLE_FORM_MESSAGE };
  }
  console.error(`server action failed: ${describeErrorForLog(e)}`);
  return { ok: false, message: "Terjadi kesalahan di server. Coba lagi; jika berulang, hubungi admin." };
}
