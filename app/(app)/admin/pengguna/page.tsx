import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/access/policy";
import { roleNeedsSecondFactor, ROLES, type Role } from "@/lib/access/roles";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getDictionary } from "@/lib/i18n/locale";
import { listOfficesForDistrict, listRegionsForDistrict, listUsers } from "@/lib/users/queries";
import { activateUserAction, createUserAction, deactivateUserAction, resetPasswordAction, resetSecondFactorAction } from "./actions";

export const metadata: Metadata = { title: "Pengguna" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!can(user, "read", "user")) notFound();
  const sp = await searchParams;
  const t = await getDictionary();
  const role = ROLES.includes(sp.peran as Role) ? (sp.peran as Role) : undefined;
  const page = Number(sp.hal) || 1;
  const [list, offices, regions] = await Promise.all([
    listUsers(user, { q: sp.q, role, page }),
    listOfficesForDistrict(user.districtCode),
    listRegionsForDistrict(user.districtCode),
  ]);
  const mayEdit = can(user, "update", "user");
  const now = new Date();

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Pengguna</h1>

      {can(user, "create", "user") ? (
        <details className="rounded-lg border bg-white p-4">
          <summary className="cursor-pointer text-lg font-semibold">+ Tambah pengguna</summary>
          <CreateUserForm
            action={createUserAction}
            roles={ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
            offices={offices.map((o) => ({ value: o.id, label: o.name }))}
            regions={regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})`, level: r.level }))}
          />
        </details>
      ) : null}

      <form className="flex flex-wrap items-end gap-3" role="search">
        <div className="flex flex-col">
          <label htmlFor="q">Cari nama / nama pengguna</label>
          <input id="q" name="q" defaultValue={sp.q ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3" />
        </div>
        <div className="flex flex-col">
          <label htmlFor="peran">Peran</label>
          <select id="peran" name="peran" defaultValue={role ?? ""} className="min-h-11 rounded-md border border-slate-400 px-3">
            <option value="">{t.common.all}</option>
            {ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
          </select>
        </div>
        <button className="min-h-11 rounded-md bg-brand-600 px-4 text-white">{t.common.search}</button>
      </form>

      {list.rows.length === 0 ? (
        <p className="rounded-lg border bg-white p-4">Tidak ada pengguna yang cocok dengan pencarian ini.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-left">
            <thead className="bg-slate-100">
              <tr>
                <th className="p-2">Nama</th><th className="p-2">Peran</th><th className="p-2">Kantor · wilayah</th>
                <th className="p-2">Status</th><th className="p-2">Terakhir masuk</th>{mayEdit ? <th className="p-2">Tindakan</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.rows.map((u) => (
                <tr key={u.id} className="border-t align-top" data-testid={`user-row-${u.username}`}>
                  <td className="p-2"><div className="font-medium">{u.name}</div><div className="text-sm text-slate-600">{u.username}</div></td>
                  <td className="p-2">{t.roles[u.role]}</td>
                  <td className="p-2">{u.office.name}<div className="text-sm text-slate-600">{u.scopeRegionCode}{u.rtList.length ? ` · RT ${u.rtList.join(", ")}` : ""}</div></td>
                  <td className="p-2">
                    {!u.active ? "Nonaktif" : u.lockedUntil && u.lockedUntil > now ? "Terkunci" : u.mustChangePassword ? "Menunggu ganti kata sandi" : "Aktif"}
                    {roleNeedsSecondFactor(u.role) ? (
                      <div className="text-sm text-slate-600">
                        {u.totpEnrolledAt ? "Verifikasi dua langkah aktif" : "Belum mendaftarkan aplikasi autentikator"}
                      </div>
                    ) : null}
                  </td>
                  <td className="p-2">{formatDateTime(u.lastLoginAt)}</td>
                  {mayEdit ? (
                    <td className="p-2">
                      {u.id === user.id ? <span className="text-sm text-slate-600">(akun Anda)</span> : (
                        <UserRowActions userId={u.id} name={u.name} active={u.active}
                          deactivate={deactivateUserAction} activate={activateUserAction} resetPassword={resetPasswordAction}
                          resetSecondFactor={u.totpEnrolledAt ? resetSecondFactorAction : undefined} />
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath="/admin/pengguna" params={{ q: sp.q, peran: role }} />
    </div>
  );
}
