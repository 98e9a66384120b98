"use client";

import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/actions/define-action";
import { RELATION_LABELS, RELATIONS } from "@/lib/households/labels";
import { todayWib } from "@/lib/households/schemas";
import { FieldErrors, FormMessage } from "./error-text";
import { Input, Select, SubmitButton } from "./fields";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<unknown>>;
type TPerson = { id: string; version: number; name: string };

/** Move a member to another KK (found by its No KK) in the officer's area. */
export function MoveMemberForm({ action, person }: { action: TAction; person: TPerson }) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const id = `move-${person.id}-`;
  return (
    <form {...formProps} aria-label={`Pindahkan ${person.name}`} className="mt-3 grid gap-3 sm:grid-cols-2" noValidate
      onSubmit={(e) => {
        if (!window.confirm(`Pindahkan ${person.name} ke KK lain?`)) e.preventDefault();
        else formProps.onSubmit(e);
      }}>
      <input type="hidden" name="personId" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <Input id={`${id}kk`} name="targetNoKk" label="Nomor KK tujuan" errors={errors.targetNoKk} inputMode="numeric" autoComplete="off" />
      <Select id={`${id}rel`} name="relation" label="Hubungan di KK tujuan" errors={errors.relation} defaultValue="">
        <option value="" disabled>— pilih —</option>
        {RELATIONS.map((r) => <option key={r} value={r}>{RELATION_LABELS[r]}</option>)}
      </Select>
      <div className="flex flex-col gap-2 sm:col-span-2">
        <FormMessage state={state} />
        <SubmitButton pending={pending}>Pindahkan</SubmitButton>
      </div>
    </form>
  );
}

/** Record a death: a date and an explicit tick, then a last confirmation dialog. */
export function MarkDeceasedForm({ action, person }: { action: TAction; person: TPerson }) {
  const { state, pending, errors, formProps } = useActionForm(action);
  const id = `dead-${person.id}-`;
  return (
    <form {...formProps} aria-label={`Catat ${person.name} meninggal`} className="mt-3 flex flex-col gap-3" noValidate
      onSubmit={(e) => {
        if (!window.confirm(`Catat ${person.name} sudah meninggal? Tindakan ini tercatat di jejak audit.`)) e.preventDefault();
        else formProps.onSubmit(e);
      }}>
      <input type="hidden" name="personId" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <Input id={`${id}date`} name="deceasedAt" type="date" label="Tanggal meninggal" errors={errors.deceasedAt} max={todayWib()} />
      <div>
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="confirm" className="h-6 w-6" aria-describedby={`${id}confirm-error`} />
          Saya sudah memeriksa kabar kematian ini (surat kematian / keterangan RT).
        </label>
        <FieldErrors id={`${id}confirm-error`} errors={errors.confirm} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={pending} variant="danger">Catat meninggal</SubmitButton>
    </form>
  );
}

/** Record a PPKS category for one member or the whole household. */
export function PpksTagForm({ action, householdId, members, categories }: {
  action: TAction;
  householdId: string;
  members: { id: string; name: string }[];
  categories: { id: string; code: string; name: string; standard: boolean }[];
}) {
  const { state, pending, errors, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label="Catat kategori PPKS" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
      <input type="hidden" name="householdId" value={householdId} />
      <Select id="ppks-person" name="personId" label="Untuk" errors={errors.personId} defaultValue="">
        <option value="">Seluruh rumah tangga</option>
        {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </Select>
      <Select id="ppks-category" name="categoryId" label="Kategori PPKS" errors={errors.categoryId} defaultValue="">
        <option value="" disabled>— pilih —</option>
        {categories.map((c) => <option key={c.id} value={c.id}>{c.code} — {c.name}{c.standard ? "" : " (daerah)"}</option>)}
      </Select>
      <Input id="ppks-date" name="assessedAt" type="date" label="Tanggal asesmen" errors={errors.assessedAt} defaultValue={todayWib()} max={todayWib()} />
      <Input id="ppks-note" name="note" label="Catatan (boleh kosong)" errors={errors.note} />
      <div className="flex flex-col gap-2 sm:col-span-2">
        <FormMessage state={state} />
        {state?.ok ? <p role="status" className="text-green-800">Kategori PPKS dicatat.</p> : null}
        <SubmitButton pending={pending}>Catat PPKS</SubmitButton>
      </div>
    </form>
  );
}
