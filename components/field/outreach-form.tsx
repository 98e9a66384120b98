"use client";
import { useEffect, useState } from "react";
import { draftLabel, explainFieldErrors, type TFieldUser } from "./build-payload.ts";
import { getQueueItem, newIdempotencyKey, putQueueItem, type TOutreachDraft, type TQueueItem } from "./queue-db.ts";
import { resizePhoto } from "./resize-photo.ts";
import { syncQueue } from "./sync.ts";

export type TFormHousehold = { id: string; label: string; headId: string | null };
type TOption = { value: string; label: string };

const EMPTY: TOutreachDraft = {
  householdMode: "existing", householdId: "", subjectPersonId: "", newHeadName: "", newNik: "", newSex: "P",
  newAddress: "", newRt: "", newRw: "", newRegionCode: "", personName: "", condition: "", ppksCode: "",
  urgency: "SEDANG", serviceCategories: [], gps: "",
};

const input = "mt-1 block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
const label = "block font-medium";

/**
 * The outreach report ("laporan penjangkauan"). Works with no network: the report is saved in the
 * phone's queue with its own idempotency key and sent when the signal returns. The photo is shrunk
 * on the phone first. Opening ?ubah=<id> loads a rejected report to fix it under the same key.
 */
export function OutreachForm({ user, households, villages, ppks, categories }: {
  user: TFieldUser & { id: string };
  households: TFormHousehold[];
  villages: TOption[];
  ppks: TOption[];
  categories: TOption[];
}) {
  const [draft, setDraft] = useState<TOutreachDraft>({ ...EMPTY, householdMode: households.length > 0 ? "existing" : "new", newRegionCode: villages[0]?.value ?? "" });
  const [editing, setEditing] = useState<TQueueItem | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoKey, setPhotoKey] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayGoWithoutHousehold = user.rtList.length === 0;

  useEffect(() => {
    const id = new URLSearchParams(location.search).get("ubah");
    if (!id) return;
    getQueueItem(id).then((item) => {
      if (item && item.userId === user.id && !item.caseId) {
        setEditing(item);
        setDraft(item.draft);
        setErrors([item.error ?? "", ...explainFieldErrors(item.fieldErrors)].filter(Boolean));
      }
    }, () => {});
  }, [user.id]);

  const set = <K extends keyof TOutreachDraft>(k: K, v: TOutreachDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  function check(d: TOutreachDraft): string[] {
    const out: string[] = [];
    if (d.householdMode === "existing" && !d.householdId) out.push("Pilih rumah tangga dari daftar wilayah Anda.");
    if (d.householdMode === "new") {
      if (d.newHeadName.trim().length < 2) out.push("Isi nama kepala keluarga.");
      if (d.newNik.trim() && !/^\d{16}$/.test(d.newNik.replace(/\s/g, ""))) out.push("NIK harus 16 angka (atau kosongkan).");
      if (d.newAddress.trim().length < 5) out.push("Isi alamat (jalan, gang, nomor rumah).");
      if (!/^\d{1,3}$/.test(d.newRt.trim())) out.push("Isi RT dengan angka, mis. 003.");
      if (!/^\d{1,3}$/.test(d.newRw.trim())) out.push("Isi RW dengan angka, mis. 001.");
    }
    if (d.condition.trim().length < 10) out.push("Ceritakan kondisi yang ditemukan, minimal 10 huruf.");
    return out;
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const problems = check(draft);
    setErrors(problems);
    setSaved(null);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const small = photo ? await resizePhoto(photo).catch(() => photo) : null;
      const household = households.find((h) => h.id === draft.householdId);
      const now = Date.now();
      const item: TQueueItem = editing
        ? { ...editing, draft, label: draftLabel(draft, household?.label), status: "menunggu", error: undefined, fieldErrors: undefined, updatedAt: now,
            ...(small ? { photo: small, photoName: "foto-lapangan.jpg", photoSent: false } : {}) }
        : {
            id: newIdempotencyKey(), userId: user.id, createdAt: now, updatedAt: now, label: draftLabel(draft, household?.label),
            draft, photo: small, photoName: small ? "foto-lapangan.jpg" : null, status: "menunggu", attempts: 0,
          };
      await putQueueItem(item);
      setSaved(navigator.onLine ? "Laporan disimpan dan sedang dikirim." : "Laporan disimpan di HP. Akan dikirim otomatis saat ada sinyal.");
      setEditing(null);
      setDraft((d) => ({ ...EMPTY, householdMode: d.householdMode, newRegionCode: d.newRegionCode }));
      setPhoto(null);
      setPhotoKey((k) => k + 1);
      if (editing) history.replaceState(null, "", "/lapangan/lapor");
      if (navigator.onLine) void syncQueue(user.id, user);
    } finally {
      setBusy(false);
    }
  }

  function takeLocation() {
    if (!("geolocation" in navigator)) return setErrors(["HP ini tidak bisa membaca lokasi."]);
    navigator.geolocation.getCurrentPosition(
      (p) => set("gps", `${p.coords.latitude.toFixed(6)}, ${p.coords.longitude.toFixed(6)} (±${Math.round(p.coords.accuracy)} m)`),
      () => setErrors(["Lokasi tidak bisa dibaca. Izinkan akses lokasi atau lewati saja."]),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate aria-describedby="form-pesan">
      {editing ? <p className="rounded bg-amber-50 p-2">Memperbaiki laporan yang ditolak. Setelah disimpan, laporan dikirim ulang.</p> : null}
      <div id="form-pesan" aria-live="polite">
        {errors.length > 0 ? (
          <ul className="rounded border border-red-300 bg-red-50 p-3 text-red-900" data-testid="form-errors">
            {errors.map((m) => <li key={m}>{m}</li>)}
          </ul>
        ) : null}
        {saved ? <p className="rounded bg-emerald-50 p-3 text-emerald-900" role="status">{saved}</p> : null}
      </div>

      <fieldset>
        <legend className={label}>Rumah tangga</legend>
        <div className="mt-1 grid gap-2">
          {households.length > 0 ? <Radio name="householdMode" value="existing" checked={draft.householdMode === "existing"} onChange={() => set("householdMode", "existing")} text="Sudah terdaftar di wilayah saya" /> : null}
          <Radio name="householdMode" value="new" checked={draft.householdMode === "new"} onChange={() => set("householdMode", "new")} text="Keluarga baru (belum terdaftar)" />
          {mayGoWithoutHousehold ? <Radio name="householdMode" value="none" checked={draft.householdMode === "none"} onChange={() => set("householdMode", "none")} text="Tanpa rumah tangga (mis. gelandangan)" /> : null}
        </div>
      </fieldset>

      {draft.householdMode === "existing" ? (
        <label className={label}>Pilih rumah tangga
          <select className={input} value={draft.householdId} onChange={(e) => {
            const h = households.find((x) => x.id === e.target.value);
            setDraft((d) => ({ ...d, householdId: e.target.value, subjectPersonId: h?.headId ?? "" }));
          }}>
            <option value="">— pilih —</option>
            {households.map((h) => <option key={h.id} value={h.id}>{h.label}</option>)}
          </select>
        </label>
      ) : null}

      {draft.householdMode === "new" ? (
        <div className="grid gap-3 rounded-md border border-slate-300 p-3">
          {villages.length > 1 ? (
            <label className={label}>Kelurahan/desa
              <select className={input} value={draft.newRegionCode} onChange={(e) => set("newRegionCode", e.target.value)}>
                {villages.map((v) => <option key={v.value} value={v.value}>{v.label}</option>)}
              </select>
            </label>
          ) : null}
          <label className={label}>Nama kepala keluarga<input className={input} value={draft.newHeadName} onChange={(e) => set("newHeadName", e.target.value)} autoComplete="off" /></label>
          <label className={label}>NIK kepala keluarga (jika ada)<input className={input} value={draft.newNik} onChange={(e) => set("newNik", e.target.value)} inputMode="numeric" maxLength={19} autoComplete="off" /></label>
          <fieldset><legend className={label}>Jenis kelamin</legend>
            <div className="mt-1 grid grid-cols-2 gap-2">
              <Radio name="newSex" value="L" checked={draft.newSex === "L"} onChange={() => set("newSex", "L")} text="Laki-laki" />
              <Radio name="newSex" value="P" checked={draft.newSex === "P"} onChange={() => set("newSex", "P")} text="Perempuan" />
            </div>
          </fieldset>
          <label className={label}>Alamat<input className={input} value={draft.newAddress} onChange={(e) => set("newAddress", e.target.value)} /></label>
          <div className="grid grid-cols-2 gap-3">
            <label className={label}>RT<input className={input} value={draft.newRt} onChange={(e) => set("newRt", e.target.value)} inputMode="numeric" maxLength={3} /></label>
            <label className={label}>RW<input className={input} value={draft.newRw} onChange={(e) => set("newRw", e.target.value)} inputMode="numeric" maxLength={3} /></label>
          </div>
          {user.rtList.length > 0 ? <p className="text-sm text-slate-600">RT Anda: {user.rtList.join(", ")}.</p> : null}
        </div>
      ) : null}

      <label className={label}>Nama warga yang ditemui (jika lain)
        <input className={input} value={draft.personName} onChange={(e) => set("personName", e.target.value)} autoComplete="off" />
      </label>
      <label className={label}>Kondisi yang ditemukan
        <textarea className={`${input} min-h-28`} value={draft.condition} onChange={(e) => set("condition", e.target.value)} />
      </label>
      <label className={label}>Kategori PPKS
        <select className={input} value={draft.ppksCode} onChange={(e) => set("ppksCode", e.target.value)}>
          <option value="">— tidak tahu / belum jelas —</option>
          {ppks.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </label>
      <fieldset>
        <legend className={label}>Bantuan yang dibutuhkan</legend>
        <div className="mt-1 grid gap-2">
          {categories.map((c) => (
            <label key={c.value} className="flex min-h-12 items-center gap-3 rounded-md border border-slate-300 bg-white px-3">
              <input type="checkbox" className="size-6" checked={draft.serviceCategories.includes(c.value)} onChange={(e) =>
                set("serviceCategories", e.target.checked ? [...draft.serviceCategories, c.value] : draft.serviceCategories.filter((x) => x !== c.value))} />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className={label}>Seberapa mendesak?</legend>
        <div className="mt-1 grid grid-cols-2 gap-2">
          {(["RENDAH", "SEDANG", "TINGGI", "DARURAT"] as const).map((u) => (
            <Radio key={u} name="urgency" value={u} checked={draft.urgency === u} onChange={() => set("urgency", u)} text={{ RENDAH: "Rendah", SEDANG: "Sedang", TINGGI: "Tinggi", DARURAT: "Darurat" }[u]} />
          ))}
        </div>
      </fieldset>
      <label className={label}>Foto (opsional)
        <input key={photoKey} className={input} type="file" accept="image/*" capture="environment" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
      </label>
      <div>
        <button type="button" onClick={takeLocation} className="min-h-12 w-full rounded-md border border-slate-400 bg-white px-4 font-medium">Ambil lokasi GPS (opsional)</button>
        {draft.gps ? <p className="mt-1 text-sm">Lokasi: {draft.gps} <button type="button" className="underline" onClick={() => set("gps", "")}>hapus</button></p> : null}
      </div>
      <button type="submit" disabled={busy} className="min-h-14 w-full rounded-md bg-brand-600 px-4 text-lg font-semibold text-white disabled:bg-slate-400">
        {editing ? "Simpan perbaikan & kirim ulang" : "Simpan laporan"}
      </button>
    </form>
  );
}

function Radio({ name, value, checked, onChange, text }: { name: string; value: string; checked: boolean; onChange: () => void; text: string }) {
  return (
    <label className="flex min-h-12 items-center gap-3 rounded-md border border-slate-300 bg-white px-3">
      <input type="radio" className="size-6" name={name} value={value} checked={checked} onChange={onChange} />
      {text}
    </label>
  );
}
