/** "Rp 1.234.567": integer rupiah with dots, independent of the runtime's locale data. */
export function rupiah(value: number): string {
  const sign = value < 0 ? "-" : "";
  const digits = String(Math.abs(Math.round(value)));
  return `${sign}Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
}

/** 0.8 → "0,8" (Indonesian decimal comma). */
export const ratioText = (r: number) => String(r).replace(".", ",");
