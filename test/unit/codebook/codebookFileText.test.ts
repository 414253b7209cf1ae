// An imported codebook written as `.inspection-codebook.json`: the exact text, and that reading it back
// (as the extension does on start) gives exactly the imported themes, whatever the defaults are.

import assert from 'node:assert/strict';
import { codebookFileText } from '../../../src/core/exports/codebookFile';
import type { Codebook } from '../../../src/core/tags/codebook/codebookModel';
import { parseCodebookFile } from '../../../src/core/tags/codebook/codebookFile';
import { resolveCodebook } from '../../../src/core/tags/codebook/codebookResolve';
import { defaultCodebook } from '../../../src/core/tags/codebook/defaultCodebook';
import { smallCodebook } from './helpers';

/** Imported from another tool: nested groups, descriptions, a theme without cues, text needing JSON escapes. */
function importedCodebook(): Codebook {
  return {
    groups: [
      {
        id: 'practice',
        label: 'Practice',
        description: 'How social work is done',
        themes: [{ id: 'practice.visits', label: 'Visits "seen alone"', description: 'Children seen\non their own', colour: '#123abc', cues: ['seen alone', 'visit*'], groupId: 'practice' }],
      },
      {
        id: 'practice.planning',
        label: 'Planning',
        parent: 'practice',
        themes: [
          { id: 'practice.planning.plo', label: 'Pre-proceedings (PLO)', colour: '#a0509e', cues: [], groupId: 'practice.planning' },
          { id: 'practice.planning.drift', label: 'Drift & delay', colour: '#b8652a', cues: ['drift'], groupId: 'practice.planning' },
        ],
      },
    ],
  };
}

describe('codebook file text', () => {
  it('writes replace mode, groups then themes, each theme naming its group, optional fields only when set', () => {
    assert.equal(
      codebookFileText(importedCodebook()),
      `{
  "mode": "replace",
  "groups": [
    {
      "id": "practice",
      "label": "Practice",
      "description": "How social work is done"
    },
    {
      "id": "practice.planning",
      "label": "Planning",
      "parent": "practice"
    }
  ],
  "themes": [
    {
      "id": "practice.visits",
      "label": "Visits \\"seen alone\\"",
      "description": "Children seen\\non their own",
      "colour": "#123abc",
      "cues": [
        "seen alone",
        "visit*"
      ],
      "group": "practice"
    },
    {
      "id": "practice.planning.plo",
      "label": "Pre-proceedings (PLO)",
      "colour": "#a0509e",
      "group": "practice.planning"
    },
    {
      "id": "practice.planning.drift",
      "label": "Drift & delay",
      "colour": "#b8652a",
      "cues": [
        "drift"
      ],
      "group": "practice.planning"
    }
  ]
}
`,
    );
  });

  it('parses back without a problem and resolves to exactly the imported codebook, replacing the defaults', () => {
    const text = codebookFileText(importedCodebook());
    const parsed = parseCodebookFile(text);
    assert.deepEqual(parsed.problems, []);
    for (const defaults of [defaultCodebook(), smallCodebook()]) {
      const { codebook, problems } = resolveCodebook(defaults, text);
      assert.deepEqual(problems, []);
      assert.deepEqual(codebook, importedCodebook());
    }
  });

  it('round-trips the built-in codebook unchanged', () => {
    const { codebook, problems } = resolveCodebook(smallCodebook(), codebookFileText(defaultCodebook()));
    assert.deepEqual(problems, []);
    assert.deepEqual(codebook, defaultCodebook());
  });

  it('writes an empty codebook as an empty replacement (no themes at all)', () => {
    const text = codebookFileText({ groups: [] });
    assert.equal(text, '{\n  "mode": "replace",\n  "groups": [],\n  "themes": []\n}\n');
    assert.deepEqual(resolveCodebook(defaultCodebook(), text).codebook, { groups: [] });
  });
});
