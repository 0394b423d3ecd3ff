/**
 * The one order of names (accounts, opportunities, owners, tiers) wherever a list of them is
 * sorted: case ignored and digits read as numbers (`Lot 9` before `Lot 10`), the same in every
 * display language; names that collate equal fall back to code-point order, so the order is total
 * and the same on every machine.
 */
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export const byCodePoint = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

export const byName = (x: string, y: string): number => COLLATOR.compare(x, y) || byCodePoint(x, y);
