/**
 * The attitude colours, A (recommends) to E (opposes) and "?" (not known), for every face that
 * shows them: the Buying roles tree (package.json's contributed colours accountPlans.attitudeA…E),
 * the plan card (media/plan-card.css) and the stakeholder map (its stylesheet). Those three files
 * cannot import TypeScript, so they hold copies; test/unit/attitude-palette.test.ts fails when a
 * copy differs from this module, and prints the lines to paste.
 *
 * A diverging blue ↔ orange scale after Okabe & Ito's colour-blind-safe hues: blue for support,
 * sand for the middle, orange to vermilion for doubt and opposition, grey for not known. Blue
 * against orange is the contrast protanopes and deuteranopes keep; within a side the colours differ
 * in lightness too, so every pair stays apart under simulated protanopia, deuteranopia and
 * tritanopia (the test measures it). Colour never speaks alone: the letter is always shown with it.
 */
import { ATTITUDE_LETTERS, type AttitudeLetter } from './selling-method';

/** The five letters and the unknown attitude, in the order a legend shows them. */
export const ATTITUDE_KEYS = [...ATTITUDE_LETTERS, 'unknown'] as const;
export type AttitudeKey = (typeof ATTITUDE_KEYS)[number];

/** A filled badge with the letter on it: the same on every theme, and in an exported picture. */
export interface AttitudeBadge {
  readonly fill: string;
  /** The letter's colour on `fill` (contrast at least 4.5 : 1). */
  readonly ink: string;
}

/** The badges of the map and the card. */
export const ATTITUDE_BADGES: Readonly<Record<AttitudeKey, AttitudeBadge>> = {
  A: { fill: '#0b4f8a', ink: '#ffffff' },
  B: { fill: '#5aa9e6', ink: '#0b2238' },
  C: { fill: '#e8d9a8', ink: '#2e2505' },
  D: { fill: '#f0a030', ink: '#2a1700' },
  E: { fill: '#b83c00', ink: '#ffffff' },
  unknown: { fill: '#8c8c8c', ink: '#1a1a1a' },
};

/**
 * The same hues as a tree icon or as text on a theme's background (contrast at least 4.5 : 1 on
 * VS Code's default editor and side bar backgrounds): `light` for light themes, `dark` for dark ones.
 */
export const ATTITUDE_THEME_COLOURS: Readonly<Record<AttitudeLetter, { readonly light: string; readonly dark: string }>> = {
  A: { light: '#043372', dark: '#638ffd' },
  B: { light: '#2472b4', dark: '#58d8f5' },
  C: { light: '#86654e', dark: '#fde299' },
  D: { light: '#9f5002', dark: '#d5977a' },
  E: { light: '#7a1f10', dark: '#e66a36' },
};

/** The id of the colour package.json contributes for a letter (a `ThemeColor` in the tree). */
export const attitudeColourId = (letter: AttitudeLetter): string => `accountPlans.attitude${letter}`;

/** The `defaults` of a contributed colour: high-contrast themes take the light or dark variant. */
export function attitudeColourDefaults(letter: AttitudeLetter): { dark: string; light: string; highContrast: string; highContrastLight: string } {
  const { light, dark } = ATTITUDE_THEME_COLOURS[letter];
  return { dark, light, highContrast: dark, highContrastLight: light };
}
