import type { DiffOptions } from './accounts';
import { accountKeys, assembleWith, type AccountDiff, type AccountKeys, type ChangeSet, type PathDiff } from './diff-plans';

/**
 * An account's diff held as its JSON text, with what assembling the change set reads. A JSON
 * output of thousands of accounts (`diff --format json` when piped) packs each account as soon as
 * it is diffed: the objects die young, and the collector no longer copies every account's diff
 * (and the parse its strings point into) while the others are checked. A worker sends back text.
 */
export interface PackedAccount extends AccountKeys {
  readonly json: string;
}

export const packAccount = (a: AccountDiff): PackedAccount => ({ ...accountKeys(a), json: JSON.stringify(a) });

/** A path's diff with its account packed. */
export const packPath = (p: PathDiff): PathDiff<PackedAccount> => (p.kind === 'paired' ? { ...p, account: packAccount(p.account) } : p);

export const assemblePacked = (paths: readonly PathDiff<PackedAccount>[], options: DiffOptions): ChangeSet<PackedAccount> =>
  assembleWith(paths, options, packAccount, (a) => a);

/**
 * The change set and `extra` fields as one line of JSON, each account's text in its place: byte
 * for byte `JSON.stringify({ ...set, ...extra })` of the same set unpacked (tested).
 */
export function packedChangeSetJson(set: ChangeSet<PackedAccount>, extra: object): string {
  // Inside a JSON string every quote is escaped, so `"accounts":[]` can only be a key; the set's
  // own is its fifth, before anything from a plan.
  const envelope = JSON.stringify({ ...set, accounts: [], ...extra });
  const at = envelope.indexOf('"accounts":[]');
  return `${envelope.slice(0, at)}"accounts":[${set.accounts.map((a) => a.json).join(',')}]${envelope.slice(at + '"accounts":[]'.length)}`;
}
