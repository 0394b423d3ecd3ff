import * as vscode from 'vscode';
import {
  ATTITUDES, ATTITUDE_INFO, BUYING_ROLES, LAYERS, LAYER_INFO, PURPOSES, PURPOSE_INFO, ROLE_INFO, STAGES, STAGE_INFO, TIERS,
  appendListItem, attitudeLetter, stageSteps, byName, checkPlan, isPlanFile, newPlanText, setScalar, slugify, stakeholderEntry, todayLocal, visitEntry,
  type Attitude, type BuyingRole, type ListKey, type Plan, type Tier,
} from '../../../core';
import { COMMANDS } from '../../constants';
import type { PlanIndex } from '../../index/plan-index';
import { workspacePlanFiles } from '../../index/workspace-plan-files';
import type { Services } from '../../services';
import { applyPlanEdit, type EditBasis } from './apply-edit';
import type { Prompter } from './prompter';
import { t } from '../../words';

/** New Account Plan, Log Visit, Move Stage, Add Stakeholder. */
export function activate(context: vscode.ExtensionContext, { index, tracker, prompter }: Services): void {
  const ask = () => prompter();
  const plans = () => tracker.workspace.open('a command lists the plans');
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newPlan, (folder?: vscode.Uri) => newPlan(ask(), folder)),
    vscode.commands.registerCommand(COMMANDS.logVisit, (target?: unknown) => withPlan(index, plans, ask(), target, (read) => logVisit(ask(), read))),
    vscode.commands.registerCommand(COMMANDS.moveStage, (target?: unknown, opportunity?: number) =>
      withPlan(index, plans, ask(), target, (read) => moveStage(ask(), read, opportunity))),
    vscode.commands.registerCommand(COMMANDS.addStakeholder, (target?: unknown, role?: BuyingRole) =>
      withPlan(index, plans, ask(), target, (read) => addStakeholder(ask(), read, role))),
  );
}

/** A plan as a command read it: the document, the version read, and the plan in it then. */
interface PlanRead {
  readonly doc: vscode.TextDocument;
  readonly version: number;
  readonly plan: Plan;
}

/** The plan a command works on: its argument (a URI, or a tree node with one), else the active editor, else a pick. */
async function withPlan<T>(index: PlanIndex, plans: () => Promise<unknown>, ask: Prompter, target: unknown, run: (read: PlanRead) => Promise<T>): Promise<T | undefined> {
  // The pick lists every plan: the workspace must have been searched (see WorkspaceScanGate).
  if (!uriOf(target) && !activePlan()) await plans().catch(() => undefined);
  const uri = uriOf(target) ?? activePlan() ?? (await ask.pick(t('ext.whichPlan'), index.entries()
    .map((e) => ({ label: e.analysis.plan?.account ?? e.uri.path.split('/').pop() ?? '', description: vscode.workspace.asRelativePath(e.uri), value: e.uri }))
    .sort((a, b) => byName(a.label, b.label))));
  if (!uri) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  // The buffer as it is now (it may be ahead of the index by a debounce), parsed by the engine.
  const version = doc.version;
  const plan = planIn(doc, doc.getText());
  if (!plan) {
    void vscode.window.showErrorMessage(t('ext.noFrontmatter', { file: vscode.workspace.asRelativePath(uri) }));
    return undefined;
  }
  return run({ doc, version, plan });
}

const planIn = (doc: vscode.TextDocument, text: string): Plan | undefined => checkPlan(text, { fileName: doc.uri.path, today: todayLocal() }).plan;

/** How appending to a list is applied: rebuilt on a changed buffer when `fits`; a non-list is named. */
function appendBasis(read: PlanRead, key: ListKey, fits: (plan: Plan) => boolean): EditBasis {
  return {
    version: read.version,
    stillFits: (text) => { const plan = planIn(read.doc, text); return !!plan && fits(plan); },
    declined: (text) => (planIn(read.doc, text) ? t('ext.notAList', { file: vscode.workspace.asRelativePath(read.doc.uri), key }) : undefined),
  };
}

