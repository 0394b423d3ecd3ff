import type { PNode } from './fast-yaml';
import type { Locator, PathKey } from './locator';
import type { LineIndex } from './line-index';

/** Finds nodes by data path in the positions recorded by the fast parser. */
export class FastLocator implements Locator {
  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly root: PNode | undefined) {}

  private find(path: readonly PathKey[]): PNode | undefined {
    let node = this.root;
    for (const key of path) {
      if (!node) return undefined;
      if (node.kind === 'mapping') node = entry(node, key)?.value;
      else if (node.kind === 'sequence' && typeof key === 'number') node = node.children?.[key];
      else return undefined;
    }
    return node;
  }

  value(path: readonly PathKey[]): [number, number] | undefined {
    const n = this.find(path);
    return n && n.kind !== 'null' ? [n.start, n.end] : undefined;
  }

  key(path: readonly PathKey[]): [number, number] | undefined {
    const parent = this.find(path.slice(0, -1));
    const e = parent?.kind === 'mapping' ? entry(parent, path[path.length - 1]) : undefined;
    return e ? [e.key.start, e.key.end] : undefined;
  }

  firstKeyOf(path: readonly PathKey[]): [number, number] | undefined {
    const n = this.find(path);
    if (n?.kind === 'mapping' && n.children?.length) return [n.children[0].start, n.children[0].end];
    return n && n.kind !== 'null' ? [n.start, n.end] : undefined;
  }

  items(path: readonly PathKey[]): { value: unknown; index: number; at: [number, number] }[] {
    const n = this.find(path);
    if (n?.kind !== 'sequence') return [];
    return (n.children ?? []).map((item, index) => ({ value: item.kind === 'scalar' ? item.value : undefined, index, at: [item.start, item.end] }));
  }

  keys(path: readonly PathKey[]): { key: unknown; name: string; at: [number, number] }[] {
    const n = this.find(path);
    if (n?.kind !== 'mapping') return [];
    const out: { key: unknown; name: string; at: [number, number] }[] = [];
    const c = n.children ?? [];
    for (let i = 0; i + 1 < c.length; i += 2) {
      const k = c[i];
      out.push({ key: k.value, name: k.kind === 'scalar' || k.kind === 'null' ? String(k.value) : this.text.slice(k.start, k.end), at: [k.start, k.end] });
    }
    return out;
  }

  source(path: readonly PathKey[]): string | undefined {
    const at = this.value(path);
    return at ? this.text.slice(at[0], at[1]) : undefined;
  }

  lineOf(offset: number): number {
    return this.lines.position(offset).line;
  }
}

/** The last entry with this key (as the data has it: a repeated key's last value wins). */
function entry(node: PNode, key: PathKey): { key: PNode; value: PNode } | undefined {
  const c = node.children ?? [];
  const name = String(key);
  for (let i = c.length - (c.length % 2) - 2; i >= 0; i -= 2) if (String(c[i].value) === name) return { key: c[i], value: c[i + 1] };
  return undefined;
}
