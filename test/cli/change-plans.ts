/** Plans for `diff` and `report` tests: one account as YAML, with what a change touches. */
export interface PlanSpec {
  id: string;
  account: string;
  deal?: { name: string; stage: string; amount?: number; close?: string; next?: string };
  people?: { id: string; name: string; roles: string[]; attitude?: string; left?: string }[];
  visits?: { date: string; with: string[]; attitudes?: Record<string, string> }[];
}

const q = (s: string): string => JSON.stringify(s);

/** A plan's text; every string is written as a double-quoted YAML scalar, so any text goes. */
export function planText(p: PlanSpec): string {
  const lines = ['---', `id: ${p.id}`, `account: ${q(p.account)}`, 'tier: B'];
  if (p.people?.length) {
    lines.push('stakeholders:');
    for (const s of p.people) {
      lines.push(`  - id: ${s.id}`, `    name: ${q(s.name)}`, `    roles: [${s.roles.join(', ')}]`);
      if (s.attitude) lines.push(`    attitude: ${s.attitude}`);
      if (s.left) lines.push(`    left: ${s.left}`);
    }
  }
  if (p.deal) {
    const d = p.deal;
    lines.push('opportunities:', '  - id: deal', `    name: ${q(d.name)}`, `    stage: ${d.stage}`);
    if (d.amount !== undefined) lines.push(`    amount: ${d.amount}`);
    if (d.close) lines.push(`    close: ${d.close}`);
    if (d.next) lines.push(`    next: ${q(d.next)}`);
  }
  if (p.visits?.length) {
    lines.push('visits:');
    for (const v of p.visits) {
      lines.push(`  - date: ${v.date}`, '    purpose: solution', `    with: [${v.with.join(', ')}]`);
      if (v.attitudes) lines.push(`    attitudes: { ${Object.entries(v.attitudes).map(([k, a]) => `${k}: ${a}`).join(', ')} }`);
    }
  }
  lines.push('---', '', `# ${p.id}`, '');
  return lines.join('\n');
}

/** Hengtong Bank before the change: a deal at C closing this quarter, a doubter, no economic buyer. */
export const HENGTONG_BEFORE: PlanSpec = {
  id: 'hengtong', account: 'Hengtong Bank',
  deal: { name: 'Core banking renewal', stage: 'C', amount: 1000000, close: '2026-12-15' },
  people: [{ id: 'li', name: '李卫东', roles: ['technical', 'coach'], attitude: 'D' }],
  visits: [{ date: '2026-10-02', with: ['li'] }],
};

/** …and after: stage B, pushed into next quarter, 李卫东 won over at a visit, an economic buyer. */
export const HENGTONG_AFTER: PlanSpec = {
  ...HENGTONG_BEFORE,
  deal: { name: 'Core banking renewal', stage: 'B', amount: 1000000, close: '2027-01-20', next: 'send the contract draft' },
  people: [
    { id: 'li', name: '李卫东', roles: ['technical', 'coach'] },
    { id: 'wang', name: 'Wang Hang', roles: ['economic'], attitude: 'B' },
  ],
  visits: [{ date: '2026-10-02', with: ['li'] }, { date: '2026-11-20', with: ['li', 'wang'], attitudes: { li: 'B' } }],
};

export const WATER: PlanSpec = {
  id: 'water', account: 'Jiangcheng Water',
  deal: { name: 'Pump cameras', stage: 'E', amount: 500000, close: '2026-12-01' },
  people: [{ id: 'he', name: 'He Jianping', roles: ['economic'], attitude: 'C' }],
};

/** Text that tries to inject links, images, tags, mentions and references, with pipes, backticks, newlines and CJK. */
export const HOSTILE_ACCOUNT = '[click](https://evil.example/x) <script>alert(1)</script> @octocat #123 恒通';
export const HOSTILE_DEAL = '![img](https://evil.example/i.png) | pipe `tick` **bold** www.evil.example';
export const HOSTILE_PERSON = '@admin GH-12 deadbeefcafe1234 <img src=x onerror=alert(1)>';
export const HOSTILE_NEXT = 'see octo/repo#7\n# not a heading\n| a | b |\n</details><a href="//evil">x</a> 中文';
