import { ATTITUDE_LETTERS, BUYING_ROLES, LAYERS, PURPOSES, STAGES } from '../model/selling-method';
import type { ListKey } from '../edits/yaml-edits';
import type { MessageKey } from '../i18n/catalogue';

/**
 * The snippets for a new stakeholder, opportunity and visit. Each is built from its fields:
 * the keys are the schema's (a test holds them to it) and every choice list is the method
 * table's, so a new stage or role reaches the snippets without an edit here.
 */
export interface SnippetField {
  readonly key: string;
  /** Placeholder text, or nothing for an empty tab stop. */
  readonly placeholder?: string;
  /** The values to choose from, in the method table's order. */
  readonly choices?: readonly string[];
  /** Written as a flow list: `roles: [economic]`, `with: []`. */
  readonly list?: boolean;
}

export interface ItemSnippet {
  readonly label: string;
  /** The catalogue's key of the detail line. */
  readonly detail: MessageKey;
  readonly sortText: string;
  readonly fields: readonly SnippetField[];
}

export const ITEM_SNIPPETS: Readonly<Record<ListKey, ItemSnippet>> = {
  stakeholders: {
    label: 'stakeholder', detail: 'snippet.stakeholder', sortText: '90',
    fields: [
      { key: 'id', placeholder: 'id' },
      { key: 'name', placeholder: 'name' },
      { key: 'title', placeholder: 'title' },
      { key: 'roles', choices: BUYING_ROLES, list: true },
      { key: 'layer', choices: LAYERS },
      // A snippet offers the five letters; the modifiers (+/-) are typed by hand.
      { key: 'attitude', choices: ATTITUDE_LETTERS },
    ],
  },
  opportunities: {
    label: 'opportunity', detail: 'snippet.opportunity', sortText: '91',
    fields: [
      { key: 'id', placeholder: 'id' },
      { key: 'name', placeholder: 'name' },
      { key: 'stage', choices: STAGES },
      { key: 'amount', placeholder: '0' },
      { key: 'close', placeholder: 'YYYY-MM-DD' },
    ],
  },
  visits: {
    label: 'visit', detail: 'snippet.visit', sortText: '92',
    fields: [
      { key: 'date', placeholder: 'YYYY-MM-DD' },
      { key: 'purpose', choices: PURPOSES },
      { key: 'with', list: true },
      { key: 'summary' },
      { key: 'next' },
    ],
  },
};

/** Snippet syntax of one tab stop: `${1:id}`, `${2|a,b|}` or `${3}`. */
function tabStop(field: SnippetField, n: number): string {
  const stop = field.choices ? `\${${n}|${field.choices.join(',')}|}` : field.placeholder !== undefined ? `\${${n}:${field.placeholder}}` : `\${${n}}`;
  return field.list ? `[${stop}]` : stop;
}

/** The snippet text of a new list item, starting with its `- `. */
export function snippetText(snippet: ItemSnippet): string {
  return `- ${snippet.fields.map((f, i) => `${f.key}: ${tabStop(f, i + 1)}`).join('\n  ')}`;
}
