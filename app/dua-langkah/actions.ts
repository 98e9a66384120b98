"use server";

import { redirect } from "next/navigation";
import { actionFailure, formDataToObject, type TActionResult } from "@/lib/actions/define-action";
import { parseInput } from "@/lib/actions/parse-input";
import { ZSecondFactorInput, type TSecondFactorInput } from "@/lib/auth/schemas";
import { getPendingSecondFactor, requestIp } from "@/lib/auth/session";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { AppError } from "@/lib/errors";

/**
 * The code after the password. Not a defineAction: that requires a fully signed-in session, and
 * this is the one step a session that still owes its second factor may take.
 * A right code ends in a redirect home, thrown here rather than left to the page: sent before the page's
 * JavaScript had loaded, the form is a plain POST, and the page's own redirect would answer it with a 307,
 * which makes the browser post the form again to "/" (Next.js then fails with "Failed to find Server
 * Action"). From the action, Next.js answers a plain POST with 303 See Other, and a script-driven one with a
 * client-side navigation.
 */
export async function verifySecondFactorAction(
  _prev: unknown,
  raw: FormData | TSecondFactorInput,
): Promise<TActionResult<never>> {
  try {
    const pending = await getPendingSecondFactor();
    if (!pending) throw new AppError("UNAUTHENTICATED", "Sesi masuk Anda sudah berakhir. Masuk lagi dengan nama pengguna dan kata sandi.");
    const parsed = parseInput(ZSecondFactorInput, raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.ok) return { ok: false, code: "INVALID", message: parsed.message, fieldErrors: parsed.fieldErrors };
    await verifySecondFactor(pending, parsed.data.code, { ip: await requestIp() });
  } catch (e) {
    return actionFailure(e);
  }
  redirect("/");
}
