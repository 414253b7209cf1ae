// A huge file must not freeze the editor: documents over the size limit are not analysed, and the user is told.
// At the limit, analysis (cold, and again after an edit) must stay short.

import { strict as assert } from 'node:assert';
import { analysisSizeVerdict, DEFAULT_MAX_ANALYSED_MB } from '../../../src/core/recognition/analysisLimit';
import { ReportAnalyser } from '../../../src/core/recognition/analyse';
import { fixture } from '../recognition/fixtureReports';

describe('hostile input: size limit for analysis', () => {
  it('a 10 MB file is not analysed under the default limit, with a message naming the file, its size and the setting', () => {
    const verdict = analysisSizeVerdict(10_240_000, undefined, 'dump.txt');
    assert.equal(verdict.analyse, false);
    if (verdict.analyse) return;
    assert.equal(verdict.sizeMB, 10.2);
    assert.equal(verdict.limitMB, DEFAULT_MAX_ANALYSED_MB);
    assert.match(verdict.message, /^dump\.txt is 10\.2 MB, over the 2 MB limit/);
    assert.match(verdict.message, /inspectionReports\.analysis\.maxSizeMB/);
  });

  it('real-sized reports are analysed; 0 or a negative limit means no limit; a nonsense setting falls back to the default', () => {
    assert.equal(analysisSizeVerdict(160_000, undefined, 'r.txt').analyse, true);
    assert.equal(analysisSizeVerdict(2_000_000, 2, 'r.txt').analyse, true);
    assert.equal(analysisSizeVerdict(2_000_001, 2, 'r.txt').analyse, false);
    assert.equal(analysisSizeVerdict(50_000_000, 0, 'r.txt').analyse, true);
    assert.equal(analysisSizeVerdict(50_000_000, -1, 'r.txt').analyse, true);
    assert.equal(analysisSizeVerdict(3_000_000, 'lots', 'r.txt').analyse, false);
    assert.equal(analysisSizeVerdict(3_000_000, Number.NaN, 'r.txt').analyse, false);
    assert.equal(analysisSizeVerdict(3_000_000, 5, 'r.txt').analyse, true);
  });

  it('a document right at the default limit analyses quickly, cold and after an edit', function () {
    this.timeout(20_000);
    const base = fixture('ilacs-2023-kestrel-vale.txt');
    const text = base.repeat(Math.floor((DEFAULT_MAX_ANALYSED_MB * 1_000_000) / base.length));
    assert.equal(analysisSizeVerdict(text.length, undefined, 'big.txt').analyse, true);
    const analyser = new ReportAnalyser();
    let started = performance.now();
    analyser.analyse(text);
    const cold = performance.now() - started;
    const middle = Math.floor(text.length / 2);
    started = performance.now();
    analyser.analyse(text.slice(0, middle) + 'x' + text.slice(middle));
    const warm = performance.now() - started;
    // Generous bounds for a slow CI machine; typically about 150-250 ms each once warmed up.
    assert.ok(cold < 2500, `cold analysis of ${text.length} characters took ${Math.round(cold)} ms`);
    assert.ok(warm < 2000, `re-analysis after an edit took ${Math.round(warm)} ms`);
  });
});
