import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignForm } from "@/components/cases/assign-form";
import { AttachmentForm } from "@/components/cases/attachment-form";
import { BreakGlassForm } from "@/components/cases/break-glass-form";
import { NoteForm } from "@/components/cases/note-form";
import { StatusBadge } from "@/components/cases/status-badge";
import { TransitionForm, type TTransitionOption } from "@/components/cases/transition-form";
import { CaseReferrals } from "@/components/referrals/case-referrals";
import { BREAK_GLASS_MINUTES, BREAK_GLASS_REASON_MIN, findCaseForBreakGlass } from "@/lib/access/break-glass";
import { can } from "@/lib/access/policy";
import { roleAllows } from "@/lib/access/roles";
import { requestIp, requireUser } from "@/lib/auth/session";
import { CHANNEL_LABELS, KIND_LABELS, SERVICE_CATEGORY_LABELS, URGENCY_LABELS, type TServiceCategory } from "@/lib/cases/categories";
import { daysLeft, isOverdue } from "@/lib/cases/due-date";
import { describeCaseEvent, describeDaysLeft, formatFileSize } from "@/lib/cases/labels";
import { getCase, listAssignableUsers } from "@/lib/cases/queries";
import { allowedTransitions, checkTransition, isOpenStatus, transitionActionLabel } from "@/lib/cases/status";
import { formatDateTime } from "@/lib/format";
import { getDictionary } from "@/lib/i18n/locale";
import { addAttachmentAction, addCaseNoteAction, assignCaseAction, breakGlassAction, transitionCaseAction } from "./actions";

export const metadata: Metadata = { title: "Kasus" };

