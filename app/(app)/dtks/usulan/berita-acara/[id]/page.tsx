import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDeliberation } from "@/lib/dtks/proposals";

export const metadata: Metadata = { title: "Berita acara musyawarah" };

/** Printable minutes (berita acara) of a musyawarah desa/kelurahan with the list of proposed households. */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const d = await getDeliberation(user, (await params).id);
  if (!d) notFound();
  const date = d.heldOn.toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-4 bg-white p-8 print:p-0">
      <h1 className="text-center text-xl font-bold">BERITA ACARA<br />MUSYAWARAH KELURAHAN/DESA {d.regionName.toUpperCase()}<br />USULAN DATA TERPADU KESEJAHTERAAN SOSIAL</h1>
      <p>Pada tanggal {date}, bertempat di {d.place}, telah dilaksanakan musyawarah kelurahan/desa {d.regionName} yang dipimpin oleh {d.chair} dan dihadiri {d.attendees} orang. Musyawarah menyepakati usulan rumah tangga berikut untuk masuk DTKS:</p>
      <table className="w-full border-collapse text-left text-sm">
        <thead><tr>{["No", "Kepala keluarga", "No KK", "Alamat", "Alasan"].map((h) => <th key={h} className="border px-2">{h}</th>)}</tr></thead>
        <tbody>{d.proposals.map((p, i) => (
          <tr key={p.id}><td className="border px-2">{i + 1}</td><td className="border px-2">{p.headName}</td><td className="border px-2 font-mono">{p.noKk ?? "—"}</td><td className="border px-2">{p.address}</td><td className="border px-2">{p.reason}</td></tr>
        ))}</tbody>
      </table>
      <div className="mt-12 grid grid-cols-2 gap-8 text-center"><p>Pimpinan musyawarah<br /><br /><br />{d.chair}</p><p>Notulis<br /><br /><br />(......................)</p></div>
    </article>
  );
}
