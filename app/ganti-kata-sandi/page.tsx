import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { LogoutButton } from "@/components/layout/logout-button";
import { requireUser } from "@/lib/auth/session";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Ganti kata sandi" };

/** Reached after the first login with a temporary password; the rest of the app stays closed until done. */
export default async function ForcedPasswordChangePage() {
  const user = await requireUser({ allowPasswordChange: true });
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-bold">Ganti kata sandi</h1>
      <p>
        Halo {user.name}. {user.mustChangePassword
          ? "Anda masuk dengan kata sandi sementara dari admin. Buat kata sandi Anda sendiri sebelum mulai bekerja."
          : "Buat kata sandi baru untuk akun Anda."}
      </p>
      <ChangePasswordForm action={changePasswordAction} redirectTo="/" />
      <div><LogoutButton label="Keluar" onLight /></div>
    </main>
  );
}