function uriOf(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  const t = target as { uri?: unknown; resourceUri?: unknown } | undefined;
  if (t?.uri instanceof vscode.Uri) return t.uri;
  if (typeof t?.uri === 'string') return vscode.Uri.parse(t.uri);
  if (t?.resourceUri instanceof vscode.Uri) return t.resourceUri;
  return undefined;
}

function activePlan(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && isPlanFile(uri.path) ? uri : undefined;
}

async function newPlan(ask: Prompter, folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const account = await ask.input(t('cmd.accountName'), { validate: (v) => (v.trim() ? undefined : t('cmd.nameRequired')) });
  if (!account) return undefined;
  const tier = await ask.pick<Tier | ''>(t('cmd.tier'), [...TIERS.map((x) => ({ label: x, value: x })), { label: t('cmd.noTier'), value: '' }]);
  if (tier === undefined) return undefined;
  const owner = await ask.input(t('cmd.owner'), { placeholder: t('cmd.optional') });
  if (owner === undefined) return undefined;
  const base = folder ?? (await pickFolder(ask));
  if (!base) return undefined;
  const id = slugify(account);
  let uri = vscode.Uri.joinPath(base, `${id}.account.md`);
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(base, `${id}-${n}.account.md`);
  const text = newPlanText({ account: account.trim(), tier: tier || undefined, owner: owner.trim() || undefined });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function pickFolder(ask: Prompter): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  const choices = folders.map((f) => ({ label: f.name, description: f.uri.scheme === 'file' ? f.uri.fsPath : f.uri.toString(true), value: f.uri }));
  // Next to the active file wherever it lives on a file system (on github.dev too), not next to an untitled buffer.
  if (active && workspacePlanFiles.hasFileSystem(active)) choices.unshift({ label: t('cmd.nextToFile'), description: vscode.workspace.asRelativePath(vscode.Uri.joinPath(active, '..')), value: vscode.Uri.joinPath(active, '..') });
  if (choices.length <= 1) return choices[0]?.value;
  return ask.pick(t('cmd.folder'), choices);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

const people = (plan: Plan) => plan.stakeholders.filter((s): s is typeof s & { id: string } => s.id !== undefined);

async function logVisit(ask: Prompter, read: PlanRead): Promise<boolean> {
  const { doc, plan } = read;
  const date = await ask.input(t('cmd.visitDate'), { value: todayLocal(), validate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : t('cmd.dateForm')) });
  if (!date) return false;
  const purpose = await ask.pick(t('cmd.purpose'), PURPOSES.map((p) => ({ label: p, description: PURPOSE_INFO[p].zh, value: p })));
  if (!purpose) return false;
  const met = await ask.pickMany(t('cmd.whom'), people(plan).map((s) => ({ label: s.name ?? s.id, description: [s.title, s.roles?.join(', ')].filter(Boolean).join(' · '), value: s.id })));
  if (!met) return false;
  const opportunity = await ask.pick<string>(t('cmd.opportunity'), [{ label: t('cmd.none'), value: '' }, ...plan.opportunities.flatMap((o) => (o.id ? [{ label: o.name ?? o.id, description: o.stage, value: o.id }] : []))]);
  if (opportunity === undefined) return false;
  const attitudes: Record<string, Attitude> = {};
  for (const id of met) {
    const s = plan.stakeholders.find((x) => x.id === id);
    const seen = await ask.pick<Attitude | ''>(t('cmd.attitudeSeen', { name: s?.name ?? id }), [{ label: t('cmd.notAssessed'), value: '' }, ...attitudeChoices(s?.attitude)]);
    if (seen === undefined) return false;
    if (seen) attitudes[id] = seen;
  }
  const summary = await ask.input(t('cmd.summary'));
  if (summary === undefined) return false;
  const next = await ask.input(t('cmd.nextStep'));
  if (next === undefined) return false;
  const entry = visitEntry({ date, purpose, with: met, opportunity: opportunity || undefined, attitudes, summary: summary.trim() || undefined, next: next.trim() || undefined });
  // On a changed buffer the visit is still written if everyone met (and the deal) is still there.
  const fits = (now: Plan) => met.every((id) => now.stakeholders.some((s) => s.id === id)) && (!opportunity || now.opportunities.some((o) => o.id === opportunity));
  return applyPlanEdit(doc, (text) => appendListItem(text, 'visits', entry), appendBasis(read, 'visits', fits));
}

