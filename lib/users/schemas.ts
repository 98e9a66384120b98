import { z } from "zod";
import { ROLES } from "@/lib/access/roles";

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Nama pengguna minimal 3 karakter.")
  .max(32, "Nama pengguna maksimal 32 karakter.")
  .regex(/^[a-z0-9._-]+$/, "Nama pengguna hanya boleh huruf kecil, angka, titik, garis bawah atau tanda minus.");

const ZRtList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v ?? []),
  z.array(z.string().regex(/^\d{1,3}$/, "RT ditulis dengan angka, mis. 001, 002.")).max(20, "Paling banyak 20 RT."),
);

export const ZCreateUserInput = z.strictObject({
  username: ZUsername,
  name: z.string().trim().min(2, "Nama lengkap wajib diisi.").max(120, "Nama terlalu panjang."),
  role: z.enum(ROLES, { message: "Pilih peran." }),
  officeId: z.string().min(1, "Pilih kantor."),
  scopeRegionCode: z.string().trim().optional().transform((v) => (v ? v : undefined)),
  rtList: ZRtList.optional(),
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUserIdInput = z.strictObject({ userId: z.string().min(1) });

export const ZChangePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, "Isi kata sandi saat ini."),
    newPassword: z.string(),
    confirmPassword: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Konfirmasi tidak sama dengan kata sandi baru." });
    }
    if (v.newPassword === v.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Kata sandi baru harus berbeda dari yang lama." });
    }
  });
