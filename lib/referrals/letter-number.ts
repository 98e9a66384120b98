import "server-only";
import type { Tx } from "@/lib/db/client";
import { formatLetterNo } from "./codes.ts";

/**
 * Gives a referral its letter number from the referring office's sequence for the year. The upsert
 * takes a row lock, so two letters of one office never share a number.
 */
export async function assignLetterNo(tx: Tx, referralId: string, officeId: string, now: Date): Promise<string> {
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Jakarta", year: "numeric" }).format(now));
  const seq = await tx.letterSequence.upsert({
    where: { officeId_year: { officeId, year } },
    create: { officeId, year, last: 1 },
    update: { last: { increment: 1 } },
  });
  const office = await tx.office.findUniqueOrThrow({ where: { id: officeId }, select: { code: true } });
  const letterNo = formatLetterNo(seq.last, office.code, year);
  await tx.referral.update({ where: { id: referralId }, data: { letterNo } });
  return letterNo;
}
