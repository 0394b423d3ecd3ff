/** Pairs the items of two lists (opportunities, stakeholders) the way a reader would. */

export interface Identified {
  readonly index: number;
  readonly id?: string;
  readonly name?: string;
}

export interface ItemPair<T> {
  /** The item's `id`, else its name, else `#` and its position (1-based) in the list. */
  readonly key: string;
  readonly before?: T;
  readonly after?: T;
}

/**
 * By `id` first (the format's identity: two items with different ids are different items); then
 * by name where one of the two has no readable id; then items with neither, by position among
 * those left.
 * Duplicate ids pair in file order. Pairs come out in the after side's order, then removed items.
 * `identity` reads an item's position, id and name (the item itself by default), so callers pair
 * their own objects without copying them.
 */
export function matchItems<T>(
  before: readonly T[], after: readonly T[], identity: (item: T) => Identified = (item) => item as unknown as Identified,
): ItemPair<T>[] {
  const partner = new Map<T, T>();
  const taken = new Set<T>();
  const pass = (keyOf: (x: Identified) => string | undefined, accept: (b: Identified, a: Identified) => boolean = () => true) => {
    const pool = new Map<string, T[]>();
    for (const b of before) {
      const k = keyOf(identity(b));
      if (k === undefined || taken.has(b)) continue;
      const list = pool.get(k);
      if (list) list.push(b);
      else pool.set(k, [b]);
    }
    for (const a of after) {
      const ia = identity(a);
      const k = keyOf(ia);
      if (k === undefined || partner.has(a)) continue;
      const list = pool.get(k);
      const at = list ? list.findIndex((b) => accept(identity(b), ia)) : -1;
      if (at < 0) continue;
      const [b] = list!.splice(at, 1);
      partner.set(a, b);
      taken.add(b);
    }
  };
  // Each pass only when something is left to pair on both sides (most edits keep every id).
  const left = () => taken.size < before.length && partner.size < after.length;
  pass((x) => x.id);
  if (left()) pass((x) => x.name, (b, a) => b.id === undefined || a.id === undefined);
  if (left()) pass((x) => (x.id === undefined && x.name === undefined ? 'anonymous' : undefined));
  const pairs: ItemPair<T>[] = after.map((a) => {
    const b = partner.get(a);
    const ia = identity(a);
    return { key: ia.id ?? (b === undefined ? undefined : identity(b).id) ?? keyOf(ia), before: b, after: a };
  });
  for (const b of before) if (!taken.has(b)) pairs.push({ key: keyOf(identity(b)), before: b });
  return pairs;
}

const keyOf = (x: Identified): string => x.id ?? x.name ?? `#${x.index + 1}`;
