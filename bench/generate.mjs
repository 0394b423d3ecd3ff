// Deterministic workspace generator: `node bench/generate.mjs DIR [plans=10000] [stakeholders=8] [opportunities=3] [visits=15]`.
// Same arguments, same bytes: a seeded PRNG picks names, roles, stages and dates.
import fs from 'node:fs';
import path from 'node:path';

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROLES = ['economic', 'technical', 'user', 'financial', 'coach', 'influencer'];
const LAYERS = ['decision', 'procurement', 'usage'];
const ATT = ['A', 'B+', 'B', 'B-', 'C+', 'C', 'D', 'E'];
const STAGES = ['G', 'F', 'E', 'D', 'C', 'B', 'A', 'S', 'lost'];
const TIERS = ['VIP', 'A', 'B', 'C', 'D'];
const PURPOSES = ['sign', 'relationship', 'progress', 'solution', 'research'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

const pad = (n) => String(n).padStart(2, '0');
const date = (r, fromYear, years) => `${fromYear + Math.floor(r() * years)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;

const CURRENCIES = ['CNY', 'USD', 'EUR'];
const CATEGORIES = ['pipeline', 'best-case', 'commit', 'omitted'];

/**
 * One plan's text, about 6 KB with the defaults. `mixed` gives the opportunities the variety a
 * rollup must get right (other currencies, `forecast` categories with `omitted`, own
 * probabilities, amounts with decimals, no amount, no close date, no owner); without it, the
 * same bytes as ever.
 */
export function planText(i, { stakeholders = 8, opportunities = 3, visits = 15, mixed = false } = {}) {
  const r = rng(i + 1);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const out = ['---', `account: 客户${i} Holdings ${i}`, `id: acct-${i}`, `owner: ${pick(['林山', 'Wang Lei', '周航', 'Anna Lee'])}`, `tier: ${pick(TIERS)}`,
    'industry: manufacturing', 'ownership: private', 'relationship: middle', 'competitors: [Rival One, Rival Two]', 'stakeholders:'];
  // A kept plan: a person's attitude is the one last seen at a visit (AP040 fires only where it is not).
  const attitudes = Array.from({ length: stakeholders }, () => pick(ATT));
  for (let s = 0; s < stakeholders; s++) {
    out.push(`  - id: p${s}`, `    name: ${pick(SURNAMES)}${s}号`, `    title: Manager of department ${s}`, `    department: Dept ${s}`);
    if (s > 0) out.push(`    reports_to: p${Math.floor((s - 1) / 2)}`);
    out.push(`    roles: [${ROLES[s % ROLES.length]}]`, `    layer: ${LAYERS[s % 3]}`, `    attitude: ${attitudes[s]}`, `    influence: ${pick(['high', 'medium', 'low'])}`,
      `    needs: { company: [lower cost, uptime], personal: [recognition] }`, `    notes: Met at the annual conference; prefers email before calls.`);
  }
  if (mixed && r() < 0.1) out.splice(out.findIndex((l) => l.startsWith('owner: ')), 1);
  out.push('opportunities:');
  for (let o = 0; o < opportunities; o++) {
    out.push(`  - id: o${o}`, `    name: Project ${o} for account ${i}`, `    stage: ${pick(STAGES)}`, `    amount: ${Math.floor(r() * 5000) * 1000}`,
      `    close: ${date(r, 2026, 2)}`, `    competitors: [Rival One]`, `    position: ${Math.floor(r() * 11) - 5}`, `    next: Send the revised quote and book the demo`);
    if (mixed) mix(out, r, pick);
  }
  out.push('visits:');
  for (let v = 0; v < visits; v++) {
    const a = Math.floor(r() * stakeholders);
    const b = Math.floor(r() * stakeholders);
    out.push(`  - date: ${date(r, 2025, 2)}`, `    purpose: ${pick(PURPOSES)}`, `    with: [p${a}, p${b}]`, `    by: [林山]`,
      `    opportunity: o${Math.floor(r() * opportunities)}`, `    attitudes: { p${a}: ${r() < 0.05 ? pick(ATT) : attitudes[a]} }`,
      `    summary: Reviewed the proposal; they asked about delivery and support terms.`, `    next: Follow up next week`);
  }
  out.push('---', '', `# Account ${i}`, '', 'Analysis of the customer, competitors and the project.', '');
  return out.join('\n');
}

/** Reworks the opportunity just written (the last lines of `out`) for a `mixed` plan. */
function mix(out, r, pick) {
  const at = (key) => out.findLastIndex((l) => l.startsWith(`    ${key}: `));
  if (r() < 0.3) out.push(`    currency: ${pick(CURRENCIES)}`);
  if (r() < 0.3) out.push(`    forecast: ${pick(CATEGORIES)}`);
  if (r() < 0.2) out.push(`    probability: ${Math.floor(r() * 1000) / 10}`);
  const amount = r();
  if (amount < 0.1) out.splice(at('amount'), 1);
  else if (amount < 0.5) out[at('amount')] = `    amount: ${Math.floor(r() * 5e8) / 1000}`;
  if (r() < 0.1) out.splice(at('close'), 1);
}

export function generate(dir, count, shape) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `region-${i % 20}`);
    if (i < 20) fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `acct-${i}.account.md`), planText(i, shape));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n = '10000', s = '8', o = '3', v = '15'] = process.argv.slice(2);
  if (!dir) { console.error('usage: generate.mjs DIR [plans] [stakeholders] [opportunities] [visits]'); process.exit(2); }
  generate(dir, Number(n), { stakeholders: Number(s), opportunities: Number(o), visits: Number(v) });
}
