import * as assert from 'assert';
import { scanReasonAtActivation, WorkspaceScanGate, type ActivationEvidence } from '../../src/extension/index/workspace-scan-gate';

const MARKDOWN_ONLY: ActivationEvidence = { planOpen: false, markdownOpen: true, plansSeenBefore: false };

/** A workspace search that counts its runs and finds `plans` plans. */
function countingSearch(plans = 3) {
  const runs: number[] = [];
  return { runs, search: async () => { runs.push(plans); return plans; } };
}

describe('workspace scan gate (onLanguage:markdown starts no search in a workspace without plans)', () => {
  it('a Markdown file alone is no reason to search the workspace', () => {
    assert.strictEqual(scanReasonAtActivation(MARKDOWN_ONLY), undefined);
  });

  it('an open plan, plans found before, or a start without a Markdown file open are reasons', () => {
    assert.strictEqual(scanReasonAtActivation({ ...MARKDOWN_ONLY, planOpen: true }), 'a plan is open');
    assert.strictEqual(scanReasonAtActivation({ ...MARKDOWN_ONLY, plansSeenBefore: true }), 'plans were found in this workspace before');
    assert.strictEqual(scanReasonAtActivation({ ...MARKDOWN_ONLY, markdownOpen: false }), 'activated without a Markdown file open');
  });

  it('searches nothing until it is opened, then once, however often a plan shows', async () => {
    const { runs, search } = countingSearch(2);
    const gate = new WorkspaceScanGate(search);
    assert.deepStrictEqual(runs, [], 'no search for a Markdown-only workspace');
    assert.strictEqual(gate.started, false);
    assert.strictEqual(gate.reason, undefined);

    const first = gate.open('a plan appeared on disk');
    const second = gate.open('a plan of the workspace was opened');
    assert.strictEqual(await first, 2);
    assert.strictEqual(await second, 2);
    assert.strictEqual(await gate.done, 2);
    assert.deepStrictEqual(runs, [2], 'one search');
    assert.strictEqual(gate.started, true);
    assert.strictEqual(gate.reason, 'a plan appeared on disk', 'the first reason is kept');
  });

  it('a failed search is reported to whoever waits for it', async () => {
    const gate = new WorkspaceScanGate(async () => { throw new Error('disk gone'); });
    await assert.rejects(gate.open('Refresh'), /disk gone/);
    await assert.rejects(gate.done, /disk gone/);
  });
});
