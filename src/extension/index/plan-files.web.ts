import type { PlanFiles } from './plan-files-api';
import { workspacePlanFiles } from './workspace-plan-files';

export type { DiskStamp, PlanFiles } from './plan-files-api';

/** The browser build's plan files (esbuild.js puts this module in plan-files.ts's place): no Node fs there. */
export const planFiles: PlanFiles = workspacePlanFiles;
