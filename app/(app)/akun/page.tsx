import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireUser } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/locale";
import { changePasswordAction } from "@/app/ganti-kata-sandi/actions";

export const metadata: Metadata = { title: "Akun saya" };

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getDictionary();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Akun saya</h1>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border bg-white p-4">
        <dt className="font-medium">Nama</dt><dd>{user.name}</dd>
        <dt className="font-medium">Nama pengguna</dt><dd>{user.username}</dd>
        <dt className="font-medium">Peran</dt><dd>{t.roles[user.role]}</dd>
        <dt className="font-medium">Kantor</dt><dd>{user.officeName}</dd>
        <dt className="font-medium">Wilayah kerja</dt><dd>{user.scopeRegionCode}{user.rtList.length ? ` · RT ${user.rtList.join(", ")}` : ""}</dd>
      </dl>
      <section>
        <h2 className="mb-3 text-lg font-semibold">Ganti kata sandi</h2>
        <ChangePasswordForm action={changePasswordAction} />
      </section>
    </div>
  );
}
