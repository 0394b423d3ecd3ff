import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_CODES, RULE_INFO, type Severity } from '../../core/index';
import { allFindings, type CheckReport } from './findings';

export interface SarifContext {
  readonly version: string;
  readonly cwd: string;
  /** Absolute web address of the project; without it SARIF gets no informationUri and no helpUri. */
  readonly homepage?: string;
}

const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, as GitHub code scanning reads it: one run, every rule described, paths under %SRCROOT%. */
export function formatSarif(report: CheckReport, ctx: SarifContext): string {
  const rulesDoc = ctx.homepage === undefined ? undefined : rulesDocUri(ctx.homepage);
  const rules = RULE_CODES.map((id) => ({
    id,
    shortDescription: { text: `${RULE_INFO[id].title}.` },
    ...(rulesDoc === undefined ? {} : { helpUri: `${rulesDoc}#${id.toLowerCase()}` }),
    defaultConfiguration: { level: LEVEL[RULE_INFO[id].severity] },
  }));
  const results = allFindings(report).map((f) => ({
    ruleId: f.code,
    ruleIndex: (RULE_CODES as readonly string[]).indexOf(f.code),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(f.file, ctx.cwd),
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      },
    }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'account-plans',
          version: ctx.version,
          ...(ctx.homepage === undefined ? {} : { informationUri: ctx.homepage }),
          rules,
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(ctx.cwd) } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Relative to %SRCROOT% (the working directory) with forward slashes; a file outside it gets a file: URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

const directoryUri = (dir: string): string => {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
};

/** docs/rules.md of the project: on GitHub under blob/HEAD, elsewhere next to the homepage. */
function rulesDocUri(homepage: string): string {
  if (/^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(homepage)) return `${homepage}/blob/HEAD/docs/rules.md`;
  return new URL('docs/rules.md', `${homepage}/`).href;
}
