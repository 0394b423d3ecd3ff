// What every benchmark script reports its rounds by.

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(xs) {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
