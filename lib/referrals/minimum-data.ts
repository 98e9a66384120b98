// Data minimisation (UU 27/2022): the destination sees only the fields its service needs.

export const SHARED_FIELDS = ["name", "age", "sex", "address", "phone", "nik", "noKk", "birthDate"] as const;
export type TSharedField = (typeof SHARED_FIELDS)[number];

const BY_SERVICE: Record<string, readonly TSharedField[]> = {
  // BPJS PBI / Jamkesda checks are by NIK and birth date.
  kesehatan: ["name", "nik", "birthDate", "sex", "address", "phone"],
  // Scholarships / PIP: the pupil's name and age, the family's address.
  pendidikan: ["name", "age", "sex", "address", "phone"],
  // Civil registry works on NIK and No KK.
  adminduk: ["name", "nik", "noKk", "birthDate", "sex", "address", "phone"],
  perumahan: ["name", "noKk", "address", "phone"],
  pekerjaan: ["name", "age", "sex", "address", "phone"],
};
const DEFAULT: readonly TSharedField[] = ["name", "age", "sex", "address", "phone"];

export function sharedFieldsFor(serviceCategory: string): readonly TSharedField[] {
  return BY_SERVICE[serviceCategory] ?? DEFAULT;
}

export const SHARED_FIELD_LABELS: Record<TSharedField, string> = {
  name: "Nama", age: "Usia", sex: "Jenis kelamin", address: "Alamat", phone: "Telepon", nik: "NIK", noKk: "No KK", birthDate: "Tanggal lahir",
};

/** PPKS categories that are about a child: such a case needs a parent's or guardian's consent to be shared. */
export const CHILD_PPKS = ["ABT", "AT", "ABH", "AJ", "ADK", "AKTK", "AMPK"];

export function isChildCase(age: number | null, ppksCodes: readonly string[]): boolean {
  return (age != null && age < 18) || ppksCodes.some((c) => CHILD_PPKS.includes(c));
}
