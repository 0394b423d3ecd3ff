import * as assert from 'assert';
import * as vscode from 'vscode';
import { shardOf } from '../../src/core';
import { uriOfKey } from '../../src/extension/adapters/uri-key';
import type { TestHooks } from '../../src/extension/test-hooks';
import { enc, fixture, resetSettings, revertAndCloseAll, SOURCE, testHooks, waitFor, waitForEvent, workspaceFolder } from './helpers';

const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

/** A shard file's header line (format, engine, key, the records without their plan bodies) and the bodies' bytes. */
function shardParts(bytes: Uint8Array): { header: { plans: { uri: string; findings: unknown[] }[] }; bodies: Uint8Array } {
  const nl = bytes.indexOf(10);
  return { header: JSON.parse(dec(bytes.subarray(0, nl))) as { plans: { uri: string; findings: unknown[] }[] }, bodies: bytes.subarray(nl + 1) };
}

/** Every diagnostic of this extension on the plans read from disk, as text per URI (the Problems view). */
function problems(hooks: TestHooks): Map<string, string[]> {
  const all = new Map<string, string[]>();
  const onDisk = new Set(diskPlans(hooks));
  for (const [uri, ds] of vscode.languages.getDiagnostics()) {
    if (!onDisk.has(uri.toString())) continue;
    const ours = ds.filter((d) => d.source === SOURCE).map((d) =>
      `${typeof d.code === 'object' ? String(d.code.value) : String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`).sort();
    if (ours.length) all.set(uri.toString(), ours);
  }
  return all;
}

/** The plans the index has from disk (other suites may leave plans open: those are checked from their buffers). */
const diskPlans = (hooks: TestHooks): string[] => hooks.index.entries().filter((e) => e.source.kind === 'disk').map((e) => e.uri.toString()).sort();

