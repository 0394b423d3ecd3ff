/**
 * Colour arithmetic for the tests of the attitude palette: sRGB parsing, WCAG contrast, CIELAB
 * distance, and how a colour looks with protanopia, deuteranopia or tritanopia (the full-severity
 * matrices of Machado, Oliveira & Fernandes 2009, applied to linear RGB).
 */

type Rgb = readonly [number, number, number];

/** '#0b4f8a' → [11, 79, 138]. */
export function hexRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** The colour as `getComputedStyle` reports it: 'rgb(11, 79, 138)'. */
export const cssRgb = (hex: string): string => `rgb(${hexRgb(hex).join(', ')})`;

const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const linearRgb = (hex: string): Rgb => hexRgb(hex).map((c) => linear(c / 255)) as unknown as Rgb;

type Matrix = readonly [Rgb, Rgb, Rgb];
export const VISIONS: Readonly<Record<'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia', Matrix>> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const clamp = (v: number): number => Math.min(1, Math.max(0, v));

/** CIELAB (D65) of a colour as someone with the given vision sees it. */
export function labSeen(hex: string, vision: keyof typeof VISIONS): Rgb {
  const c = linearRgb(hex);
  const [r, g, b] = VISIONS[vision].map((row) => clamp(row[0] * c[0] + row[1] * c[1] + row[2] * c[2]));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 ΔE between two colours as seen with `vision` (about 2.3 is just noticeable; 20 is plain). */
export function deltaE(a: string, b: string, vision: keyof typeof VISIONS): number {
  const [p, q] = [labSeen(a, vision), labSeen(b, vision)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => { const [r, g, b2] = linearRgb(hex); return 0.2126 * r + 0.7152 * g + 0.0722 * b2; };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
