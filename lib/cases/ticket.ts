// Ticket numbers a citizen is given at the desk and can read out over the phone:
// "<office code without dots>-<year>-<5-digit sequence>", e.g. PKS-3577011001-2026-00042.
// Dots are dropped because people misread and mistype them; the region code stays so a number alone says
// which Puskesos issued it. The sequence restarts every year, so the year is part of the key.

export type TTicketNumber = { officeCode: string; year: number; seq: number };

const MAX_SEQ = 99_999;
const SEQ_DIGITS = 5;

// Letters and digits in groups joined by single hyphens. No spaces, slashes or leading/trailing hyphens,
// which would make the number ambiguous when read back or typed into a search box.
const OFFICE_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const TICKET = /^([A-Z0-9]+(?:-[A-Z0-9]+)*)-(\d{4})-(\d{5})$/;

function normalizeOfficeCode(officeCode: string): string {
  return officeCode.replace(/\./g, "").toUpperCase();
}

/** Builds the ticket number. Throws on input that can only come from a bug (a bad code or counter). */
export function formatTicketNumber(officeCode: string, year: number, seq: number): string {
  const code = normalizeOfficeCode(officeCode);
  if (!OFFICE_CODE.test(code)) {
    throw new RangeError(`Kode kantor tidak valid untuk nomor tiket: "${officeCode}".`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Tahun nomor tiket harus empat angka: ${year}.`);
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
    throw new RangeError(`Nomor urut tiket harus antara 1 dan ${MAX_SEQ}: ${seq}.`);
  }
  return `${code}-${year}-${String(seq).padStart(SEQ_DIGITS, "0")}`;
}

/** Reads a ticket number typed by a user (any case, surrounding spaces); null when it is not one. */
export function parseTicketNumber(input: string): TTicketNumber | null {
  const match = TICKET.exec(String(input ?? "").trim().toUpperCase());
  if (!match) return null;
  const [, officeCode, year, seq] = match;
  const yearNumber = Number(year);
  const seqNumber = Number(seq);
  // Numbers formatTicketNumber never issues (sequence 00000, a year like 0999) are typos, not tickets.
  if (seqNumber < 1 || yearNumber < 1000) return null;
  return { officeCode, year: yearNumber, seq: seqNumber };
}
