import * as vscode from 'vscode';

/** A `file:` URI string with nothing to decode: no `%` escape, query or fragment. */
const PLAIN_FILE = /^file:\/\/\/[^%?#]*$/;

/**
 * The Uri whose toString() is `key` (keys are `uri.toString()`). A plain `file:///…` key is built
 * from its parts: Uri.parse's regular expression costs ~7 µs a key, most of showing 10,000 stored
 * plans' URIs. Any other key, or one that would not come back the same, goes through Uri.parse.
 */
export function uriOfKey(key: string): vscode.Uri {
  if (PLAIN_FILE.test(key)) {
    const uri = vscode.Uri.from({ scheme: 'file', path: key.slice('file://'.length) });
    if (uri.toString() === key) return uri;
  }
  return vscode.Uri.parse(key, true);
}
