/** A step in a data path: a mapping key or a list index. */
export type PathKey = string | number;

/** Finds the nodes of the frontmatter by data path and gives their offsets in the file. */
export interface Locator {
  /** The value at `path`; undefined when absent or empty. */
  value(path: readonly PathKey[]): [number, number] | undefined;
  /** The key of the last step of `path`. */
  key(path: readonly PathKey[]): [number, number] | undefined;
  /** For something missing inside an object: the first key of that object (or the object itself). */
  firstKeyOf(path: readonly PathKey[]): [number, number] | undefined;
  /** The items of a sequence, with their scalar values and offsets. */
  items(path: readonly PathKey[]): { value: unknown; index: number; at: [number, number] }[];
  /**
   * The keys of a mapping, with their offsets; `name` is a scalar key as text (`1`, `null`), or a
   * collection key as written (`[a, b]`).
   */
  keys(path: readonly PathKey[]): { key: unknown; name: string; at: [number, number] }[];
  /** Source text of a value, as the user wrote it. */
  source(path: readonly PathKey[]): string | undefined;
  lineOf(offset: number): number;
}
