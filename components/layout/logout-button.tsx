"use client";

import { signOut } from "next-auth/react";

export function LogoutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/masuk" })}
      className="min-h-11 rounded-md border border-white/60 px-4 py-2 font-medium hover:bg-white/10">
      {label}
    </button>
  );
}
