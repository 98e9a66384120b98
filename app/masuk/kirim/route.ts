import { NextResponse } from "next/server";
import { attemptLogin } from "@/lib/auth/login";
import { clientIp } from "@/lib/auth/options";
import { sessionCookieFor } from "@/lib/auth/session-cookie";
import { isSameOriginRequest } from "@/lib/security/origin";

/** Only a path of this site: never another host ("//x", "/\\x") after a login. */
function localPath(value: FormDataEntryValue | null): string {
  const v = typeof value === "string" ? value : "";
  return /^\/(?![/\\])/.test(v) ? v : "/";
}

/**
 * The login form's action when the page's JavaScript has not run yet (a slow phone network, or a tap that
 * beats hydration): a plain POST. With JavaScript the form logs in through next-auth's own route instead
 * (components/auth/login-form.tsx). Both go through attemptLogin — the same throttling, locks and audit rows
 * — and end with the same session cookie. Answers with a redirect either way (303), so the password is never
 * in a URL and a reload does not post it again: home (or the form's callbackUrl) with the cookie, or back to
 * /masuk with the reason (?galat=CODE, &sampai=when a lock ends).
 */
export async function POST(req: Request) {
  // Login CSRF: another site must not sign a browser into an account of its choosing.
  if (!isSameOriginRequest(req)) return new NextResponse("Permintaan dari situs lain ditolak.", { status: 403 });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return NextResponse.redirect(new URL("/masuk?galat=DEFAULT", req.url), 303);
  }
  const result = await attemptLogin({
    username: String(form.get("username") ?? ""),
    password: String(form.get("password") ?? ""),
    ip: clientIp({ headers: req.headers }),
    userAgent: req.headers.get("user-agent"),
  });
  if (!result.ok) {
    const back = new URL("/masuk", req.url);
    back.searchParams.set("galat", result.code);
    if (result.until) back.searchParams.set("sampai", result.until.toISOString());
    return NextResponse.redirect(back, 303);
  }
  const res = NextResponse.redirect(new URL(localPath(form.get("callbackUrl")), req.url), 303);
  const cookie = await sessionCookieFor(result.userId, result.sessionId);
  res.cookies.set(cookie.name, cookie.value, cookie.options);
  return res;
}
