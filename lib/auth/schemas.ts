import { z } from "zod";

/** The 6 digits from the authenticator app; a space in the middle (as apps show it) is allowed. */
export const ZSecondFactorInput = z.strictObject({
  code: z.string().trim().regex(/^\d{3} ?\d{3}$/, "Masukkan 6 angka dari aplikasi autentikator."),
});
export type TSecondFactorInput = z.infer<typeof ZSecondFactorInput>;