const attitudeChoices = (current?: Attitude) => ATTITUDES.map((a) => ({
  label: a, description: `${ATTITUDE_INFO[attitudeLetter(a)].en} · ${ATTITUDE_INFO[attitudeLetter(a)].zh}`, value: a, picked: a === current,
}));

async function moveStage(ask: Prompter, read: PlanRead, index?: number): Promise<boolean> {
  const { doc, plan } = read;
  const opp = index !== undefined ? plan.opportunities.find((o) => o.index === index)
    : await ask.pick(t('cmd.whichOpportunity'), plan.opportunities.map((o) => ({ label: o.name ?? o.id ?? `#${o.index + 1}`, description: o.stage, value: o })));
  if (!opp) return false;
  const stage = await ask.pick(t('cmd.moveTo', { name: opp.name ?? opp.id ?? '' }), STAGES.map((s) => ({
    label: s, description: `${STAGE_INFO[s].probability}% · ${STAGE_INFO[s].ourStep}`, detail: STAGE_INFO[s].customerStep ? t('tree.customerStep', { step: STAGE_INFO[s].customerStep, text: stageSteps(t, s).customerStep }) : undefined, value: s, picked: s === opp.stage,
  })));
  if (!stage || stage === opp.stage) return false;
  // On a changed buffer the same place must still hold the same deal, at the stage it was shown at.
  const same = (now: Plan) => { const o = now.opportunities.find((x) => x.index === opp.index); return !!o && o.id === opp.id && o.name === opp.name && o.stage === opp.stage; };
  return applyPlanEdit(doc, (text) => setScalar(text, ['opportunities', opp.index, 'stage'], stage), {
    version: read.version,
    stillFits: (text) => { const now = planIn(doc, text); return !!now && same(now); },
  });
}

async function addStakeholder(ask: Prompter, read: PlanRead, role?: BuyingRole): Promise<boolean> {
  const { doc, plan } = read;
  const taken = new Set(people(plan).map((s) => s.id));
  const name = await ask.input(t('cmd.name'), { validate: (v) => (v.trim() ? undefined : t('cmd.nameRequired')) });
  if (!name) return false;
  let suggested = slugify(name);
  for (let n = 2; taken.has(suggested); n++) suggested = `${slugify(name)}-${n}`;
  const id = await ask.input(t('cmd.id'), { value: suggested, validate: (v) => (!/^\S+$/.test(v) ? t('cmd.idWhiteSpace') : taken.has(v) ? t('cmd.idTaken') : undefined) });
  if (!id) return false;
  const title = await ask.input(t('cmd.jobTitle'), { placeholder: t('cmd.optional') });
  if (title === undefined) return false;
  const roles = await ask.pickMany(t('cmd.roles'), BUYING_ROLES.map((r) => ({ label: r, description: ROLE_INFO[r].zh, detail: t(`role.${r}.cares`), value: r, picked: r === role })));
  if (!roles) return false;
  const layer = await ask.pick<string>(t('cmd.layer'), [...LAYERS.map((l) => ({ label: l, description: LAYER_INFO[l].zh, value: l as string })), { label: t('cmd.unknown'), value: '' }]);
  if (layer === undefined) return false;
  const attitude = await ask.pick<Attitude | ''>(t('cmd.attitude'), [{ label: t('cmd.unknown'), value: '' }, ...attitudeChoices()]);
  if (attitude === undefined) return false;
  const entry = stakeholderEntry({ id, name: name.trim(), title: title.trim() || undefined, roles, layer: layer || undefined, attitude: attitude || undefined });
  // On a changed buffer the person is still added if the id is still free.
  return applyPlanEdit(doc, (text) => appendListItem(text, 'stakeholders', entry), appendBasis(read, 'stakeholders', (now) => !now.stakeholders.some((s) => s.id === id)));
}
