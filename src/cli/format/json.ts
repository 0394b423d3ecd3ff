import { allFindings, type CheckReport } from './findings';

/** One array of findings, files in report order, each file's findings by position. */
export const formatJson = (report: CheckReport): string => `${JSON.stringify(allFindings(report), null, 2)}\n`;
