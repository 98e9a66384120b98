import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { TRunView } from "@/lib/eligibility/queries";
import { METHOD_TITLES } from "./labels";

/** A household's assessments, newest first, each with its explanation and a link to the printable statement. */
export function AssessmentHistory({ runs, householdId, mayAssess }: { runs: TRunView[]; householdId: string; mayAssess: boolean }) {
  return (
    <div className="flex flex-col gap-2">
      {mayAssess ? (
        <p>
          <Link href={`/kelayakan/rumah-tangga/${householdId}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            Nilai kelayakan
          </Link>
        </p>
      ) : null}
      {runs.length === 0 ? <p className="text-slate-700">Belum pernah dinilai.</p> : (
        <ol className="flex flex-col gap-3">
          {runs.map((r) => (
            <li key={r.id} className="border-t pt-2" data-testid="assessment-run">
              <p className="text-sm text-slate-600">{formatDateTime(r.assessedAt)} · {r.assessorName}</p>
              <ul className="list-disc pl-6">
                {r.assessments.map((a) => (
                  <li key={a.id}><strong>{METHOD_TITLES[a.method]}: {a.resultLabel}</strong> — {a.explanation} <span className="text-sm text-slate-600">({a.ruleVersion})</span></li>
                ))}
              </ul>
              {r.recommendations.length ? <p className="text-sm">Saran program: {r.recommendations.map((x) => x.program).join(", ")}</p> : null}
              <Link href={`/kelayakan/penilaian/${r.id}`} className="inline-flex min-h-11 items-center underline">Surat keterangan (cetak)</Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
