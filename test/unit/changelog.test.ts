import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** CHANGELOG.md keeps the Keep a Changelog form, and its newest release is the version package.json ships. */
const ROOT = path.resolve(__dirname, '../../..');
const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const releases = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/gm)].map((m) => ({ version: m[1], date: m[2] }));

describe('CHANGELOG.md', () => {
  it("has package.json's version as its newest release", () => {
    assert.ok(releases.length > 0, 'a release heading "## [x.y.z] - YYYY-MM-DD"');
    assert.equal(releases[0].version, version);
  });

  it('follows Keep a Changelog: a title, Unreleased first, releases newest first, known section names, a link per heading', () => {
    assert.match(changelog, /^# Changelog\n/);
    assert.match(changelog, /keepachangelog\.com/);
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
    assert.equal(headings[0], 'Unreleased');
    const dates = releases.map((r) => r.date);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest release first');
    for (const h of changelog.matchAll(/^### (.+)$/gm)) {
      assert.ok(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(h[1]), `section "${h[1]}"`);
    }
    for (const h of headings) assert.match(changelog, new RegExp(`^\\[${h.replace(/\./g, '\\.')}\\]: https://`, 'm'), `a link for [${h}]`);
  });
});
