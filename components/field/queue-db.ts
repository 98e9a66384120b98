// The device's outreach queue in IndexedDB. Client-only; no React. Each item's id is also the
// Idempotency-Key the server sees, so sending it twice (a retry, a replay) makes one case only.

export const FIELD_DB = "simpul-field";
const STORE = "queue";
export const QUEUE_CHANGED = "simpul-queue-changed";

export type TQueueStatus = "menunggu" | "mengirim" | "terkirim" | "ditolak";

/** The form as the volunteer filled it, so a rejected report can be opened again and fixed. */
export type TOutreachDraft = {
  householdMode: "existing" | "new" | "none";
  householdId: string;
  subjectPersonId: string;
  newHeadName: string;
  newNik: string;
  newSex: "L" | "P";
  newAddress: string;
  newRt: string;
  newRw: string;
  newRegionCode: string;
  personName: string;
  condition: string;
  ppksCode: string;
  urgency: "RENDAH" | "SEDANG" | "TINGGI" | "DARURAT";
  serviceCategories: string[];
  gps: string;
};

export type TQueueItem = {
  id: string;
  userId: string;
  createdAt: number;
  updatedAt: number;
  label: string;
  draft: TOutreachDraft;
  photo: Blob | null;
  photoName: string | null;
  status: TQueueStatus;
  caseId?: string;
  ticketNo?: string;
  photoSent?: boolean;
  /** Why the server refused it, in its own words, and per field. */
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /**
   * A "new household" report whose NIK the server already holds, in a household this volunteer may open (it may
   * have been registered while the phone was offline): the server's version, shown next to the volunteer's.
   */
  conflict?: TServerHousehold;
  attempts: number;
};

/** The server's household for a NIK the volunteer typed as new (lib/households/duplicate-checks.ts TExistingHousehold). */
export type TServerHousehold = {
  householdId: string; personId: string; personName: string; address: string; rt: string; rw: string; regionCode: string;
};

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(FIELD_DB, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: "id" });
      store.createIndex("userId", "userId");
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Only this user's items: another volunteer who used the same phone never sees or sends them. */
export async function listQueue(userId: string): Promise<TQueueItem[]> {
  const all = await run<TQueueItem[]>("readonly", (s) => s.index("userId").getAll(userId));
  return all.sort((a, b) => a.createdAt - b.createdAt);
}

export async function getQueueItem(id: string): Promise<TQueueItem | undefined> {
  return run<TQueueItem | undefined>("readonly", (s) => s.get(id));
}

export async function putQueueItem(item: TQueueItem): Promise<void> {
  await run("readwrite", (s) => s.put(item));
  if (typeof window !== "undefined") window.dispatchEvent(new Event(QUEUE_CHANGED));
}

export async function deleteQueueItem(id: string): Promise<void> {
  await run("readwrite", (s) => s.delete(id));
  if (typeof window !== "undefined") window.dispatchEvent(new Event(QUEUE_CHANGED));
}

export function newIdempotencyKey(): string {
  return `lapangan-${crypto.randomUUID()}`;
}

/**
 * Reports on this device not yet accepted by the server (waiting, sending or refused), for the
 * logout warning. Does not create the database on devices that never used field mode.
 */
export async function countUnsentOnDevice(): Promise<number> {
  if (typeof indexedDB === "undefined") return 0;
  if (typeof indexedDB.databases === "function") {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === FIELD_DB)) return 0;
  }
  const all = await run<TQueueItem[]>("readonly", (s) => s.getAll());
  return all.filter((i) => i.status !== "terkirim").length;
}
