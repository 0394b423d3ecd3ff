/** Shared data shapes of the engine. Lines and characters are 0-based (as in VS Code). */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  readonly line: number;
  /** UTF-16 code units from the start of the line (a tab is one). */
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export const RULE_CODES = [
  'AP001', 'AP002', 'AP003', 'AP004', 'AP005', 'AP006',
  'AP010', 'AP011', 'AP012', 'AP013',
  'AP020', 'AP021', 'AP022', 'AP023',
  'AP030', 'AP031', 'AP032',
  'AP040', 'AP050',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface Finding {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** Offsets in the file's text (after a BOM is removed), for edits. */
  readonly offset: { readonly start: number; readonly end: number };
  /** Facts a quick fix can use, e.g. `{ suggestion: 'stakeholders' }` for AP003. */
  readonly data?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

export type Locale = 'en' | 'zh-cn';
