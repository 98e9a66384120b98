import type { TDtksPerson } from "@/lib/dtks/lookup";

const PROGRAM_LABELS: Record<string, string> = { PKH: "PKH", BPNT: "BPNT/Sembako", PBI: "PBI-JK", PIP: "PIP/KIP", BST: "BST", BLT: "BLT", RTLH: "RTLH", ATENSI: "ATENSI", KUBE: "KUBE/UEP" };

const birth = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("id-ID", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * One register entry: source and period, desil (DTSEN) or status (DTKS), programs; birth date and address
 * tell namesakes apart in a name search.
 */
export function DtksEntry({ r }: { r: TDtksPerson }) {
  const where = [r.address, r.rt || r.rw ? `RT ${r.rt ?? "-"}/RW ${r.rw ?? "-"}` : null].filter(Boolean).join(", ");
  return (
    <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <span className="font-medium">{r.name}</span>
      <span className="font-mono text-sm">{r.nik}</span>
      <span className="rounded bg-green-100 px-2 text-sm text-green-900">Terdaftar {r.source} {r.period}</span>
      {r.desil !== null ? <span className="text-sm">Desil {r.desil}</span> : null}
      {r.status ? <span className="text-sm">Status {r.status}</span> : null}
      <span className="text-sm">Program: {r.programs.length ? r.programs.map((p) => PROGRAM_LABELS[p] ?? p).join(", ") : "tidak ada"}</span>
      {r.relation ? <span className="text-sm text-slate-600">{r.relation.toLowerCase()}</span> : null}
      {r.birthDate ? <span className="text-sm text-slate-600">lahir {birth(r.birthDate)}</span> : null}
      {where ? <span className="text-sm text-slate-600">{where}</span> : null}
    </div>
  );
}
