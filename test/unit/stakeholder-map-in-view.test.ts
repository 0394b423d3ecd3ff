import * as assert from 'assert';
import { boxOfPoints, detailAt, intersects, viewShowing, visibleBox } from '../../src/webview/stakeholder-map/in-view';
import { CARD, CHIP, orgLayout, sceneFor, type Box } from '../../src/webview/stakeholder-map/layout';
import { mapLabels } from '../../src/extension/features/stakeholder-map/map-words';
import { bigPlan, modelOf } from '../webview/stakeholder-map-page';

const panel = { width: 1000, height: 600 };

describe('stakeholder map: what is in view', () => {
  it('full cards while their 11 px text is at least 6 px on screen, one shape each below that', () => {
    assert.deepStrictEqual([4, 1, 0.6, 6 / 11].map(detailAt), ['full', 'full', 'full', 'full']);
    assert.deepStrictEqual([0.54, 0.3, 0.01].map(detailAt), ['simple', 'simple', 'simple']);
  });

  it('the diagram box the panel shows, grown by a margin in screen px', () => {
    assert.deepStrictEqual(visibleBox({ x: 100, y: 50, k: 1 }, panel, 0), { x: -100, y: -50, w: 1000, h: 600 });
    // Panned right and down by (200, 100) screen px at 50 %: the top-left corner is diagram (-400, -200).
    assert.deepStrictEqual(visibleBox({ x: 200, y: 100, k: 0.5 }, panel, 0), { x: -400, y: -200, w: 2000, h: 1200 });
    assert.deepStrictEqual(visibleBox({ x: 100, y: 100, k: 2 }, panel, 100), { x: -100, y: -100, w: 600, h: 400 });
  });

  it('boxes meet when they touch or overlap; a path\'s box holds all its points', () => {
    const a: Box = { x: 0, y: 0, w: 10, h: 10 };
    assert.ok(intersects(a, { x: 5, y: 5, w: 10, h: 10 }));
    assert.ok(intersects(a, { x: 10, y: 0, w: 5, h: 5 }), 'touching');
    assert.ok(!intersects(a, { x: 11, y: 0, w: 5, h: 5 }));
    assert.ok(!intersects(a, { x: 0, y: -6, w: 5, h: 5 }));
    assert.deepStrictEqual(boxOfPoints([{ x: 3, y: 9 }, { x: -1, y: 4 }, { x: 7, y: 2 }]), { x: -1, y: 2, w: 8, h: 7 });
  });

  it('focus on a person out of view pans just enough to show them, and not at all when they are in view', () => {
    const view = { x: 0, y: 0, k: 1 };
    const inView = { x: 100, y: 100, w: 200, h: 80 };
    assert.deepStrictEqual(viewShowing(inView, view, panel), view);
    assert.deepStrictEqual(viewShowing({ x: 1500, y: 100, w: 200, h: 80 }, view, panel), { x: -724, y: 0, k: 1 }, 'right edge 24 px inside');
    assert.deepStrictEqual(viewShowing({ x: -500, y: -300, w: 200, h: 80 }, view, panel), { x: 524, y: 324, k: 1 }, 'top-left corner 24 px inside');
    assert.deepStrictEqual(viewShowing({ x: 100, y: 1200, w: 200, h: 80 }, { x: 0, y: 0, k: 0.5 }, panel), { x: 0, y: -64, k: 0.5 }, 'the zoom stays');
    assert.deepStrictEqual(viewShowing({ x: 0, y: 100, w: 3000, h: 80 }, { x: 500, y: 0, k: 1 }, panel), { x: 24, y: 0, k: 1 }, 'wider than the panel: from its left edge');
  });

  it('lays out 500 people in every mode with no two overlapping, each in a box of their own (what culling relies on)', () => {
    const model = modelOf(bigPlan(500));
    const labels = mapLabels('en');
    const org = orgLayout(model, labels);
    for (const mode of ['org', 'layers', 'grid'] as const) {
      const scene = sceneFor(mode, model, labels, () => org);
      const boxes = [
        ...scene.cards.map((c) => ({ key: c.person.key, x: c.x, y: c.y, w: CARD.w * c.scale, h: CARD.h * c.scale })),
        ...scene.chips.filter((c) => !c.ghost).map((c) => ({ key: c.person.key, x: c.x, y: c.y, ...CHIP })),
      ];
      assert.deepStrictEqual(new Set(boxes.map((b) => b.key)), new Set(model.people.map((p) => p.key)), `${mode}: everyone placed`);
      assert.strictEqual(boxes.length, 500, `${mode}: once`);
      const sorted = [...boxes].sort((a, b) => a.x - b.x);
      const overlapping: string[] = [];
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].w; j++) {
          const a = sorted[i], b = sorted[j];
          if (a.y < b.y + b.h && b.y < a.y + a.h) overlapping.push(`${a.key} × ${b.key}`);
        }
      }
      assert.deepStrictEqual(overlapping, [], `${mode}: no overlap`);
    }
  });
});
