import * as assert from 'assert';
import { factLines } from '../../src/core';

describe('factLines (git textconv)', () => {
  const PLAN = `---
account: "Acme"   # comment
tier: A
stakeholders:
  - id: lin
    name: Lin
    grid: { personal: 3, company: B }
    roles: [technical, coach]
opportunities:
  - name: No id
    stage: C
visits:
  - date: 2026-02-01
    purpose: sign
    summary: "two\\nlines"
  - date: 2026-01-01
    with: [lin]
  - date: 2026-03-01
---

# Body
`;

  it('writes one fact per line, named by its item, visits in date order, body as written', () => {
    assert.equal(factLines(PLAN), [
      'account: Acme',
      'tier: A',
      'stakeholder lin: name: Lin',
      'stakeholder lin: grid.personal: 3',
      'stakeholder lin: grid.company: B',
      'stakeholder lin: roles: [technical, coach]',
      'opportunity No id: name: No id',
      'opportunity No id: stage: C',
      'visit 2026-01-01: with: [lin]',
      'visit 2026-02-01 sign: summary: two\\nlines',
      'visit 2026-03-01',
      '---',
      '',
      '# Body',
      '',
    ].join('\n'));
  });

  it('does not depend on layout, quoting or comments', () => {
    const relaid = PLAN.replace('account: "Acme"   # comment', "account: 'Acme'").replace('grid: { personal: 3, company: B }', 'grid:\n      personal: 3\n      company: B');
    assert.equal(factLines(relaid), factLines(PLAN));
  });

  it('gives a file that does not parse back as it is', () => {
    for (const text of ['no frontmatter\n', '---\naccount: [\n---\n', '---\n- a list\n---\n']) assert.equal(factLines(text), text);
  });
});
