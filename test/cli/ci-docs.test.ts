import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CLI, FIXTURES, ROOT, TODAY, assertBuilt, cli } from './helpers';

interface GitlabJob { variables: Record<string, string | number>; script: string[]; artifacts: { reports: { codequality: string } } }
const gitlab = (parse(fs.readFileSync(path.join(ROOT, 'docs/ci/gitlab-ci.yml'), 'utf8')) as Record<string, GitlabJob>)['account-plans'];
/** The body of the `node - <<'JS'` script in the step that mentions `marker`. */
const nodeScript = (marker: string): string => {
  const step = gitlab.script.find((s) => s.includes(marker) && s.includes("<<'JS'"));
  assert.ok(step, marker);
  return /<<'JS'[^\n]*\n([\s\S]*?)\n\s*JS\n/.exec(step)![1];
};

/** Runs a script on node's stdin, asynchronously (a test server answers in this process meanwhile). */
function runNode(script: string, cwd: string, env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-'], { cwd, env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
    child.stdin.end(script);
  });
}

describe('docs/ci: the ready GitHub workflow and GitLab job', () => {
  before(assertBuilt);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-ci-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the GitHub workflow runs the action on pull requests, with the whole history', () => {
    const wf = parse(fs.readFileSync(path.join(ROOT, 'docs/ci/github-workflow.yml'), 'utf8')) as {
      on: Record<string, unknown>; permissions: Record<string, string>; jobs: { plans: { steps: { uses: string; with?: Record<string, unknown> }[] } };
    };
    assert.ok('pull_request' in wf.on);
    assert.equal(wf.permissions['pull-requests'], 'write');
    const [checkout, action] = wf.jobs.plans.steps;
    assert.match(checkout.uses, /^actions\/checkout@/);
    assert.equal(checkout.with?.['fetch-depth'], 0);
    const inputs = Object.keys((parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs);
    for (const key of Object.keys(action.with ?? {})) assert.ok(inputs.includes(key), `the action has an input ${key}`);
  });

  it('the GitLab job gives the CLI only options its help documents, and asks for the whole history', () => {
    assert.equal(gitlab.variables.GIT_DEPTH, 0);
    const calls = gitlab.script.flatMap((s) => [...s.matchAll(/node "\$AP" (\w+) ([^>|\n]*)/g)]).map((m) => ({ command: m[1], words: m[2].trim().split(/\s+/) }));
    assert.deepEqual(calls.map((c) => c.command), ['report', 'check']);
    const problems: string[] = [];
    for (const { command, words } of calls) {
      const help = cli([command, '--help'], { cwd: ROOT });
      if (help.status !== 0) { problems.push(`'${command} --help': ${help.stderr.trim()}`); continue; }
      for (const w of words) if (w.startsWith('--') && !help.stdout.includes(w)) problems.push(`${command} has no option ${w}`);
    }
    assert.deepEqual(problems, []);
  });

  it('the GitLab job turns check\'s JSON into a Code Quality report', async () => {
    const check = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--today', TODAY, 'plans'], { cwd: FIXTURES, encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, 'account-plans-findings.json'), check.stdout);
    const findings = JSON.parse(check.stdout) as { file: string; line: number; code: string; severity: string }[];
    assert.ok(findings.some((f) => f.severity === 'error'), 'the fixtures have an error');
    const r = await runNode(nodeScript('gl-code-quality-report.json'), dir, {});
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(fs.readFileSync(path.join(dir, gitlab.artifacts.reports.codequality), 'utf8')) as {
      check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } };
    }[];
    assert.equal(report.length, findings.length);
    assert.deepEqual(report.map((q) => [q.check_name, q.location.path, q.location.lines.begin]), findings.map((f) => [f.code, f.file, f.line]));
    assert.ok(report.every((q) => ['info', 'minor', 'major'].includes(q.severity) && /^[0-9a-f]{64}$/.test(q.fingerprint)));
    assert.equal(new Set(report.map((q) => q.fingerprint)).size, report.length, 'fingerprints are unique');
  });

  it('the GitLab job posts one merge-request note and edits it on the next push', async () => {
    const notes: { id: number; body: string }[] = [{ id: 1, body: 'LGTM' }];
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => { body += d.toString(); });
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${String(req.headers['private-token'])}`);
        const url = new URL(req.url!, 'http://x');
        if (req.method === 'GET') return res.end(JSON.stringify(url.searchParams.get('page') === '1' ? notes : []));
        const text = (JSON.parse(body) as { body: string }).body;
        if (req.method === 'POST') notes.push({ id: 2, body: text });
        else notes.find((n) => url.pathname.endsWith(`/${n.id}`))!.body = text;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const env = {
        CI_API_V4_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`, CI_PROJECT_ID: '7', CI_MERGE_REQUEST_IID: '3', ACCOUNT_PLANS_TOKEN: 'secret',
      };
      const script = nodeScript('PRIVATE-TOKEN');
      fs.writeFileSync(path.join(dir, 'account-plans-report.md'), '## first report\n');
      assert.equal((await runNode(script, dir, env)).status, 0);
      fs.writeFileSync(path.join(dir, 'account-plans-report.md'), '## second report\n');
      assert.equal((await runNode(script, dir, env)).status, 0);
      assert.deepEqual(notes, [{ id: 1, body: 'LGTM' }, { id: 2, body: '<!-- account-plans-report -->\n## second report\n' }]);
      assert.deepEqual(seen.filter((s) => !s.startsWith('GET')), ['POST /api/v4/projects/7/merge_requests/3/notes secret', 'PUT /api/v4/projects/7/merge_requests/3/notes/2 secret']);
    } finally {
      server.close();
    }
  });
});
