import assert from 'node:assert/strict';
import { contrastRatio } from '../../src/engine/html/contrast.js';
import {
  CHART_COLOURS,
  GRAPHIC_PAIRS,
  PALETTE,
  TEXT_PAIRS,
} from '../../src/engine/html/palette.js';
import { DOCUMENT_CSS, cssString, pageMarginCss } from '../../src/engine/html/styles.js';
import { DOCUMENT_CLASSES } from './fixture-body.js';

describe('contrastRatio', () => {
  it('gives the WCAG ratios of known pairs', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#fff', '#fff'), 1);
    assert.equal(contrastRatio('#ffffff', '#000'), 21, 'order does not matter');
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    assert.ok(contrastRatio('#767676', '#ffffff') >= 4.5);
    assert.ok(contrastRatio('#777777', '#ffffff') < 4.5);
  });

  it('refuses what is not a hex colour', () => {
    assert.throws(() => contrastRatio('red', '#fff'), RangeError);
  });
});

describe('palette', () => {
  for (const [fg, bg, purpose] of TEXT_PAIRS) {
    it(`text ${purpose} (${fg} on ${bg}) reaches 4.5:1`, () => {
      assert.ok(contrastRatio(PALETTE[fg], PALETTE[bg]) >= 4.5);
    });
  }
  for (const [fg, bg, purpose] of GRAPHIC_PAIRS) {
    it(`graphic ${purpose} (${fg} on ${bg}) reaches 3:1`, () => {
      assert.ok(contrastRatio(PALETTE[fg], PALETTE[bg]) >= 3);
    });
  }
  it('chart series colours reach 3:1 against the page', () => {
    for (const colour of CHART_COLOURS) assert.ok(contrastRatio(colour, PALETTE.page) >= 3, colour);
  });
});

describe('DOCUMENT_CSS', () => {
  it('styles every class the directives emit', () => {
    for (const name of DOCUMENT_CLASSES) {
      assert.match(DOCUMENT_CSS, new RegExp(`\\.${name.replace(/-/g, '\\-')}(?![\\w-])`), name);
    }
  });

  it('declares every palette colour once as a custom property and uses no other colour', () => {
    for (const [name, value] of Object.entries(PALETTE))
      assert.ok(DOCUMENT_CSS.includes(`--sc-${name}: ${value};`), name);
    const colours = DOCUMENT_CSS.match(/#[0-9a-f]{3,6}\b/gi) ?? [];
    const known = new Set<string>(Object.values(PALETTE));
    assert.deepEqual(
      colours.filter((c) => !known.has(c.toLowerCase())),
      [],
    );
  });

  it('prints on A4, letting cards and chart tables run on but never splitting a row, a chart or a heading from what follows', () => {
    assert.match(DOCUMENT_CSS, /@page \{ size: A4; margin: 18mm 15mm; \}/);
    const print = DOCUMENT_CSS.slice(DOCUMENT_CSS.indexOf('@media print')).replace(
      /\/\*[\s\S]*?\*\//g,
      '',
    );
    const selectorsWith = (declaration: RegExp): string[] =>
      [...print.matchAll(/([^{}]+)\{([^}]*)\}/g)]
        .filter((rule) => declaration.test(rule[2]!))
        .flatMap((rule) => rule[1]!.split(',').map((s) => s.trim()));
    const avoidInside = selectorsWith(/break-inside: avoid/);
    for (const selector of [
      'tr',
      'svg',
      '.sc-card__figure',
      '.sc-summary',
      '.sc-chart > figcaption',
    ]) {
      assert.ok(avoidInside.includes(selector), selector);
    }
    // Page economy: a whole card or chart kept together would leave pages half empty.
    assert.ok(!avoidInside.includes('.sc-card'), 'a card may run on to the next page');
    assert.ok(!avoidInside.includes('.sc-chart'), "a chart's table may run on");
    const avoidAfter = selectorsWith(/break-after: avoid/);
    for (const selector of ['figcaption', '.sc-card__title', 'h2', 'caption']) {
      assert.ok(avoidAfter.includes(selector), selector);
    }
    // Nothing hides behind a scroll on paper.
    assert.ok(selectorsWith(/overflow: visible/).includes('.sc-table-wrap'));
  });

  it('has a visible focus style', () => {
    assert.match(DOCUMENT_CSS, /:focus-visible \{ outline: 3px solid/);
  });
});

describe('pageMarginCss', () => {
  it('puts the running header in the top margin and page numbers in the bottom one', () => {
    const css = pageMarginCss('Report · Q4 2023/24');
    assert.match(css, /@top-left \{ content: "Report · Q4 2023\/24";/);
    assert.match(css, /@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\);/);
  });
});

describe('cssString', () => {
  it('escapes quotes, backslashes and markup so nothing can end the style sheet', () => {
    assert.equal(cssString('a "b" \\ c'), '"a \\22 b\\22  \\5c  c"');
    assert.equal(cssString('</style>'), '"\\3c /style\\3e "');
    assert.equal(cssString('x & y'), '"x \\26  y"');
  });

  it('turns line breaks and other controls into spaces', () => {
    assert.equal(cssString('one\ntwo\u0000three\u2028four'), '"one two three four"');
  });
});
