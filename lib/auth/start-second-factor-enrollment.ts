import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TPendingSecondFactor } from "./session.ts";
import { newTotpSecret, otpauthUri } from "./totp.ts";
import { openTotpSecret, sealTotpSecret } from "./totp-secret-box.ts";

export const TOTP_ISSUER = "Simpul";

/**
 * The secret a not-yet-enrolled user adds to their authenticator app. Made once and kept (sealed)
 * on the user, so reloading the page shows the same QR code; it is shown only until a first code
 * confirms it (lib/auth/verify-second-factor.ts), never after.
 */
export async function startSecondFactorEnrollment(
  pending: TPendingSecondFactor,
  ctx: { ip?: string | null } = {},
): Promise<{ secret: string; uri: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: pending.userId } });
  if (user.totpEnrolledAt) throw new AppError("FORBIDDEN", "Aplikasi autentikator sudah terdaftar. Masukkan kode dari aplikasi itu.");
  let sealed = user.totpSecret;
  if (!sealed) {
    const candidate = sealTotpSecret(newTotpSecret());
    await db.$transaction(async (tx) => {
      // Two tabs opening the page at once: the first secret stays, the second is discarded.
      const claimed = await tx.user.updateMany({
        where: { id: user.id, totpSecret: null, totpEnrolledAt: null },
        data: { totpSecret: candidate, totpLastStep: null },
      });
      if (claimed.count === 0) return;
      await writeAudit(tx, { id: user.id, label: user.username, ip: ctx.ip }, {
        action: "second-factor.enrollment-started", entity: "user", entityId: user.id, districtCode: user.districtCode,
      });
    });
    sealed = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret!;
  }
  const secret = openTotpSecret(sealed);
  return { secret, uri: otpauthUri({ secret, account: user.username, issuer: TOTP_ISSUER }) };
}
