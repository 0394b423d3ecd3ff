// One phase of a cold check, in a fresh process (bench/check-phases.mjs runs it): reads every plan
// under DIR and takes it as far as PHASE, each phase including the ones before it.
//   node bench/check-phases.cjs PHASE DIR TODAY
const fs = require('fs');
const path = require('path');
const [phase, dir, today] = process.argv.slice(2);
const OUT = path.join(__dirname, '..', 'out', 'src', 'core');
const PHASES = ['read', 'js-yaml', 'split', 'parse', 'validate', 'check', 'hand-off', 'output'];
const upTo = PHASES.indexOf(phase);
if (upTo < 0) throw new Error(`unknown phase ${phase}; one of ${PHASES.join(', ')}`);
const at = (p) => upTo >= PHASES.indexOf(p);

const yaml = phase === 'js-yaml' ? require('js-yaml') : undefined;
const { splitFrontmatter } = require(path.join(OUT, 'parse', 'frontmatter'));
const { parsePlan } = require(path.join(OUT, 'parse', 'parse-plan'));
const { validate } = require(path.join(OUT, 'parse', 'validate'));
const { checkPlan } = require(path.join(OUT, 'check-plan'));

const results = [];
for (const d of fs.readdirSync(dir)) {
  for (const f of fs.readdirSync(path.join(dir, d))) {
    const file = path.join(dir, d, f);
    const text = fs.readFileSync(file, 'utf8');
    if (phase === 'js-yaml') { yaml.load(text.slice(4, text.indexOf('\n---', 4))); continue; }
    if (phase === 'split') { splitFrontmatter(text); continue; }
    if (phase === 'parse') { parsePlan(text); continue; }
    if (phase === 'validate') {
      const parsed = parsePlan(text);
      if (parsed.data && parsed.locator && !parsed.fatal.length) validate(parsed.data, parsed.locator, f);
      continue;
    }
    if (!at('check')) continue;
    const a = checkPlan(text, { fileName: file, today, cacheParse: false });
    // What a worker sends back for `check` (findings only), cloned as postMessage clones it.
    const r = at('hand-off') ? structuredClone({ fileName: a.fileName, findings: a.findings }) : a;
    if (at('output')) results.push(r);
  }
}
if (at('output')) process.stdout.write(JSON.stringify(results).length + '\n');