const CONFIRM: Partial<Record<string, string>> = {
  DITUTUP: "Tutup kasus ini? Kasus yang ditutup tidak dapat dibuka kembali.",
  DIBATALKAN: "Batalkan kasus ini? Kasus yang dibatalkan tidak dapat dibuka kembali.",
};

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  const id = `sec-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border bg-white p-4" data-testid={testId}>
      <h2 id={id} className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const c = await getCase(user, id, { ip: await requestIp() });
  if (!c) {
    // Outside the user's scope (or not there at all): "not found", except that a supervisor of the same
    // district may break the glass into a case outside their area (lib/access/break-glass.ts).
    const outside = await findCaseForBreakGlass(user, id);
    if (!outside) notFound();
    return (
      <div className="flex max-w-2xl flex-col gap-4">
        <p className="text-slate-700"><Link href="/kasus" className="underline">Kasus</Link> ›</p>
        <h1 className="text-2xl font-bold">Kasus di luar wilayah kerja Anda</h1>
        <p>Kasus <span className="font-mono">{outside.ticketNo}</span> ditangani kantor lain, jadi Anda tidak berwenang membukanya seperti biasa.</p>
        <Section title="Buka darurat (break-the-glass)" testId="break-glass">
          <p className="mb-3">Gunakan hanya bila warga perlu ditangani segera dan petugas wilayahnya tidak dapat. Tulis alasannya.
            Akses berlaku {BREAK_GLASS_MINUTES} menit untuk kasus ini saja, dan setiap pembukaan dicatat.</p>
          <BreakGlassForm caseId={outside.id} minutes={BREAK_GLASS_MINUTES} reasonMin={BREAK_GLASS_REASON_MIN} action={breakGlassAction} />
        </Section>
      </div>
    );
  }
  const t = await getDictionary();
  const now = new Date();
  const record = { districtCode: c.districtCode, regionCode: c.regionCode, rt: c.rt };
  const mayUpdate = can(user, "update", "case", record);
  const open = isOpenStatus(c.status);
  const late = isOverdue(c.dueAt, now, c.status);
  const left = daysLeft(c.dueAt, now);

  // A move is offered when the policy lets the user act on this case and the lifecycle lets their role
  // make it (the note is checked on submit). Cancelling needs only the right to register here.
  const options: TTransitionOption[] = allowedTransitions(c.status)
    .filter((to) => can(user, to === "DIBATALKAN" && !roleAllows(user.role, "update", "case") ? "create" : "update", "case", record))
    .filter((to) => checkTransition(c.status, to, { role: user.role, note: "xxxxxxxxxx" }).ok)
    .map((to) => ({
      to,
      label: transitionActionLabel(c.status, to),
      needsNote: checkTransition(c.status, to, { role: user.role }).ok === false,
      confirm: CONFIRM[to] ?? null,
    }));
  const candidates = mayUpdate && open
    ? (await listAssignableUsers(record)).filter((u) => u.id !== c.assignee?.id)
        .map((u) => ({ id: u.id, label: `${u.name} — ${t.roles[u.role]}` }))
    : [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-slate-700"><Link href="/kasus" className="underline">Kasus</Link> ›</p>
          <h1 className="font-mono text-2xl font-bold" data-testid="ticket-no">{c.ticketNo}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <StatusBadge status={c.status} />
            <span>{KIND_LABELS[c.kind]} · {CHANNEL_LABELS[c.channel]} · urgensi {URGENCY_LABELS[c.urgency]}</span>
          </p>
        </div>
        <Link href={`/kasus/${c.id}/slip`} className="min-h-11 rounded-md border border-slate-400 bg-white px-4 py-2.5">Cetak bukti tiket</Link>
      </div>

      {c.breakGlassUntil ? (
        <p role="status" className="rounded-md border-2 border-red-700 bg-red-50 p-3" data-testid="break-glass-banner">
          Akses darurat: kasus ini di luar wilayah kerja Anda. Akses berakhir {formatDateTime(c.breakGlassUntil)}; setiap pembukaan dicatat.
        </p>
      ) : null}

      <div className="grid gap-4 md:grid-cols-3">
        <div className="flex flex-col gap-4 md:col-span-2">
          <Section title="Kebutuhan warga">
            <p className="whitespace-pre-line">{c.need}</p>
            <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">Kategori layanan</dt>
              <dd>{c.serviceCategories.map((k) => SERVICE_CATEGORY_LABELS[k as TServiceCategory] ?? k).join("; ")}</dd>
              {c.ppksCodes.length > 0 ? (<><dt className="font-medium">PPKS</dt><dd>{c.ppksCodes.join(", ")}</dd></>) : null}
              <dt className="font-medium">Warga yang dilayani</dt><dd>{c.subjectPerson?.name ?? "—"}</dd>
              <dt className="font-medium">Rumah tangga</dt>
              <dd>
                {c.household ? (
                  <Link href={`/rumah-tangga/${c.household.id}`} className="underline">
                    {c.household.headName ? `Keluarga ${c.household.headName}` : "Rumah tangga"} — {c.household.address}, RT {c.household.rt}/RW {c.household.rw}, {c.household.regionName}
                  </Link>
                ) : <span>Belum dikaitkan dengan rumah tangga · {c.regionName}</span>}
                {c.household ? <span className="text-slate-600"> ({c.household.memberCount} anggota)</span> : null}
              </dd>
              <dt className="font-medium">Pelapor</dt>
              <dd data-testid="reporter">
                {c.anonymous ? <em>Dirahasiakan atas permintaan pelapor</em>
                  : c.reporter ? [c.reporter.name, c.reporter.relation, c.reporter.phone].filter(Boolean).join(" · ")
                    : "Warga sendiri"}
              </dd>
              <dt className="font-medium">Dicatat</dt><dd>{formatDateTime(c.createdAt)} oleh {c.createdBy.name} · {c.office.name}</dd>
            </dl>
          </Section>

          <CaseReferrals user={user} c={c} />

          <Section title="Catatan">
            {mayUpdate ? <NoteForm caseId={c.id} action={addCaseNoteAction} /> : null}
            {c.notes.length === 0 ? <p className="mt-3 text-slate-700">Belum ada catatan.</p> : (
              <ul className="mt-3 divide-y" data-testid="notes">
                {c.notes.map((n) => (
                  <li key={n.id} className="py-2">
                    <p className="whitespace-pre-line">{n.body}</p>
                    <p className="text-sm text-slate-600">{n.author.name} · {formatDateTime(n.createdAt)}</p>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section title="Lampiran">
            {mayUpdate && open ? <AttachmentForm target={{ name: "caseId", value: c.id }} action={addAttachmentAction} /> : null}
            {c.attachments.length === 0 ? <p className="mt-3 text-slate-700">Belum ada lampiran.</p> : (
              <ul className="mt-3 divide-y" data-testid="attachments">
                {c.attachments.map((a) => (
                  <li key={a.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <a href={`/kasus/${c.id}/lampiran/${a.id}`} className="underline">{a.fileName}</a>
                    <span className="text-sm text-slate-600">
                      {a.contentType === "application/pdf" ? "PDF" : "Foto"} · {formatFileSize(a.sizeBytes)} · {a.uploadedByName ?? "—"} · {formatDateTime(a.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section title="Riwayat" testId="timeline">
            <ol className="flex flex-col gap-3 border-l-2 border-slate-300 pl-4">
              {c.timeline.map((e) => (
                <li key={e.id} data-testid="timeline-event">
                  <p className="font-medium">{describeCaseEvent(e)}</p>
                  {e.note && e.kind !== "attachment" ? <p className="whitespace-pre-line text-slate-800">“{e.note}”</p> : null}
                  <p className="text-sm text-slate-600">
                    {e.actorName} · <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                  </p>
                </li>
              ))}
            </ol>
          </Section>
        </div>

        <div className="flex flex-col gap-4">
          <Section title="Tenggat">
            <p className="text-lg font-semibold" data-testid="due-at">{formatDateTime(c.dueAt)}</p>
            {open ? (
              <p className={late ? "font-semibold text-red-800" : ""} data-testid="days-left">
                {late ? `⚠ Lewat tenggat (${describeDaysLeft(left)})` : `Sisa waktu: ${describeDaysLeft(left)}`}
              </p>
            ) : (
              <p>{c.status === "SELESAI" && c.resolvedAt ? `Selesai ${formatDateTime(c.resolvedAt)}` : c.closedAt ? `Berakhir ${formatDateTime(c.closedAt)}` : null}</p>
            )}
          </Section>

          <Section title="Petugas">
            <p className="mb-3" data-testid="assignee">{c.assignee ? c.assignee.name : <em>Belum ditugaskan</em>}</p>
            {mayUpdate && open ? (
              <AssignForm caseId={c.id} version={c.version} isMine={c.assignee?.id === user.id} candidates={candidates} action={assignCaseAction} />
            ) : null}
          </Section>

          <Section title="Status">
            {options.length > 0 ? (
              <TransitionForm caseId={c.id} version={c.version} options={options} action={transitionCaseAction} />
            ) : (
              <p className="text-slate-700">{open ? "Anda tidak dapat mengubah status kasus ini." : "Kasus ini sudah tidak dapat diubah."}</p>
            )}
          </Section>
        </div>
      </div>
    </div>
  );
}
