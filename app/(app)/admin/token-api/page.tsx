import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateTokenForm, RevokeTokenButton } from "@/components/admin/token-forms";
import { can } from "@/lib/access/policy";
import { listApiTokens } from "@/lib/api/tokens";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listUsers } from "@/lib/users/queries";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "Token API" };

export default async function ApiTokensPage() {
  const user = await requireUser();
  if (!can(user, "create", "apiToken")) notFound();
  const [tokens, users] = await Promise.all([listApiTokens(user.districtCode), listUsers(user, { page: 1 })]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Token API</h1>
      <p className="text-slate-700">
        Token dipakai aplikasi lain (mis. sistem SKPD) untuk memanggil API Simpul di <code>/api/v1</code>
        (dokumen: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>). Hanya sidik (hash) token yang disimpan.
      </p>
      <section className="rounded-lg border bg-white p-4">
        <h2 className="mb-3 text-lg font-semibold">Buat token baru</h2>
        <CreateTokenForm action={createTokenAction} users={users.rows.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))} />
      </section>
      {tokens.length === 0 ? <p className="rounded-lg border bg-white p-4">Belum ada token.</p> : (
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-left">
            <thead className="bg-slate-100"><tr><th className="p-2">Nama</th><th className="p-2">Awalan</th><th className="p-2">Pengguna</th><th className="p-2">Dibuat</th><th className="p-2">Terakhir dipakai</th><th className="p-2">Status</th></tr></thead>
            <tbody>
              {tokens.map((tk) => (
                <tr key={tk.id} className="border-t">
                  <td className="p-2">{tk.name}</td><td className="p-2 font-mono">{tk.prefix}…</td>
                  <td className="p-2">{tk.user.name}</td><td className="p-2">{formatDateTime(tk.createdAt)}</td>
                  <td className="p-2">{formatDateTime(tk.lastUsedAt)}</td>
                  <td className="p-2">{tk.revokedAt ? "Dicabut" : <RevokeTokenButton tokenId={tk.id} name={tk.name} action={revokeTokenAction} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
