// Checks a screenshot of the Evidence view shows what the view says it drew: the picture is not blank, the
// page holds as many shaded heat-map cells as the view reported, and in the picture every shaded cell is
// coloured by the heat map (blue, from --vscode-charts-blue) while the empty cells are not.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodePng, shareOfBox, summarise } from './pngImage';
import { type MeasuredBox, takeMeasuredScreenshot, type ScreenshotOptions } from './helpers';

/** What the webview reported it drew (the part these checks use). */
export interface DrawnHeatMaps {
  heatCells: number;
  areaCells: number;
  areaColumns: string[];
}

const CELLS = {
  filled: '#heatmap td.heat-cell.filled, #areas td.heat-cell.filled',
  empty: '#heatmap td.heat-cell:not(.filled), #areas td.heat-cell:not(.filled)',
  areaColumns: '#areas thead th.area-col',
  // The heat maps' scroll boxes: a cell scrolled out of its box is not in the picture, wherever it lies on the page.
  scrollBoxes: '#heatmap, #areas',
};

/** Inside one of the scroll boxes (a pixel of rounding allowed). */
function insideScrollBox(box: MeasuredBox, scrollBoxes: readonly MeasuredBox[]): boolean {
  return scrollBoxes.some((s) => box.x >= s.x - 1 && box.y >= s.y - 1 && box.x + box.width <= s.x + s.width + 1 && box.y + box.height <= s.y + s.height + 1);
}

/** A heat cell's shade: the charts blue mixed over the background, in light and dark themes alike. */
const heatShaded = ([r, , b]: [number, number, number]) => b - r >= 20;

/**
 * Takes the screenshot and checks it against `drawn`. `wholeCells` is how many shaded cells must lie entirely
 * in the picture (the rest of the page may be scrolled out of it). Returns the PNG's path, or undefined when
 * the runner takes no screenshots.
 */
export async function screenshotEvidence(name: string, drawn: DrawnHeatMaps, wholeCells: number, options: ScreenshotOptions = {}): Promise<string | undefined> {
  const shot = await takeMeasuredScreenshot(name, { ...options, measure: CELLS });
  if (!shot) return undefined;
  const image = decodePng(readFileSync(shot.path));
  const { colours, drawn: share } = summarise(image);
  assert.ok(colours >= 32 && share >= 0.1, `${name}: the picture looks blank (${colours} colours, ${(share * 100).toFixed(1)}% of it differs from the background)`);

  const scrollBoxes = shot.boxes.scrollBoxes ?? [];
  const visible = (b: MeasuredBox) => ({ ...b, whole: b.whole && insideScrollBox(b, scrollBoxes) });
  const filled = (shot.boxes.filled ?? []).map(visible);
  const empty = (shot.boxes.empty ?? []).map(visible);
  assert.equal(filled.length, drawn.heatCells + drawn.areaCells, `${name}: shaded cells in the page, against the ${drawn.heatCells} + ${drawn.areaCells} the view reported`);
  assert.equal(shot.boxes.areaColumns?.length, drawn.areaColumns.length, `${name}: judgement-area columns in the page`);
  const scale = image.width / shot.area.width;
  const seen = filled.filter((b) => b.whole);
  assert.ok(seen.length >= wholeCells, `${name}: only ${seen.length} of ${filled.length} shaded cells are in the picture, ${wholeCells} expected`);
  seen.forEach((box, i) => {
    const share = shareOfBox(image, box, scale, heatShaded);
    assert.ok(share >= 0.5, `${name}: shaded cell ${i + 1} at (${Math.round(box.x)}, ${Math.round(box.y)}) is not heat-coloured in the picture (${(share * 100).toFixed(0)}% of its pixels)`);
  });
  for (const box of empty.filter((b) => b.whole)) {
    const share = shareOfBox(image, box, scale, heatShaded);
    assert.ok(share <= 0.2, `${name}: the empty cell at (${Math.round(box.x)}, ${Math.round(box.y)}) is heat-coloured in the picture (${(share * 100).toFixed(0)}% of its pixels)`);
  }
  return shot.path;
}
