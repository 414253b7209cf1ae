// Report kinds from the document's own title words, never its year, and never from a kind it only mentions.
// Every opening below is invented, written in the style of its era.
import * as assert from 'node:assert/strict';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { KIND_WORDS } from '../../../src/core/vocabulary/labels';
import { REPORT_KINDS } from '../../../src/core/recognition/model';

const BODY = [
  '',
  'Inspectors found that most children are seen promptly and that their plans are reviewed in good',
  'time. Managers know their services well and act on what audits tell them.',
  '',
].join('\n');

const LETTER_HEAD = [
  'Ofsted',
  'Piccadilly Gate         T 0300 123 1231',
  'Store Street            enquiries@ofsted.gov.uk',
  'Manchester              www.gov.uk/ofsted',
  '',
  '14 March 2019',
  '',
  'Ms Jo Perrin',
  'Director of Children\'s Services',
  'Westhaven Borough Council',
  '',
  'Dear Ms Perrin',
  '',
].join('\n');

const OPENINGS: Record<string, string> = {
  'ilacs-inspection': 'Inspection of Westhaven Borough\nCouncil children\'s services\nInspection dates: 4 to 15 March 2024\nLead inspector: Ann Reed, His Majesty\'s Inspector\n',
  'sif-inspection': 'Westhaven Borough Council\nInspection of services for children in need of help and\nprotection, children looked after and care leavers\nand\nReview of the effectiveness of the Local Safeguarding Children Board\nInspection date: 2 March 2015 to 26 March 2015\n',
  'sif-reinspection': 'Westhaven Borough Council\nRe-inspection of services for children in need of help and\nprotection, children looked after and care leavers\nInspection dates: 9–24 November 2017\nReport published: 19 January 2018\n',
  'lac-inspection-2013': 'Inspection of looked after children\nservices\nWesthaven Borough Council\nInspection dates:   15-19 July 2013\nReporting inspector Ann Reed HMI\n\nWesthaven Borough Council Inspection of safeguarding and looked after children    1\n',
  'cp-inspection-2013': 'Inspection of local authority\narrangements for the protection of\nchildren\nWesthaven Borough Council\nInspection dates:   4-15 February 2013\nReporting inspector Ann Reed HMI\n',
  jtai: `${LETTER_HEAD}Joint targeted area inspection of the multi-agency response to\nchildren and families who need help in Westhaven\n\nThis letter summarises the findings of the joint targeted area inspection (JTAI) of the\nmulti-agency response to children and families who need help in Westhaven.\n`,
  'focused-visit': `${LETTER_HEAD}Focused visit to Westhaven children's services\n\nThis letter summarises the findings of a focused visit to Westhaven children's services\non 12 and 13 February 2019.\n`,
  'monitoring-visit': `${LETTER_HEAD}Monitoring visit to Westhaven children's services\n\nThis letter summarises the findings of the monitoring visit to Westhaven children's\nservices on 5 February 2020.\n`,
  'area-send': 'Local area partnership report\nArea SEND inspection of Westhaven Local\nArea Partnership\nInspection dates: 4 to 8 March 2024\n',
  'committee-paper': 'Report to: Children\'s Services Scrutiny Committee\nDate of meeting: 12 March 2024\nSubject: Ofsted inspection of children\'s services\n',
};

describe('recognition: report kinds from the document\'s own title', () => {
  for (const [kind, opening] of Object.entries(OPENINGS)) {
    it(`reads ${kind} from its opening`, () => {
      assert.equal(analyseReport(opening + BODY).kind, kind);
    });
  }

  it('has a fixture for every kind but "unknown", and words for every kind', () => {
    assert.deepEqual(Object.keys(OPENINGS).sort(), REPORT_KINDS.filter((k) => k !== 'unknown').sort());
    for (const kind of REPORT_KINDS) assert.ok(KIND_WORDS[kind].title.length > 0, kind);
  });

  it('keeps an ILACS report an ILACS report when its opening mentions an earlier JTAI and SIF inspection', () => {
    const text = `${OPENINGS['ilacs-inspection']!}\nServices for children in Westhaven have declined since the last inspection, the\nJoint targeted area inspection of the multi-agency response to neglect, in April 2017.\nThe re-inspection of services for children in need of help and protection in 2016 found\nthem good.\n${BODY}`;
    assert.equal(analyseReport(text).kind, 'ilacs-inspection');
  });

  it('keeps a focused visit a focused visit when it mentions a re-inspection and a monitoring visit before its own title line', () => {
    const text = `${LETTER_HEAD.replace('Dear Ms Perrin', 'Dear Ms Perrin\n\nFollowing the re-inspection of services for children in need of help and\nprotection and the monitoring visit to Westhaven in 2018, this letter follows up.')}\nFocused visit to Westhaven children's services\n${BODY}`;
    assert.equal(analyseReport(text).kind, 'focused-visit');
  });

  it('keeps a 2013 looked-after children inspection apart from the child protection inspection it mentions', () => {
    const text = `${OPENINGS['lac-inspection-2013']!}\n9.    Since Ofsted's inspection of local authority arrangements for the protection of\n      children in January 2013, managers have strengthened the front door.\n${BODY}`;
    assert.equal(analyseReport(text).kind, 'lac-inspection-2013');
  });

  it('reads a JTAI letter whose title line the conversion lost from its first sentence', () => {
    const text = `${LETTER_HEAD}\nThis letter summarises the findings of the joint targeted area inspection (JTAI) of the\nmulti-agency response to children who are victims of exploitation in Westhaven.\n${BODY}`;
    assert.equal(analyseReport(text).kind, 'jtai');
  });
});
