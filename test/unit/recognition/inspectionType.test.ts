// ILACS short and standard inspections, told apart by the report's own dates: a short inspection is one week
// on site (for authorities last judged good or outstanding), a standard one two.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { outlineText } from '../../../src/core/navigation/outlineFormat';

const fixture = readFileSync(join(import.meta.dirname, '../../fixtures/reports/ilacs-2019-westmere.txt'), 'utf8');
const withDates = (dates: string): string => fixture.replace('Inspection dates: 4 March 2019 to 15 March 2019', `Inspection dates: ${dates}`);

describe('recognition: ILACS short and standard inspections', () => {
  it('reads two weeks on site as a standard inspection and says so in the outline', () => {
    const model = analyseReport(fixture);
    assert.equal(model.metadata.inspectionType, 'standard');
    assert.match(outlineText(model), /^ILACS inspection report \(standard inspection\)/);
  });

  it('reads one week on site as a short inspection, in either way of writing the dates', () => {
    for (const dates of ['15 April to 19 April 2019', '15 to 19 April 2019', '29 April 2019 to 3 May 2019']) {
      const text = withDates(dates);
      assert.notEqual(text, fixture);
      assert.equal(analyseReport(text).metadata.inspectionType, 'short', dates);
    }
  });

  it('says nothing when the inspection came in two parts, or for a report of another kind', () => {
    assert.equal(analyseReport(withDates('8 July 2019 to 12 July 2019 and 7 August 2019')).metadata.inspectionType, undefined);
    const send = readFileSync(join(import.meta.dirname, '../../fixtures/reports/area-send-2024-millbrook.txt'), 'utf8');
    assert.equal(analyseReport(send).metadata.inspectionType, undefined);
  });
});
