// Loading the invented report fixtures, and reading what a range covers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Range, ReportModel, Section } from '../../../src/core/recognition/model';
import { analyseReport } from '../../../src/core/recognition/analyse';

const here = dirname(fileURLToPath(import.meta.url));

export function fixture(name: string): string {
  return readFileSync(join(here, '../../fixtures/reports', name), 'utf8');
}

export function analyseFixture(name: string): { text: string; model: ReportModel } {
  const text = fixture(name);
  return { text, model: analyseReport(text, { markdown: name.endsWith('.md') }) };
}

export function slice(text: string, range: Range): string {
  return text.slice(range.start, range.end);
}

/** Grades as "area=grade" in document order, the way a reader would list them. */
export function gradeList(model: ReportModel): string[] {
  return model.judgements.map((j) => `${j.area}=${j.grade}`);
}

export function flatten(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

/** "level role: title" per section, for comparing outlines. */
export function outline(model: ReportModel): string[] {
  return flatten(model.sections).map((s) => `${s.level} ${s.role}: ${s.title}`);
}
