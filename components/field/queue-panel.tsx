"use client";
import { useCallback, useEffect, useState } from "react";
import type { TFieldUser } from "./build-payload.ts";
import { explainFieldErrors, reportOnServerHousehold } from "./build-payload.ts";
import { deleteQueueItem, listQueue, putQueueItem, QUEUE_CHANGED, type TQueueItem } from "./queue-db.ts";
import { syncQueue } from "./sync.ts";

const STATUS_TEXT: Record<TQueueItem["status"], string> = {
  menunggu: "Menunggu dikirim",
  mengirim: "Sedang dikirim…",
  terkirim: "Terkirim",
  ditolak: "Ditolak — perlu diperbaiki",
};
const STATUS_CLASS: Record<TQueueItem["status"], string> = {
  menunggu: "bg-amber-100 text-amber-900",
  mengirim: "bg-sky-100 text-sky-900",
  terkirim: "bg-emerald-100 text-emerald-900",
  ditolak: "bg-red-100 text-red-900",
};

/**
 * The device's queue, always visible on the field pages: how many reports wait, each one's result,
 * and the server's reason for a rejected one with a link to fix it. Sends on load and whenever the
 * phone comes back online. Also tells the service worker who is signed in and which files to keep.
 */
export function QueuePanel({ userId, user, pages }: { userId: string; user: TFieldUser; pages: readonly string[] }) {
  const [items, setItems] = useState<TQueueItem[] | null>(null);
  const [online, setOnline] = useState(true);

  const reload = useCallback(() => {
    listQueue(userId).then(setItems, () => setItems([]));
  }, [userId]);

  const send = useCallback(() => {
    if (!navigator.onLine) return;
    void syncQueue(userId, user).finally(reload);
  }, [userId, user, reload]);

  useEffect(() => {
    setOnline(navigator.onLine);
    reload();
    send();
    const goOnline = () => { setOnline(true); send(); };
    const goOffline = () => setOnline(false);
    window.addEventListener(QUEUE_CHANGED, reload);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    warmServiceWorker(userId, pages);
    return () => {
      window.removeEventListener(QUEUE_CHANGED, reload);
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
    };
  }, [userId, pages, reload, send]);

  const waiting = items?.filter((i) => i.status === "menunggu" || i.status === "mengirim").length ?? 0;
  const rejected = items?.filter((i) => i.status === "ditolak").length ?? 0;

  return (
    <section aria-labelledby="antrean-judul" className="rounded-lg border border-slate-300 bg-white p-3" data-testid="queue-panel">
      <h2 id="antrean-judul" className="text-lg font-semibold">Antrean di HP ini</h2>
      <p className={`mt-1 rounded px-2 py-1 text-sm ${online ? "bg-emerald-50" : "bg-amber-50"}`} role="status">
        {online ? "Terhubung ke internet." : "Tidak ada sinyal — laporan disimpan di HP dan dikirim nanti."}
      </p>
      <p className="mt-2 font-medium" aria-live="polite" data-testid="queue-count">
        {items === null ? "Memuat antrean…" : waiting > 0 ? `${waiting} laporan menunggu dikirim` : "Tidak ada laporan yang menunggu"}
        {rejected > 0 ? ` · ${rejected} ditolak` : ""}
      </p>
      {items && items.length > 0 ? (
        <ul className="mt-2 divide-y">
          {[...items].reverse().map((item) => (
            <li key={item.id} className="py-2" data-testid="queue-item">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{item.label}</span>
                <span className={`rounded px-2 py-0.5 text-sm ${STATUS_CLASS[item.status]}`}>{STATUS_TEXT[item.status]}</span>
              </div>
              <div className="text-sm text-slate-600">
                Dibuat {new Date(item.createdAt).toLocaleString("id-ID", { dateStyle: "short", timeStyle: "short" })}
                {item.photo ? " · dengan foto" : ""}
                {item.ticketNo ? <> · Tiket <strong>{item.ticketNo}</strong></> : null}
              </div>
              {item.error ? (
                <div className="mt-1 text-sm text-red-800" data-testid="queue-reason">
                  <p>{item.error}</p>
                  <ul className="list-disc pl-5">{explainFieldErrors(item.fieldErrors).map((m) => <li key={m}>{m}</li>)}</ul>
                </div>
              ) : null}
              {item.status === "ditolak" && item.conflict ? (
                <div className="mt-2 flex flex-col gap-2" data-testid="queue-conflict">
                  <p className="text-sm font-medium">NIK ini sudah terdaftar di server (mungkin didaftarkan saat HP Anda tanpa sinyal). Bandingkan:</p>
                  <div className="grid gap-2 sm:grid-cols-2">
                    <div className="rounded border border-slate-300 p-2 text-sm" data-testid="conflict-mine">
                      <p className="font-medium">Yang Anda tulis</p>
                      <p>{item.draft.newHeadName || "—"}</p>
                      <p>{item.draft.newAddress || "—"}, RT {item.draft.newRt || "—"}/RW {item.draft.newRw || "—"}</p>
                    </div>
                    <div className="rounded border border-emerald-600 p-2 text-sm" data-testid="conflict-server">
                      <p className="font-medium">Sudah ada di server</p>
                      <p>{item.conflict.personName}</p>
                      <p>{item.conflict.address}, RT {item.conflict.rt}/RW {item.conflict.rw}</p>
                    </div>
                  </div>
                  <p className="text-sm text-slate-700">Bila orangnya sama, laporkan pada rumah tangga yang sudah ada. Bila berbeda, perbaiki NIK di laporan Anda.</p>
                </div>
              ) : null}
              <div className="mt-1 flex flex-wrap gap-2">
                {item.status === "ditolak" && item.conflict ? (
                  <button type="button" className="min-h-11 rounded-md bg-brand-600 px-4 font-medium text-white"
                    onClick={() => void putQueueItem(reportOnServerHousehold(item, Date.now())).then(send)}>
                    Pakai data di server &amp; kirim
                  </button>
                ) : null}
                {item.status === "ditolak" && !item.caseId ? (
                  <a href={`/lapangan/lapor?ubah=${encodeURIComponent(item.id)}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 font-medium text-white">Perbaiki</a>
                ) : null}
                {item.status === "ditolak" && item.caseId ? (
                  <button type="button" className="min-h-11 rounded-md border border-slate-400 px-4" onClick={() => void deleteQueueItem(item.id)}>Lanjut tanpa foto</button>
                ) : null}
                {item.status === "terkirim" ? (
                  <button type="button" className="min-h-11 rounded-md border border-slate-400 px-4" onClick={() => void deleteQueueItem(item.id)}>Hapus dari HP</button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {waiting > 0 && online ? (
        <button type="button" onClick={send} className="mt-2 min-h-11 w-full rounded-md border border-brand-600 px-4 font-medium text-brand-700">Kirim sekarang</button>
      ) : null}
    </section>
  );
}

/**
 * Tells the service worker which user is signed in (it empties the page cache when that changes, so
 * one volunteer never sees another's cached area) and asks it to keep the field pages and the
 * scripts of this page for offline use.
 */
function warmServiceWorker(userId: string, pages: readonly string[]) {
  if (!("serviceWorker" in navigator)) return;
  const assets = Array.from(document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>("script[src], link[rel=stylesheet][href]"))
    .map((el) => (el instanceof HTMLScriptElement ? el.src : el.href))
    .filter((u) => u.includes("/_next/static/"));
  navigator.serviceWorker.ready.then((reg) => {
    reg.active?.postMessage({ type: "warm", userId, pages, assets });
  }).catch(() => {});
}
