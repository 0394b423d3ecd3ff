import { byCodePoint } from '../model/name-order';
import { splitFrontmatter, stripBom } from '../parse/frontmatter';
import { parseYaml } from '../parse/yaml-document';

/** The keys an item's label already says: not repeated on its lines. */
const IN_LABEL: Readonly<Record<string, readonly string[]>> = { stakeholder: ['id'], opportunity: ['id'], visit: ['date', 'purpose'] };

const ITEM_NAMES: Readonly<Record<string, string>> = { stakeholders: 'stakeholder', opportunities: 'opportunity', visits: 'visit' };

/**
 * A plan one fact per line, for git's diff driver: `account: Acme`, `stakeholder lin: attitude: B+`,
 * `visit 2026-11-03 sign: with: [wangxing, lin]`. Each line names the item it belongs to, so a
 * changed fact is one changed line whatever the YAML's layout, quoting or comments. Visits come
 * in date order; the Markdown body follows as written. A file that does not parse comes back as is.
 */
export function factLines(raw: string): string {
  const text = stripBom(raw);
  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') return raw;
  const doc = parseYaml(text.slice(split.yamlStart, split.yamlEnd), 'tolerate');
  const data = doc.errors.length ? undefined : (doc.toJSON() as unknown);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return raw;
  const out: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const itemName = ITEM_NAMES[key];
    if (itemName && Array.isArray(value)) items(itemName, value, out);
    else fact('', key, value, out);
  }
  return `${out.join('\n')}\n---\n${text.slice(split.bodyStart)}`;
}

function items(name: string, list: readonly unknown[], out: string[]): void {
  const entries = list.map((item, index) => ({ item, index }));
  if (name === 'visit') entries.sort((a, b) => byCodePoint(dateOf(a.item), dateOf(b.item)) || a.index - b.index);
  for (const { item, index } of entries) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      out.push(`${name} #${index + 1}: ${scalar(item)}`);
      continue;
    }
    const head = `${name} ${label(name, item as Record<string, unknown>, index)}`;
    const before = out.length;
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (!IN_LABEL[name].includes(key)) fact(`${head}: `, key, value, out);
    }
    if (out.length === before) out.push(head);
  }
}

function label(name: string, item: Record<string, unknown>, index: number): string {
  if (name === 'visit') return [dateOf(item) || '?', typeof item.purpose === 'string' ? item.purpose : ''].filter(Boolean).join(' ');
  const id = item.id ?? item.name;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index + 1}`;
}

/** A value's facts: maps flattened with dots (`grid.personal: 3`), lists and scalars on one line. */
function fact(prefix: string, key: string, value: unknown, out: string[]): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.length) out.push(`${prefix}${key}: {}`);
    for (const [k, v] of entries) fact(prefix, `${key}.${k}`, v, out);
    return;
  }
  out.push(`${prefix}${key}: ${scalar(value)}`);
}

function scalar(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(scalar).join(', ')}]`;
  if (value && typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
  return String(value);
}

const dateOf = (item: unknown): string => {
  const d = item && typeof item === 'object' ? (item as Record<string, unknown>).date : undefined;
  return typeof d === 'string' ? d : '';
};
