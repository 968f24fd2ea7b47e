/**
 * A report made for the Word tests: every construct the export maps (headings, emphasis,
 * a link, both kinds of list, a scorecard, an embedded image, a card, a chart), an exempt
 * block whose words occur nowhere else, and a count small enough to be suppressed in public.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EXEMPT_WORD = 'Quarantinedword';
export const TITLE = 'Generated Word Test Report';

const DATA = `indicators:
  - id: CLA-MISS
    title: Children missing from care in the month
    unit: count
    polarity: lower
    counting_unit: children
    values:
      - { period: 2023/24 Q3, value: 14 }
      - { period: 2023/24 Q4, value: 3 }
  - id: OP148
    title: Care leavers in education, employment or training
    unit: percent
    decimals: 0
    polarity: higher
    counting_unit: care leavers
    targets:
      - { period: 2023/24, value: 62, tolerance: 5 }
    values:
      - { period: 2023/24 Q1, value: 56 }
      - { period: 2023/24 Q2, value: 57 }
      - { period: 2023/24 Q3, value: 59 }
      - { period: 2023/24 Q4, value: 58 }
`;

const REPORT = `---
title: ${TITLE}
meeting: Scrutiny Committee, 1 May 2024
period: 2023/24 Q4
data: data.yaml
classification: public
---

# Overview

Missing children stood at :value{id=CLA-MISS} this quarter (:change{id=CLA-MISS}).
See **the bold words** and *the italic words* and [the guidance](https://example.org/guide).

- first point
- second point with :value{id=OP148}
  - a nested point

1. first step
2. second step

::scorecard{ids="OP148,CLA-MISS" title="Scorecard for the test"}

![Council logo](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)

## Care leavers

:::indicator{id=OP148}
Care leavers in education, employment or training stood at :value{id=OP148}.
:::

:::exempt
${EXEMPT_WORD} names a child in placement at Oakfield Lodge.
:::

::chart{id=OP148 periods=4}
`;

/** A new folder holding `report.md` and its data; the caller removes it. */
export function writeGeneratedReport(): { folder: string; report: string } {
  const folder = mkdtempSync(join(tmpdir(), 'scorecard-docx-'));
  writeFileSync(join(folder, 'data.yaml'), DATA);
  writeFileSync(join(folder, 'report.md'), REPORT);
  return { folder, report: join(folder, 'report.md') };
}
