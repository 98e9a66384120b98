/** Colour-blind-safe series colours (Okabe–Ito), dark enough for white-background contrast. */
export const SERIES_COLORS = ["#1f7a5c", "#0072b2", "#d55e00", "#cc79a7", "#e69f00", "#56b4e9", "#009e73", "#6b7280", "#000000"];
