import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateHouseholdForm } from "@/components/households/create-household-form";
import { can } from "@/lib/access/policy";
import { requireUser } from "@/lib/auth/session";
import { listVillagesInScope } from "@/lib/households/queries";
import { createHouseholdAction } from "./actions";

export const metadata: Metadata = { title: "Daftarkan rumah tangga" };

export default async function NewHouseholdPage() {
  const user = await requireUser();
  if (!can(user, "create", "household")) notFound();
  const villages = await listVillagesInScope(user);
  const defaultRegion = villages.length === 1 ? villages[0].code : villages.find((v) => v.code === user.scopeRegionCode)?.code;
  return (
    <div className="flex flex-col gap-4">
      <p><Link href="/rumah-tangga" className="underline">← Daftar rumah tangga</Link></p>
      <h1 className="text-2xl font-bold">Daftarkan rumah tangga</h1>
      <p className="text-slate-700">
        Isi sesuai Kartu Keluarga. Cari dulu di <Link href="/rumah-tangga" className="underline">daftar</Link> agar keluarga tidak terdaftar dua kali.
        Yang wajib: alamat, RT/RW, dan untuk tiap anggota nama, jenis kelamin dan hubungan keluarga.
      </p>
      <CreateHouseholdForm action={createHouseholdAction} villages={villages} defaultRegion={defaultRegion} />
    </div>
  );
}
