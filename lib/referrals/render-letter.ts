import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";

export type TLetterData = {
  letterNo: string;
  verificationCode: string;
  verifyUrl: string;
  date: string;
  from: { name: string; address: string | null; phone: string | null };
  to: { name: string };
  ticketNo: string;
  service: string;
  reason: string;
  legalBasis: string;
  dueDate: string;
  /** Only what the destination's service needs (lib/referrals/minimum-data.ts), label → value. */
  essentials: [string, string][];
  signer: string;
};

// Standard fonts speak WinAnsi only: replace what it cannot encode instead of failing.
function winAnsi(text: string): string {
  return text.replace(/[→]/g, "->").replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[^\x20-\x7E\xA0-\xFF–—•]/g, "?");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of winAnsi(text).split(/\n/)) {
    let line = "";
    for (const word of para.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** The surat rujukan as a one-page A4 PDF (standard fonts, no files needed). */
export async function renderReferralLetter(d: TLetterData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Surat rujukan ${d.letterNo}`);
  const page: PDFPage = pdf.addPage([595.28, 841.89]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const left = 56;
  const width = 595.28 - 2 * left;
  let y = 790;
  const text = (t: string, opts: { f?: PDFFont; size?: number; x?: number } = {}) => {
    const size = opts.size ?? 11;
    for (const line of wrap(t, opts.f ?? font, size, width - ((opts.x ?? left) - left))) {
      page.drawText(line, { x: opts.x ?? left, y, size, font: opts.f ?? font, color: rgb(0, 0, 0) });
      y -= size + 4;
    }
  };
  text(d.from.name.toUpperCase(), { f: bold, size: 14 });
  if (d.from.address) text(d.from.address, { size: 10 });
  if (d.from.phone) text(`Telp. ${d.from.phone}`, { size: 10 });
  page.drawLine({ start: { x: left, y: y + 4 }, end: { x: left + width, y: y + 4 }, thickness: 1.5 });
  y -= 16;
  text("SURAT RUJUKAN", { f: bold, size: 13 });
  text(`Nomor: ${d.letterNo}`);
  text(`Tanggal: ${d.date}`);
  y -= 8;
  text(`Kepada Yth. ${d.to.name}`);
  y -= 8;
  text(`Dengan hormat, bersama ini kami merujuk warga berikut untuk layanan ${d.service} (tiket ${d.ticketNo}):`);
  y -= 4;
  for (const [label, value] of d.essentials) text(`${label}: ${value}`, { x: left + 16 });
  y -= 6;
  text("Kebutuhan / alasan rujukan:", { f: bold });
  text(d.reason, { x: left + 16 });
  y -= 6;
  text(`Mohon ditindaklanjuti paling lambat ${d.dueDate}. Dasar berbagi data: ${d.legalBasis}.`);
  y -= 10;
  text("Verifikasi di meja penerima", { f: bold });
  text(`Kode verifikasi: ${d.verificationCode}`, { f: bold, size: 13 });
  text(`Ketik kode ini di Simpul (menu Rujukan > Buka dengan kode) atau pindai kode QR: ${d.verifyUrl}`, { size: 9 });
  const qr = await QRCode.toBuffer(d.verifyUrl, { type: "png", margin: 1, width: 220 });
  const img = await pdf.embedPng(qr);
  page.drawImage(img, { x: left, y: y - 110, width: 110, height: 110 });
  page.drawText(winAnsi(d.signer), { x: left + 300, y: y - 100, size: 11, font });
  page.drawText("Petugas perujuk", { x: left + 300, y: y - 20, size: 11, font });
  return pdf.save();
}