const sorted = (m: Map<string, string[]>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Plans open in an editor are checked from their buffer on any scan; they are not the store's. */
const openPlans = (): Set<string> => new Set(vscode.workspace.textDocuments.filter((d) => !d.isClosed).map((d) => d.uri.toString()));

/** Reopens from the store and returns the URIs the engine checked meanwhile (open documents aside). */
async function reopen(hooks: TestHooks, whileClosed?: () => Promise<void>): Promise<{ checked: string[]; checks: number }> {
  const checked: string[] = [];
  const sub = hooks.index.onDidChange(({ uri, entry }) => { if (entry && !entry.restored) checked.push(uri.toString()); });
  const before = hooks.index.checks;
  try {
    await hooks.reopenFromStore(whileClosed);
  } finally {
    sub.dispose();
  }
  const open = openPlans();
  return { checked: checked.filter((u) => !open.has(u)).sort(), checks: hooks.index.checks - before };
}

/** The plans of `shard` whose stored bodies cannot be read in a reopened window (each body read once). */
async function damagedAfterReopen(hooks: TestHooks, shard: number): Promise<string[]> {
  await reopen(hooks);
  const damaged: string[] = [];
  const sub = hooks.index.onDidFindDamage((u) => damaged.push(u.toString()));
  try {
    const inShard = hooks.index.entries().filter((e) => e.restored && shardOf(e.uri.toString()) === shard);
    assert.ok(inShard.length > 0, 'plans of the shard restored');
    inShard.forEach((e) => e.analysis.plan?.stakeholders);
  } finally {
    sub.dispose();
  }
  return damaged;
}

/**
 * The persisted index: the analyses of the workspace's plans, kept in the extension's storage, so a
 * reopened window shows every diagnostic without checking the plans again.
 */
describe('stored index', () => {
  const scratch = () => fixture('accounts', 'stored-index-scratch.account.md');
  let hooks: TestHooks;

  before(async () => {
    hooks = await testHooks();
    await hooks.workspace.done;
    await revertAndCloseAll();
    // One plan that no test opens: the index surely has it from disk.
    await vscode.workspace.fs.writeFile(scratch(), enc('---\naccount: Stored Before\n---\n'));
    await waitFor('the scratch plan indexed', () => hooks.index.get(scratch())?.plan?.account === 'Stored Before' ? true : undefined);
  });
  after(async () => {
    await resetSettings();
    await vscode.workspace.fs.delete(scratch(), { useTrash: false }).then(undefined, () => undefined);
    await waitFor('the scratch plan gone', () => (hooks.index.get(scratch()) ? undefined : true));
  });

  it('is written to the extension\'s storage, not to the workspace', async () => {
    await hooks.store.flush();
    const folder = hooks.store.folder;
    assert.ok(folder, 'a workspace is open: the extension has a storage for it');
    assert.ok(!folder.toString().startsWith(workspaceFolder().toString()), `${folder.toString()} lies outside the workspace`);
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter((n) => n.endsWith('.json'));
    assert.ok(names.length > 0, 'shard files');
    const stored = new Set<string>();
    for (const n of names) {
      shardParts(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, n))).header.plans.forEach((p) => stored.add(p.uri));
    }
    assert.ok(stored.has(scratch().toString()));
    assert.deepStrictEqual(diskPlans(hooks).filter((u) => !stored.has(u)), [], 'every plan read from disk is stored');
  });

  it('a reopened window shows the same diagnostics from the store, checking no plan', async () => {
    const before = problems(hooks);
    const disk = diskPlans(hooks);
    assert.ok(before.size >= 1, 'plans with findings');
    const restored = hooks.index.restored;
    const { checked } = await reopen(hooks);
    assert.deepStrictEqual(checked, [], 'nothing unchanged is checked again');
    assert.strictEqual(hooks.index.restored - restored, disk.length, 'every analysis came from the store');
    assert.deepStrictEqual(diskPlans(hooks), disk);
    assert.strictEqual(hooks.store.lastLoad?.ignored.length, 0);
    await waitFor('the diagnostics back', () => (problems(hooks).size === before.size ? true : undefined));
    assert.deepStrictEqual(sorted(problems(hooks)), sorted(before));
  });

  it('a file changed while the window was closed is checked again, alone', async () => {
    const { checked } = await reopen(hooks, async () => {
      await vscode.workspace.fs.writeFile(scratch(), enc('---\naccount: Stored After, changed\n---\n'));
    });
    assert.deepStrictEqual(checked, [scratch().toString()]);
    assert.strictEqual(hooks.index.get(scratch())?.plan?.account, 'Stored After, changed');
    // And the store now holds the new analysis.
    const again = await reopen(hooks);
    assert.deepStrictEqual(again.checked, []);
    assert.strictEqual(hooks.index.get(scratch())?.plan?.account, 'Stored After, changed');
  });

  it('a reopened window shows every stored analysis first; then a changed, a new and a deleted file are handled, alone', async () => {
    const added = fixture('accounts', 'stored-index-added.account.md');
    const removed = fixture('accounts', 'stored-index-removed.account.md');
    await vscode.workspace.fs.writeFile(removed, enc('---\naccount: Stored, then deleted\ntier: Z\n---\n'));
    await waitFor('the plan to delete indexed', () => hooks.index.get(removed)?.plan?.account === 'Stored, then deleted' ? true : undefined);
    await waitFor('its diagnostics', () => (vscode.languages.getDiagnostics(removed).length > 0 ? true : undefined));
    const disk = diskPlans(hooks);
    // What happens once the window is reopened (not the plans dropped as it closes).
    const events: string[] = [];
    let reopened = false;
    const sub = hooks.index.onDidChange(({ uri, entry }) => {
      if (reopened && !openPlans().has(uri.toString())) events.push(`${!entry ? 'left' : entry.restored ? 'restored' : 'checked'} ${uri.toString()}`);
    });
    try {
      await hooks.reopenFromStore(async () => {
        await vscode.workspace.fs.writeFile(scratch(), enc('---\naccount: Stored, changed again\n---\n'));
        await vscode.workspace.fs.writeFile(added, enc('---\naccount: Added while closed\n---\n'));
        await vscode.workspace.fs.delete(removed, { useTrash: false });
        reopened = true;
      });
      // The watcher's events of the writes can come after the reopen and take over the scan's
      // check of those files (a newer claim wins): the events are followed until both are checked.
      const checkedNow = (uri: vscode.Uri) => events.includes(`checked ${uri.toString()}`);
      await waitFor('the changed and the added plan checked', () => (checkedNow(added) && checkedNow(scratch()) ? true : undefined));
    } finally {
      sub.dispose();
    }
    try {
      // Shown first: every plan the store knew, the changed and the deleted one too, before any check.
      const shown = events.slice(0, events.findIndex((e) => !e.startsWith('restored ')));
      assert.deepStrictEqual(shown.map((e) => e.slice('restored '.length)).sort(), disk);
      // Then only what changed, appeared or disappeared (a file checked by the scan and again for its watcher event counts once).
      assert.deepStrictEqual([...new Set(events.slice(shown.length))].sort(), [`checked ${added.toString()}`, `checked ${scratch().toString()}`, `left ${removed.toString()}`].sort());
      assert.strictEqual(hooks.index.get(scratch())?.plan?.account, 'Stored, changed again');
      assert.strictEqual(hooks.index.get(added)?.plan?.account, 'Added while closed');
      assert.strictEqual(hooks.index.get(removed), undefined);
      await waitFor('the deleted plan\'s diagnostics gone', () => (vscode.languages.getDiagnostics(removed).length === 0 ? true : undefined));
    } finally {
      await vscode.workspace.fs.delete(added, { useTrash: false }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(removed, { useTrash: false }).then(undefined, () => undefined);
      // Reopened once more, so the next test starts without the added plan: the file watcher may
      // never report its deletion, as it drops a create and a delete that come in one batch (the
      // reopen takes ~50 ms, and the create can arrive after it).
      await hooks.reopenFromStore();
      assert.strictEqual(hooks.index.get(added), undefined, 'the added plan gone');
    }
  });

  it('a stored plan body that does not parse is noticed when read, and its plan checked again', async () => {
    await hooks.store.flush();
    const uri = scratch();
    const file = hooks.store.shardUri(shardOf(uri.toString()));
    await reopen(hooks, async () => {
      const bytes = await vscode.workspace.fs.readFile(file);
      const { header, bodies } = shardParts(bytes);
      // This plan's body overwritten with spaces (same length, no JSON); the bodies follow the header's order.
      const plans = header.plans as unknown as { uri: string; plan?: { body: number } }[];
      const i = plans.findIndex((p) => p.uri === uri.toString());
      const start = bytes.length - bodies.length + plans.slice(0, i).reduce((n, p) => n + (p.plan?.body ?? 0), 0);
      assert.ok(i >= 0 && plans[i].plan!.body > 0);
      const damaged = new Uint8Array(bytes);
      damaged.fill(32, start, start + plans[i].plan!.body);
      await vscode.workspace.fs.writeFile(file, damaged);
    });
    const entry = hooks.index.entry(uri)!;
    assert.ok(entry.restored, 'shown from the store: the header is whole');
    const rechecked = waitForEvent(hooks.index.onDidChange, (e) => e.uri.toString() === uri.toString() && !!e.entry && !e.entry.restored, 'the plan checked again');
    assert.deepStrictEqual(entry.analysis.plan?.stakeholders, [], 'no stakeholders from a damaged body');
    await rechecked;
    assert.ok(hooks.index.get(uri)?.plan?.stakeholders, 'checked from its file');
    // The store is mended: the next window reads a whole body.
    await hooks.store.flush();
    assert.deepStrictEqual(await damagedAfterReopen(hooks, shardOf(uri.toString())), []);
  });

  it('a shard file written again after its header was read: no body is taken from the new file (the plan is checked again), and the store stays whole', async () => {
    await hooks.store.flush();
    const uri = scratch();
    const shard = shardOf(uri.toString());
    const file = hooks.store.shardUri(shard);
    await reopen(hooks);
    const entry = hooks.index.entry(uri)!;
    assert.ok(entry.restored, 'shown from the store, its body not read yet');
    // Another window writes the same shard: the same bytes, a later time.
    const bytes = await vscode.workspace.fs.readFile(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await vscode.workspace.fs.writeFile(file, bytes);
    const rechecked = waitForEvent(hooks.index.onDidChange, (e) => e.uri.toString() === uri.toString() && !!e.entry && !e.entry.restored, 'the plan checked again');
    const damaged: string[] = [];
    const sub = hooks.index.onDidFindDamage((u) => damaged.push(u.toString()));
    try {
      assert.deepStrictEqual(entry.analysis.plan?.visits, []);
    } finally {
      sub.dispose();
    }
    if (hooks.host === 'node') {
      // Bodies are read from the file when first needed: the file that changed gives none, and the plan is checked again.
      assert.deepStrictEqual(damaged, [uri.toString()], 'no body from a file that changed');
      await rechecked;
    } else {
      // The browser build reads a shard whole when it loads it: the body comes from the bytes read then.
      assert.deepStrictEqual(damaged, [], 'the body read with its header');
    }
    await hooks.store.flush();
    assert.ok(shardParts(await vscode.workspace.fs.readFile(file)).header.plans.some((p) => p.uri === uri.toString()), 'the plan checked again is stored');
    // Read back, every body in that shard parses: none was written from the file that changed.
    assert.deepStrictEqual(await damagedAfterReopen(hooks, shard), []);
  });

  it('a corrupt shard file is ignored (logged); only its plans are checked again', async () => {
    await hooks.store.flush();
    const before = problems(hooks);
    const uri = hooks.index.entries().find((e) => e.source.kind === 'disk')!.uri;
    const shard = shardOf(uri.toString());
    const inShard = hooks.index.entries().filter((e) => e.source.kind === 'disk' && shardOf(e.uri.toString()) === shard).map((e) => e.uri.toString());
    const { checked } = await reopen(hooks, async () => {
      await vscode.workspace.fs.writeFile(hooks.store.shardUri(shard), enc('{"format": 1, "plans": [tru'));
    });
    assert.deepStrictEqual(hooks.store.lastLoad?.ignored, [{ shard, reason: 'corrupt' }]);
    assert.deepStrictEqual(checked, [...inShard].sort());
    await waitFor('the diagnostics back', () => (problems(hooks).size === before.size ? true : undefined));
    assert.deepStrictEqual(sorted(problems(hooks)), sorted(before));
  });

  it('a record that fails validation is left out, and its plan checked again', async () => {
    await hooks.store.flush();
    const uri = hooks.index.entries().find((e) => e.source.kind === 'disk' && e.analysis.findings.length > 0)!.uri;
    const file = hooks.store.shardUri(shardOf(uri.toString()));
    const { checked } = await reopen(hooks, async () => {
      const { header, bodies } = shardParts(await vscode.workspace.fs.readFile(file));
      // The first finding's start line (the fourth of its values in the record's flat list), a number, made a string.
      header.plans.find((p) => p.uri === uri.toString())!.findings[3] = 'line 3';
      const head = enc(`${JSON.stringify(header)}\n`);
      const bytes = new Uint8Array(head.length + bodies.length);
      bytes.set(head);
      bytes.set(bodies, head.length);
      await vscode.workspace.fs.writeFile(file, bytes);
    });
    assert.deepStrictEqual(checked, [uri.toString()]);
    assert.deepStrictEqual(hooks.store.lastLoad?.ignored, [{ shard: shardOf(uri.toString()), reason: 'invalid-records' }]);
  });

  it('a settings change invalidates it: a store of other settings is not used', async () => {
    await hooks.store.flush();
    const folder = hooks.store.folder!;
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter((n) => n.endsWith('.json'));
    const oldShards = await Promise.all(names.map(async (n) => [n, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, n))] as const));
    const onDisk = diskPlans(hooks);

    // Every plan on disk checked again under the new settings (counted by plan, not by checks: an
    // open plan may be checked more than once meanwhile).
    const rechecked = new Set<string>();
    const sub = hooks.index.onDidChange(({ uri, entry }) => { if (entry && !entry.restored) rechecked.add(uri.toString()); });
    try {
      await vscode.workspace.getConfiguration('accountPlans').update('economicBuyerDays', 45, vscode.ConfigurationTarget.Global);
      await waitFor('every plan checked again', () => (onDisk.every((u) => rechecked.has(u)) ? true : undefined));
    } finally {
      sub.dispose();
    }
    // Stored again under the new settings: a reopen checks nothing.
    assert.deepStrictEqual((await reopen(hooks)).checked, []);

    // The shards of the old settings put back: all of them are ignored, every plan is checked.
    const { checked } = await reopen(hooks, async () => {
      for (const [n, bytes] of oldShards) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, n), bytes);
    });
    assert.ok(hooks.store.lastLoad!.ignored.length > 0 && hooks.store.lastLoad!.ignored.every((i) => i.reason === 'settings'));
    assert.deepStrictEqual(checked, onDisk);
  });
});

describe('uriOfKey: a stored plan\'s URI string back as a Uri', () => {
  it('gives the Uri that Uri.parse gives, plain file keys by the short way, any other by parse', () => {
    const keys = [
      vscode.Uri.file('/work/plans/acme.account.md'),
      vscode.Uri.file('/work/plans/客户 A.account.md'),
      vscode.Uri.file('/work/plans/100% sure#1?.account.md'),
      vscode.Uri.file('/c:/Users/me/plan.account.md'),
      vscode.Uri.parse('vscode-vfs://github/owner/repo/plan.account.md'),
      vscode.Uri.parse('file://server/share/plan.account.md'),
    ].map((u) => u.toString());
    for (const key of keys) {
      const uri = uriOfKey(key);
      const parsed = vscode.Uri.parse(key, true);
      assert.deepStrictEqual([uri.scheme, uri.authority, uri.path, uri.query, uri.fragment, uri.fsPath], [parsed.scheme, parsed.authority, parsed.path, parsed.query, parsed.fragment, parsed.fsPath], key);
      assert.strictEqual(uri.toString(), key);
    }
  });
});
