import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { StatusBadge } from "@/components/cases/status-badge";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/access/policy";
import { requireUser } from "@/lib/auth/session";
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS, type TServiceCategory } from "@/lib/cases/categories";
import { daysLeft, isOverdue } from "@/lib/cases/due-date";
import { describeDaysLeft } from "@/lib/cases/labels";
import { countCaseTabs, findCaseIdByTicket, listCases } from "@/lib/cases/queries";
import { CASE_TAB_LABELS, CASE_TABS, isCaseTab } from "@/lib/cases/schemas";
import { CASE_STATUS_LABELS, CASE_STATUSES, isCaseStatus } from "@/lib/cases/status";
import { formatDateTime } from "@/lib/format";
import { listRegionsInScope } from "@/lib/regions/queries";

export const metadata: Metadata = { title: "Kasus" };

const EMPTY: Record<string, string> = {
  saya: "Tidak ada kasus terbuka yang ditugaskan kepada Anda.",
  "belum-ditugaskan": "Semua kasus terbuka sudah ada petugasnya.",
  "lewat-tenggat": "Tidak ada kasus yang lewat tenggat. Bagus!",
  semua: "Belum ada kasus di wilayah kerja Anda.",
};

const input = "min-h-11 rounded-md border border-slate-400 bg-white px-3";

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!can(user, "read", "case")) notFound();
  const sp = await searchParams;

  let ticketNotFound = false;
  if (sp.tiket?.trim()) {
    const found = await findCaseIdByTicket(user, sp.tiket);
    if (found) redirect(`/kasus/${found}`);
    ticketNotFound = true;
  }

  const handles = can(user, "update", "case");
  const tab = isCaseTab(sp.tab) ? sp.tab : handles ? "saya" : "semua";
  const status = isCaseStatus(sp.status) ? sp.status : undefined;
  const category = (SERVICE_CATEGORIES as readonly string[]).includes(sp.kategori ?? "") ? (sp.kategori as TServiceCategory) : undefined;
  const page = Number(sp.hal) || 1;
  const now = new Date();
  const [counts, list, regions] = await Promise.all([
    countCaseTabs(user, now),
    listCases(user, { tab, status, category, regionCode: sp.wilayah || undefined, from: sp.dari, to: sp.sampai, page }, now),
    listRegionsInScope(user),
  ]);
  const regionOptions = regions.filter((r) => r.level === "DESA_KELURAHAN" || r.level === "KECAMATAN");
  const filters = { status, kategori: category, wilayah: sp.wilayah, dari: sp.dari, sampai: sp.sampai };
  const tabHref = (t: string) => {
    const q = new URLSearchParams({ tab: t });
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    return `/kasus?${q.toString()}`;
  };
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Kasus</h1>
        <form role="search" aria-label="Cari nomor tiket" className="flex items-end gap-2">
          <div className="flex flex-col">
            <label htmlFor="tiket">Nomor tiket</label>
            <input id="tiket" name="tiket" defaultValue={sp.tiket ?? ""} placeholder="PKS-3577011001-2026-00001" className={input} />
          </div>
          <button className="min-h-11 rounded-md border border-slate-400 bg-white px-4">Buka</button>
        </form>
      </div>
      {ticketNotFound ? (
        <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-3">
          Tiket &ldquo;{sp.tiket}&rdquo; tidak ditemukan di wilayah kerja Anda.
        </p>
      ) : null}

      <nav aria-label="Daftar kerja">
        <ul className="flex flex-wrap gap-1 border-b">
          {CASE_TABS.filter((t) => t !== "saya" || handles).map((t) => (
            <li key={t}>
              <Link href={tabHref(t)} aria-current={t === tab ? "page" : undefined} data-testid={`tab-${t}`}
                className={`inline-block min-h-11 rounded-t-md px-4 py-3 ${t === tab ? "border border-b-white bg-white font-semibold" : "hover:bg-slate-100"}`}>
                {CASE_TAB_LABELS[t]} <span className="rounded-full bg-slate-200 px-2 text-sm">{counts[t]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form role="search" aria-label="Saring kasus" className="flex flex-wrap items-end gap-3 rounded-lg border bg-white p-4">
        <input type="hidden" name="tab" value={tab} />
        <div className="flex flex-col"><label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status ?? ""} className={input}>
            <option value="">Semua status</option>
            {CASE_STATUSES.map((s) => <option key={s} value={s}>{CASE_STATUS_LABELS[s]}</option>)}
          </select></div>
        <div className="flex flex-col"><label htmlFor="kategori">Kategori layanan</label>
          <select id="kategori" name="kategori" defaultValue={category ?? ""} className={input}>
            <option value="">Semua kategori</option>
            {SERVICE_CATEGORIES.map((c) => <option key={c} value={c}>{SERVICE_CATEGORY_LABELS[c]}</option>)}
          </select></div>
        {regionOptions.length > 1 ? (
          <div className="flex flex-col"><label htmlFor="wilayah">Kelurahan / kecamatan</label>
            <select id="wilayah" name="wilayah" defaultValue={sp.wilayah ?? ""} className={input}>
              <option value="">Seluruh wilayah kerja</option>
              {regionOptions.map((r) => <option key={r.code} value={r.code}>{r.level === "KECAMATAN" ? "Kec. " : ""}{r.name}</option>)}
            </select></div>
        ) : null}
        <div className="flex flex-col"><label htmlFor="dari">Dicatat dari</label>
          <input id="dari" name="dari" type="date" defaultValue={sp.dari ?? ""} className={input} /></div>
        <div className="flex flex-col"><label htmlFor="sampai">sampai</label>
          <input id="sampai" name="sampai" type="date" defaultValue={sp.sampai ?? ""} className={input} /></div>
        <button className="min-h-11 rounded-md bg-brand-600 px-4 text-white">Saring</button>
        {filtered ? <Link href={`/kasus?tab=${tab}`} className="min-h-11 px-2 py-3 underline">Hapus saringan</Link> : null}
      </form>

      {list.rows.length === 0 ? (
        <p className="rounded-lg border bg-white p-4" data-testid="cases-empty">
          {filtered ? "Tidak ada kasus yang cocok dengan saringan ini." : EMPTY[tab]}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border bg-white">
          <table className="w-full text-left">
            <thead className="bg-slate-100">
              <tr>
                <th className="p-2">Tiket</th><th className="p-2">Kebutuhan</th><th className="p-2">Kategori</th>
                <th className="p-2">Kelurahan</th><th className="p-2">Status</th><th className="p-2">Tenggat</th><th className="p-2">Petugas</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((c) => {
                const late = isOverdue(c.dueAt, now, c.status);
                return (
                  <tr key={c.id} data-testid="case-row" data-overdue={late ? "true" : undefined}
                    className={`border-t align-top ${late ? "border-l-4 border-l-red-700 bg-red-50" : ""}`}>
                    <td className="p-2 whitespace-nowrap">
                      <Link href={`/kasus/${c.id}`} className="font-mono font-medium underline">{c.ticketNo}</Link>
                      <div className="text-sm text-slate-600">{formatDateTime(c.createdAt)}</div>
                    </td>
                    <td className="p-2 max-w-sm">
                      {c.subjectPerson ? <div className="font-medium">{c.subjectPerson.name}</div> : null}
                      <div className="line-clamp-2 text-sm">{c.need}</div>
                    </td>
                    <td className="p-2 text-sm">{c.serviceCategories.map((k) => SERVICE_CATEGORY_LABELS[k as TServiceCategory]?.split(" (")[0] ?? k).join(", ")}</td>
                    <td className="p-2 text-sm">{c.regionName}{c.rt ? ` · RT ${c.rt}` : ""}</td>
                    <td className="p-2"><StatusBadge status={c.status} /></td>
                    <td className="p-2 text-sm whitespace-nowrap">
                      {formatDateTime(c.dueAt)}
                      {late ? (
                        <div className="font-semibold text-red-800">⚠ lewat tenggat ({describeDaysLeft(daysLeft(c.dueAt, now))})</div>
                      ) : null}
                    </td>
                    <td className="p-2 text-sm">{c.assignee?.name ?? <span className="italic text-slate-600">belum ditugaskan</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath="/kasus" params={{ tab, ...filters }} />
    </div>
  );
}
