// The recognition engine's entry points: analyse a report's text into a ReportModel.
import type { ReportModel } from './model';
import { ReportAnalyser } from './incrementalAnalyser';
import type { AnalyseOptions } from './incrementalAnalyser';

export { ReportAnalyser } from './incrementalAnalyser';
export type { AnalyseOptions } from './incrementalAnalyser';
export { LineIndex } from '../platform/text/lineIndex';

/** Analyse one text from scratch. Never throws; a document with no recognisable structure gives an empty model. */
export function analyseReport(text: string, options: AnalyseOptions = {}): ReportModel {
  return new ReportAnalyser(options).analyse(typeof text === 'string' ? text : '');
}
