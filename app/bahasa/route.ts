import { NextResponse } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";

// Only a display preference: it reads and writes no record, so it needs no session.
export async function GET(req: Request) {
  const url = new URL(req.url);
  const locale = url.searchParams.get("ke") === "en" ? "en" : "id";
  const back = url.searchParams.get("kembali") ?? "/";
  // Only same-site paths, never an open redirect.
  const target = back.startsWith("/") && !back.startsWith("//") ? back : "/";
  const res = NextResponse.redirect(new URL(target, url.origin), 303);
  res.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400, httpOnly: true });
  return res;
}
