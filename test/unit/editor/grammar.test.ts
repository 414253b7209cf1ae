import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { grammar, gradesOnLine, scopeLine } from './grammarMatcher';

const packageJson = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
  contributes: { grammars: { language: string; scopeName: string; path: string }[]; languages: { id: string; firstLine?: string }[] };
};

describe('TextMate grammar (inspection-report)', () => {
  it('is the grammar the manifest contributes for the report language', () => {
    const entry = packageJson.contributes.grammars.find((g) => g.language === 'inspection-report');
    assert.equal(entry?.path, './syntaxes/inspection-report.tmLanguage.json');
    assert.equal(entry?.scopeName, (grammar as unknown as { scopeName: string }).scopeName);
  });

  it('scopes the grade of judgement table rows, also when the grade wraps', () => {
    assert.deepEqual(gradesOnLine(' The impact of leaders on social work        Outstanding'), ['Outstanding']);
    assert.deepEqual(gradesOnLine(' Overall effectiveness                       Requires improvement to be good'), ['Requires improvement to be good']);
    assert.deepEqual(gradesOnLine('3. Leadership, management and governance\tInadequate'), ['Inadequate']);
    assert.deepEqual(gradesOnLine(' The experiences and progress of             Requires'), ['Requires']);
    assert.deepEqual(gradesOnLine(' children who need help and protection       improvement to be good'), ['improvement to be good']);
    assert.deepEqual(gradesOnLine('                                             Good'), ['Good']);
    assert.deepEqual(gradesOnLine('| Overall effectiveness | Good |'), ['Good']);
  });

  it('scopes headings that end in their grade, whole or wrapped', () => {
    assert.deepEqual(gradesOnLine('The experiences and progress of children in care: good'), ['good']);
    assert.deepEqual(gradesOnLine('## The experiences and progress of care leavers: Requires improvement to be good'), ['Requires improvement to be good']);
    assert.deepEqual(gradesOnLine('The experiences and progress of children in care and care leavers is outstanding'), ['outstanding']);
    assert.deepEqual(gradesOnLine('protection: inadequate'), ['inadequate']);
    assert.deepEqual(gradesOnLine('practice with children and families: good'), ['good']);
    assert.deepEqual(gradesOnLine("The experiences and progress of children in care - 'Outstanding'"), ['Outstanding']);
    assert.deepEqual(gradesOnLine('The overall judgement is requires improvement'), ['requires improvement']);
    assert.deepEqual(gradesOnLine('The graded judgement for adoption performance is that it is good'), ['good']);
  });

  it('never scopes a grade word in ordinary prose', () => {
    const prose = [
      'Leaders have made good progress since the last inspection, when services were judged inadequate.',
      'Children receive outstanding support from their workers, who know them well and are good',
      'at building relationships. Practice requires improvement in a small number of cases.',
      '1.     Most children in care live in good, stable homes.',
      '       Good',
      'Inspectors found that the quality of assessments is good.',
      'The experiences of children in care are good.',
      'The local authority was judged to be good',
      'Overall, the help children receive is good, and leaders know where it is not yet outstanding.',
      '◼ Good quality supervision for all social workers.',
      'Children said: good',
    ];
    for (const line of prose) assert.deepEqual(gradesOnLine(line), [], line);
  });

  it('scopes known section headings and title lines, not sentences that start the same way', () => {
    const heading = (line: string) => scopeLine(line).filter((s) => s.scope.includes('markup.heading')).map((s) => s.text);
    assert.deepEqual(heading('What needs to improve?1'), ['What needs to improve?']);
    assert.deepEqual(heading('What needs to improve in this area of social work practice?'), ['What needs to improve in this area of social work practice?']);
    assert.deepEqual(heading('Headline findings'), ['Headline findings']);
    assert.deepEqual(heading('Focused visit to Westmere children’s services'), ['Focused visit to Westmere children’s services']);
    assert.deepEqual(heading('Main findings show that children are safe.'), []);
    assert.deepEqual(heading('Overview of the service is strong'), []);
  });

  it('marks page footers, numbered paragraphs, bullets and framework references', () => {
    const scopes = (line: string) => scopeLine(line).map((s) => `${s.scope.split(' ')[0]}=${s.text.trim()}`);
    assert.deepEqual(scopes('2 to 13 June 2025                                                         4'), ['comment.line.page-footer.inspection-report=2 to 13 June 2025                                                         4']);
    assert.deepEqual(scopes('12. Social workers visit children regularly.'), ['markup.list.numbered.inspection-report=12.']);
    assert.deepEqual(scopes('\uF06E Timely help for children (outcome 2, national framework)'), [
      'punctuation.definition.list.begin.inspection-report=\uF06E',
      'markup.italic.framework-reference.inspection-report=(outcome 2, national framework)',
    ]);
    assert.deepEqual(scopes('Inspection dates: 2 to 13 June 2025').slice(0, 1), ['variable.other.metadata.inspection-report=Inspection dates']);
  });

  it('gives a first-line pattern that matches report openings and not other text', () => {
    const firstLine = new RegExp(packageJson.contributes.languages.find((l) => l.id === 'inspection-report')!.firstLine!);
    for (const ok of [
      'Inspection of Westmere local authority',
      'Inspection of Westmere local authority children’s services',
      'Inspection of Eastfold Children’s Trust',
      'Focused visit to Westmere children’s services',
      "Monitoring visit to Westmere children's services",
      'Area SEND inspection of Westmere Local Area Partnership',
      'Inspection of services for children in need of help and protection, children looked after and care leavers',
    ])
      assert.match(ok, firstLine);
    for (const no of ['Inspection checklist', 'Notes on the inspection of the boiler', '# README']) assert.doesNotMatch(no, firstLine);
  });
});
