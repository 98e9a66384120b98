"use client";
import { useEffect } from "react";
import { FIELD_DB } from "./queue-db.ts";

/**
 * Registers the service worker (offline field pages). After logout (/masuk?keluar=1) it wipes what
 * the field app kept on this device — cached pages, the queue — so the next person on a shared phone
 * finds nothing of the previous volunteer's area.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (new URLSearchParams(location.search).has("keluar")) {
      void clearDeviceData();
      return;
    }
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  }, []);
  return null;
}

export async function clearDeviceData() {
  try {
    if ("caches" in window) for (const key of await caches.keys()) await caches.delete(key);
    indexedDB.deleteDatabase(FIELD_DB);
    if ("serviceWorker" in navigator) for (const reg of await navigator.serviceWorker.getRegistrations()) await reg.unregister();
  } catch {
    // Nothing more to do; the Clear-Site-Data header of the logout response covers the same ground.
  }
}
