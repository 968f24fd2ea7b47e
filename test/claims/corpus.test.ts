import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createEngine } from '../../src/engine/index.js';
import type { Message } from '../../src/engine/index.js';
import { CORPUS, type CorpusEntry } from './corpus.js';

const DATA = new URL('./data.yaml', import.meta.url);

/** One report holding every sentence, each in its own paragraph; returns each one's lines. */
export function corpusReport(entries: readonly CorpusEntry[]): {
  text: string;
  lines: Array<{ first: number; last: number; text: string }>;
} {
  const parts = ['---', 'title: Claims corpus', 'period: 2023/24 Q4', 'data: data.yaml', '---', ''];
  const lines: Array<{ first: number; last: number; text: string }> = [];
  for (const entry of entries) {
    const own = entry.text.includes(':value{') || entry.text.includes(':benchmark{');
    if (!own) parts.push(`:::indicator{id=${entry.indicator}}`);
    lines.push({ first: parts.length + 1, last: parts.length + 1, text: entry.text });
    parts.push(entry.text);
    if (!own) parts.push(':::');
    parts.push('');
  }
  return { text: parts.join('\n'), lines };
}

export async function checkCorpus(entries: readonly CorpusEntry[]): Promise<Message[][]> {
  const { text, lines } = corpusReport(entries);
  const path = new URL('./corpus-report.md', import.meta.url).pathname;
  const engine = createEngine();
  const messages = await engine.check(text, { path });
  const claims = messages.filter((m) => m.ruleId === 'narrative-claim');
  return lines.map(({ first, last }) => claims.filter((m) => m.line >= first && m.line <= last));
}

describe('narrative-claim corpus', function () {
  this.timeout(60000);

  it('holds at least 80 sentences, about half of them contradictions', () => {
    assert.ok(CORPUS.length >= 80, `${CORPUS.length} sentences`);
    const flags = CORPUS.filter((e) => e.flag).length;
    assert.ok(
      flags >= CORPUS.length * 0.35 && flags <= CORPUS.length * 0.65,
      `${flags} contradictions`,
    );
    assert.ok(readFileSync(DATA, 'utf8').includes('indicators:'));
  });

  it('flags contradictions with precision >= 95% and recall >= 80%', async () => {
    const found = await checkCorpus(CORPUS);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    CORPUS.forEach((entry, index) => {
      const flagged = found[index]!.length > 0;
      if (flagged && entry.flag) tp++;
      else if (flagged) {
        fp++;
        wrong.push(
          `false alarm: ${entry.text} -> ${found[index]!.map((m) => m.reason).join('; ')}`,
        );
      } else if (entry.flag) {
        fn++;
        wrong.push(`missed: ${entry.text}`);
      }
    });
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    console.log(
      `      narrative-claim corpus: ${CORPUS.length} sentences, ${tp + fn} contradictions; ` +
        `precision ${(precision * 100).toFixed(1)}% (${tp}/${tp + fp}), recall ${(recall * 100).toFixed(1)}% (${tp}/${tp + fn})`,
    );
    for (const line of wrong) console.log(`        ${line}`);
    assert.ok(precision >= 0.95, `precision ${precision}`);
    assert.ok(recall >= 0.8, `recall ${recall}`);
  });

  it('places each warning on the claim it is about', async () => {
    const placed = CORPUS.filter((e) => e.claim !== undefined);
    const found = await checkCorpus(placed);
    const { lines } = corpusReport(placed);
    placed.forEach((entry, index) => {
      const start = lines[index]!.text.indexOf(entry.claim!) + 1;
      const end = start + entry.claim!.length;
      const hit = found[index]!.find(
        (m) =>
          (m.column <= start && (m.endColumn ?? 0) >= end) ||
          (m.column >= start && (m.endColumn ?? Infinity) <= end),
      );
      assert.ok(
        hit,
        `${entry.text}: no warning covering "${entry.claim}" (${found[index]!.map((m) => `${m.column}-${m.endColumn} ${m.reason}`).join('; ')})`,
      );
    });
  });
});
