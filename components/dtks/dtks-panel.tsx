import Link from "next/link";
import { createProposalAction } from "@/app/(app)/dtks/actions";
import { dtksPanelFor } from "@/lib/dtks/panel";
import type { TActor } from "@/lib/access/policy";
import { ActionForm } from "./action-form";
import { DtksEntry } from "./dtks-result";

const STATE: Record<string, string> = {
  MASUK_DTKS: "Masuk DTKS/DTSEN", TIDAK_TERDAFTAR: "Tidak terdaftar di DTKS/DTSEN", DIUSULKAN: "Diusulkan", DISETUJUI: "Usulan disetujui Dinsos (menunggu penetapan Kemensos)", DITOLAK: "Usulan ditolak",
};
const PPKS = [["FM", "Fakir Miskin"], ["LUT", "Lanjut Usia Terlantar"], ["PD", "Penyandang Disabilitas"], ["AT", "Anak Terlantar"], ["PRSE", "Perempuan Rawan Sosial Ekonomi"], ["KBA", "Korban Bencana Alam"]];

/** DTKS/DTSEN status of a household's members, with the usulan form when the household is not in the register. */
export async function DtksPanel({ user, householdId, compact = false }: {
  user: TActor; householdId: string;
  /** Intake: the register state only; the usulan is made on the household page (link). */
  compact?: boolean;
}) {
  const panel = await dtksPanelFor(user, householdId);
  if (!panel) return null;
  return (
    <section id="usulan" className="rounded-lg border bg-white p-4" aria-labelledby="dtks-panel-title" data-testid="dtks-panel">
      <h2 id="dtks-panel-title" className="text-lg font-semibold">DTKS / DTSEN</h2>
      <p className="font-medium" data-testid="dtks-state">{STATE[panel.state]}</p>
      {panel.proposal?.decisionReason ? <p className="text-sm">Alasan: {panel.proposal.decisionReason}</p> : null}
      <ul className="mt-2 flex flex-col gap-1">
        {panel.members.map((m) => (
          <li key={m.id}>{m.entry ? <DtksEntry r={m.entry} /> : <span>{m.name} <span className="font-mono text-sm">{m.nikMasked ?? "tanpa NIK"}</span> — tidak terdaftar</span>}</li>
        ))}
      </ul>
      {panel.mayPropose && compact ? (
        <p className="mt-2 text-sm"><Link className="underline" href={`/rumah-tangga/${householdId}#usulan`}>Buat usulan masuk DTKS di halaman rumah tangga</Link></p>
      ) : null}
      {panel.mayPropose && !compact ? (
        <details className="mt-3" open>
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">Buat usulan masuk DTKS</summary>
          <ActionForm action={createProposalAction} success="Usulan tersimpan. Usulan akan dibahas di musyawarah kelurahan." testId="proposal-form">
            <input type="hidden" name="householdId" value={householdId} />
            <label className="flex flex-col gap-1">Alasan usulan
              <textarea name="reason" required minLength={10} className="rounded border p-2" rows={2} /></label>
            <label className="flex flex-col gap-1">Kategori PPKS
              <select name="ppksCode" className="min-h-11 rounded border px-3" defaultValue="FM">{PPKS.map(([c, n]) => <option key={c} value={c}>{n}</option>)}</select></label>
            <label className="flex items-center gap-2"><input type="checkbox" name="ktpAttached" /> Fotokopi KTP sudah diterima</label>
            <label className="flex items-center gap-2"><input type="checkbox" name="kkAttached" /> Fotokopi KK sudah diterima</label>
            <button className="min-h-11 self-start rounded bg-brand-700 px-4 font-medium text-white">Kirim usulan</button>
          </ActionForm>
        </details>
      ) : null}
      <p className="mt-2 text-sm"><Link className="underline" href="/dtks/usulan">Semua usulan</Link></p>
    </section>
  );
}
