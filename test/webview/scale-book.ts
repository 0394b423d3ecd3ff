/** A book of 30,000 open deals for the Forecast at scale: the webview test, its picture and bench/webview-scale.mjs. */
import { checkPlan, type PlanEntry } from '../../src/core';
import { TODAY } from './forecast-page';

export const PLANS = 1000;
export const DEALS = 30;
export const OWNERS = ['Anna Lee', 'Wang Lei', '林山', '周航'];
const OPEN = ['G', 'F', 'E', 'D', 'C', 'B', 'A'];

/** 1,000 plans of 30 open deals each (30,000 in CNY), owner i mod 4: as many deals as 10,000 plans of 3. */
export function bigBook(plans = PLANS): PlanEntry[] {
  return Array.from({ length: plans }, (_, i) => {
    const deals = Array.from({ length: DEALS }, (_, d) =>
      `  - { id: o${d}, name: Deal ${i}-${d}, stage: ${OPEN[(i + d) % OPEN.length]}, amount: ${1000 * (1 + ((i * 31 + d * 17) % 997))}, close: 2027-${String(1 + (d % 12)).padStart(2, '0')}-15 }`);
    const text = ['---', `account: Account ${String(i).padStart(4, '0')}`, `owner: ${OWNERS[i % OWNERS.length]}`, 'tier: B', 'opportunities:', ...deals, '---', ''].join('\n');
    return { uri: `file:///repo/scale/p${i}.account.md`, analysis: checkPlan(text, { fileName: `p${i}.account.md`, today: TODAY }) };
  });
}
