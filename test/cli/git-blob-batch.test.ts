import * as assert from 'node:assert/strict';
import { classify, parseBatch, readObjects, type PlanContent } from '../../src/cli/git/blob-batch';
import { gitRunner } from '../../src/cli/git/git-process';
import { plan, TestRepo } from './git-repo';

describe('git cat-file --batch: the answers', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  after(() => repo?.dispose());

  it('reads blobs, and says which names are missing or not files, in one process', () => {
    repo = new TestRepo();
    repo.write('a.account.md', plan('a')).write('b.account.md', '');
    repo.commit('one');
    const git = gitRunner(repo.dir, repo.env);
    const [a, b] = repo.git('rev-parse', 'HEAD:a.account.md', 'HEAD:b.account.md').trim().split('\n');
    const missing = 'f'.repeat(40);
    const read = readObjects(git, [a, missing, b, a, 'HEAD^{tree}', 'HEAD:a.account.md']);
    assert.deepEqual(read.get(a), { kind: 'text', text: plan('a') });
    assert.deepEqual(read.get(b), { kind: 'text', text: '' });
    assert.deepEqual(read.get(missing), { kind: 'missing', reason: 'no such object' });
    assert.deepEqual(read.get('HEAD^{tree}'), { kind: 'missing', reason: 'a tree, not a file' });
    assert.deepEqual(read.get('HEAD:a.account.md'), { kind: 'text', text: plan('a') });
  });

  it('refuses a name with a line break rather than desynchronising the stream', () => {
    assert.throws(() => readObjects(gitRunner(repo.dir, repo.env), ['HEAD:a\nb']), /line break/);
  });

  it('stops with a clear error when the stream ends early', () => {
    const into = new Map<string, PlanContent>();
    assert.throws(() => parseBatch(Buffer.from(`${'a'.repeat(40)} blob 10\nshort\n`), ['x'], 100, into), /gave 6 of 10 bytes for x/);
    assert.throws(() => parseBatch(Buffer.alloc(0), ['x'], 100, into), /stopped before answering for x/);
  });

  it('reads invalid UTF-8 as U+FFFD, as a file on disk reads, and a NUL byte as binary', () => {
    assert.deepEqual(classify(Buffer.from([0x61, 0xff, 0x62]), 100), { kind: 'text', text: 'a\uFFFDb' });
    assert.deepEqual(classify(Buffer.from([0x61, 0x00]), 100), { kind: 'binary', size: 2 });
    assert.deepEqual(classify(Buffer.alloc(101, 0x61), 100), { kind: 'too-large', size: 101 });
  });
});
