import Link from "next/link";
import { createReferralAction } from "@/app/(app)/rujukan/actions";
import { can, type TActor } from "@/lib/access/policy";
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS, type TServiceCategory } from "@/lib/cases/categories";
import { formatDateTime } from "@/lib/format";
import { isChildCase } from "@/lib/referrals/minimum-data";
import { destinationOffices, listCaseReferrals } from "@/lib/referrals/queries";
import { LEGAL_BASES, LEGAL_BASIS_LABELS } from "@/lib/referrals/schemas";
import { CONSENT_OVERRIDE_ROLES } from "@/lib/referrals/sides";
import { REFERRAL_OUTCOME_LABELS } from "@/lib/referrals/status";
import { suggestRoute } from "@/lib/referrals/suggest-route";
import { CreateReferralForm, type TSuggestion } from "./create-referral-form";
import { ReferralStatusBadge } from "./status-badge";

/** The case page's "Rujukan" section: the case's referrals with their outcome, and the form to refer. */
export async function CaseReferrals({ user, c }: {
  user: TActor;
  c: { id: string; districtCode: string; regionCode: string; rt: string | null; status: string; serviceCategories: string[]; ppksCodes: string[] };
}) {
  const referrals = await listCaseReferrals(user, c.id);
  const open = ["BARU", "ASESMEN", "DIRUJUK", "DALAM_PENANGANAN"].includes(c.status);
  const mayCreate = open && can(user, "create", "referral", { districtCode: c.districtCode, regionCode: c.regionCode, rt: c.rt });
  let form = null;
  if (mayCreate) {
    const services = [...c.serviceCategories, ...SERVICE_CATEGORIES.filter((s) => !c.serviceCategories.includes(s))];
    const routes = await Promise.all(services.map((s) => suggestRoute(c.id, s)));
    const suggestions: TSuggestion[] = services.map((s, i) => {
      const r = routes[i];
      return { service: s, label: SERVICE_CATEGORY_LABELS[s as TServiceCategory] ?? s, officeId: r.ok ? r.destination.officeId : null, officeName: r.ok ? r.destination.officeName : null, reason: r.reason };
    });
    const offices = await destinationOffices(c.districtCode);
    form = (
      <details className="mt-4 rounded-md border p-3" open={referrals.length === 0}>
        <summary className="min-h-11 cursor-pointer py-2 font-medium">Buat rujukan baru</summary>
        <CreateReferralForm caseId={c.id} suggestions={suggestions} offices={offices} defaultService={services[0]}
          legalBases={LEGAL_BASES.map((b) => ({ value: b, label: LEGAL_BASIS_LABELS[b] }))}
          child={isChildCase(routes[0]?.age ?? null, c.ppksCodes)} mayOverride={(CONSENT_OVERRIDE_ROLES as readonly string[]).includes(user.role)}
          action={createReferralAction} />
      </details>
    );
  }
  return (
    <section aria-labelledby="sec-rujukan" className="rounded-lg border bg-white p-4" data-testid="case-referrals">
      <h2 id="sec-rujukan" className="mb-3 text-lg font-semibold">Rujukan</h2>
      {referrals.length === 0 ? <p className="text-slate-700">Belum ada rujukan untuk kasus ini.</p> : (
        <ul className="divide-y">
          {referrals.map((r) => (
            <li key={r.id} className="py-3" data-testid="case-referral">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/rujukan/${r.id}`} className="font-medium underline">{r.toOfficeName}</Link>
                <ReferralStatusBadge status={r.status} />
                <span className="text-sm text-slate-600">{SERVICE_CATEGORY_LABELS[r.serviceCategory as TServiceCategory]?.split(" (")[0] ?? r.serviceCategory} · tenggat {formatDateTime(r.dueAt)}</span>
              </p>
              {r.outcome ? (
                <p className="mt-1" data-testid="referral-outcome">
                  Hasil: <strong>{REFERRAL_OUTCOME_LABELS[r.outcome]}</strong>{r.outcomeNote ? ` — ${r.outcomeNote}` : ""}{r.completedAt ? ` (${formatDateTime(r.completedAt)})` : ""}
                </p>
              ) : null}
              {r.declineReason ? <p className="mt-1 text-red-800">Ditolak: {r.declineReason}</p> : null}
              {r.documents > 0 ? (
                <p className="mt-1" data-testid="referral-documents">
                  <Link href={`/rujukan/${r.id}`} className="underline">{r.documents} dokumen dari meja tujuan</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {form}
    </section>
  );
}
