import { economicBuyerNotVisited, noExecutiveVisit, staleAccount, tooManyDecisionVisits } from './cadence';
import { missingRoles, negativeBuyers, noDecisionLayer, weakCoaches } from './chain';
import type { Rule } from './context';
import { attitudeDiffers, forbiddenGift } from './data';
import { closeInPast, noSupportingEconomicBuyer, singleThreaded } from './pipeline';
import { danglingReferences, duplicateIds, reportingCycles } from './references';

/** AP004–AP050, in code order. AP001–AP003 come from parsing and the schema. */
export const RULES: readonly Rule[] = [
  duplicateIds, danglingReferences, reportingCycles,
  missingRoles, noDecisionLayer, negativeBuyers, weakCoaches,
  staleAccount, economicBuyerNotVisited, tooManyDecisionVisits, noExecutiveVisit,
  closeInPast, noSupportingEconomicBuyer, singleThreaded,
  attitudeDiffers, forbiddenGift,
];
export type { Rule, RuleContext } from './context';
