import "server-only";
import { cookies } from "next/headers";
import { dictionary, type TLocale } from "./messages.ts";

export const LOCALE_COOKIE = "simpul-locale";

/** The locale chosen with the switcher (a cookie, so it works before login too); Indonesian by default. */
export async function currentLocale(): Promise<TLocale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return value === "en" ? "en" : "id";
}

export async function getDictionary() {
  return dictionary(await currentLocale());
}
