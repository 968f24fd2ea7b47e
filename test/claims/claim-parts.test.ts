import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { judgePassage } from '../../src/engine/claims/judge-passage.js';
import { namedPeriods } from '../../src/engine/claims/named-periods.js';
import { findNumbers } from '../../src/engine/claims/numbers.js';
import { DIRECTIVE_MARK, plainPassage, type Passage } from '../../src/engine/claims/passage.js';
import { findPhrases } from '../../src/engine/claims/phrases.js';
import { splitClauses, splitSentences } from '../../src/engine/claims/sentences.js';
import { findIndicator } from '../../src/engine/directives/lookup.js';
import { createEngine, type Catalogue } from '../../src/engine/index.js';
import { parsePeriod } from '../../src/engine/periods.js';

const whole = (text: string) => ({ start: 0, end: text.length });
const Q4 = parsePeriod('2023/24 Q4')!;

async function catalogue(): Promise<Catalogue> {
  const path = fileURLToPath(new URL('./report.md', import.meta.url));
  const result = await createEngine().catalogue('---\ndata: data.yaml\n---\n', { path });
  return result.catalogue;
}

/** A passage of plain text; each `:value` stands for a `:value{id=…}` of the next id. */
function passage(text: string, ids: readonly string[] = []): Passage {
  const directives: Array<Passage['directives'][number]> = [];
  let flat = text;
  for (const id of ids) {
    const at = flat.indexOf(':value');
    directives.push({ name: 'value', attributes: { id }, at });
    flat = flat.slice(0, at) + DIRECTIVE_MARK + flat.slice(at + ':value'.length);
  }
  return plainPassage(flat, directives);
}

describe('narrative-claim: sentences and clauses', () => {
  it('splits at full stops, not at decimals or abbreviations', () => {
    const text = 'It was 9.2% e.g. in Q4. Then it rose! Did it? Yes.';
    assert.deepEqual(
      splitSentences(text).map((s) => text.slice(s.start, s.end).trim()),
      ['It was 9.2% e.g. in Q4.', 'Then it rose!', 'Did it?', 'Yes.'],
    );
  });

  it('cuts clauses at semicolons and contrasting words', () => {
    const text = 'Referrals rose; timeliness fell, but it remains above target';
    const clauses = splitClauses(text, whole(text)).map((c) => text.slice(c.start, c.end).trim());
    assert.deepEqual(clauses, ['Referrals rose', 'timeliness fell', 'it remains above target']);
  });
});

describe('narrative-claim: typed numbers', () => {
  it('reads units, qualifiers and ranges', () => {
    const text = 'About 52.3 per 10,000 children, from 63 to 67%, £7,214, 19th of 33 and over 4 pp';
    const found = findNumbers(text, whole(text), []);
    assert.deepEqual(
      found.map((n) => [n.value, n.unit, n.qualifier]),
      [
        [52.3, 'rate', 'approx'],
        [63, 'percent', 'exact'],
        [67, 'percent', 'exact'],
        [7214, 'money', 'exact'],
        [19, 'ordinal', 'exact'],
        [33, 'bare', 'exact'],
        [4, 'points', 'over'],
      ],
    );
    assert.equal(text.slice(found[0]!.start, found[0]!.end), '52.3 per 10,000 children');
  });

  it('leaves codes, hyphenated numbers and the spans it is told are periods alone', () => {
    const text = 'OP148 and the post-16 team, ages 19-21, in 2023/24';
    const period = { start: text.indexOf('2023/24'), end: text.length };
    assert.deepEqual(findNumbers(text, whole(text), [period]), []);
  });
});

describe('narrative-claim: periods named in a sentence', () => {
  it('tells the period a sentence is about from the one it compares with', () => {
    const text = 'In Q4 2022/23 the figure was 72%, up from 63% in Q3 and below last year.';
    const named = namedPeriods(text, whole(text), Q4);
    assert.deepEqual(
      named.map((n) => [text.slice(n.start, n.end), n.role, n.periods.map((p) => p.key)]),
      [
        ['Q4 2022/23', 'main', ['2022/23 Q4']],
        ['Q3', 'comparison', ['2023/24 Q3', '2022/23 Q3']],
        ['last year', 'comparison', ['2022/23 Q4', '2022/23']],
      ],
    );
  });

  it('reads dates, months and "since"', () => {
    const text =
      'At 31 March 2024, the highest since 2019/20; in January 2024 it was lower than in February.';
    const named = namedPeriods(text, whole(text), Q4);
    assert.deepEqual(
      named.map((n) => [n.periods[0]!.key, n.since]),
      [
        ['2024-03-31', false],
        ['2019/20', true],
        ['2024-01', false],
        ['2024-02', false],
      ],
    );
  });
});

describe('narrative-claim: claim words', () => {
  const kinds = (text: string) =>
    findPhrases(text, whole(text)).map((p) => `${p.kind}:${text.slice(p.start, p.end)}`);

  it('finds direction, target and comparator claims', () => {
    assert.deepEqual(
      kinds(
        'Performance improved and rose by 4 pp, above target and below the England and London averages.',
      ),
      [
        'judgement:improved',
        'direction:rose',
        'target:above target',
        'benchmark:below the England and London averages',
      ],
    );
    assert.deepEqual(
      findPhrases(
        'It is below the England and London averages',
        whole('It is below the England and London averages'),
      ).map((p) => (p.kind === 'benchmark' ? p.comparators : [])),
      [['England', 'London']],
    );
  });

  it('leaves negated, hoped-for and noun-compound words alone', () => {
    assert.deepEqual(kinds('Performance did not improve.'), []);
    assert.deepEqual(kinds('We expect performance to improve and aim to increase placements.'), []);
    assert.deepEqual(kinds('The improvement plan and up to date care plans.'), []);
    assert.deepEqual(kinds('Increased demand and reduced caseloads.'), []);
  });

  it('reads a negated "met" as missed', () => {
    const text = 'We did not meet the target.';
    const [claim] = findPhrases(text, whole(text));
    assert.equal(claim?.kind === 'target' && claim.position, 'missed');
  });
});

describe('narrative-claim: verdicts', function () {
  this.timeout(20000);
  let data: Catalogue;
  before(async () => {
    data = await catalogue();
  });
  const scope = () => ({ catalogue: data, reportPeriod: Q4 });
  const inside = (id: string) => ({ indicator: findIndicator(data, id)!, period: Q4 });

  it('says what the data says, and offers the directive', () => {
    const [finding, ...rest] = judgePassage(
      passage('Performance stood at 64% this quarter.'),
      inside('EET'),
      scope(),
    );
    assert.equal(rest.length, 0);
    assert.equal(finding?.reason, `"stood at 64%", but EET's Q4 2023/24 value is 67%`);
    assert.deepEqual(finding?.suggestions, [':value{id=EET}']);
  });

  it('names the period a sentence names in the directive it offers', () => {
    const [finding] = judgePassage(
      passage('In Q4 2022/23 the figure was 74%.'),
      inside('EET'),
      scope(),
    );
    assert.equal(finding?.reason, `"figure was 74%", but EET's Q4 2022/23 value is 72%`);
    assert.deepEqual(finding?.suggestions, [':value{id=EET period="2022/23 Q4"}']);
  });

  it('offers the change directive and the right word for a wrong direction', () => {
    const [finding] = judgePassage(
      passage('The proportion fell this quarter.'),
      inside('EET'),
      scope(),
    );
    assert.equal(
      finding?.reason,
      `"fell", but EET rose from 63% in Q3 2023/24 to 67% in Q4 2023/24, which is better`,
    );
    assert.deepEqual(finding?.suggestions, [':change{id=EET}', 'rose']);
  });

  it('judges a sentence by the indicator of its directive, not its container', () => {
    const text = 'Re-referrals were :value, above the England average.';
    const findings = judgePassage(passage(text, ['REREF']), inside('EET'), scope());
    assert.equal(findings.length, 1);
    assert.match(
      findings[0]!.reason,
      /REREF's 2023\/24 value 21\.3% is below England's 22\.4% \(2022\/23\)/,
    );
  });

  it('never prints a figure disclosure control would suppress', () => {
    for (const text of [
      '4 unaccompanied children went missing this quarter.',
      'The number of unaccompanied children who went missing rose this quarter.',
    ]) {
      const findings = judgePassage(passage(text), inside('UASC-MISSING'), scope());
      assert.equal(findings.length, 1, text);
      assert.doesNotMatch(findings[0]!.reason, /\b3\b|\b9\b/, findings[0]!.reason);
    }
  });

  it('lets numbers about other things be', () => {
    for (const text of [
      'We held 12 workshops and filled 3 vacancies.',
      'Sickness absence in the team was 4% this quarter.',
      'Agency staff made up 30% of the workforce.',
      'The panel met on 15 July 2024 (item 7).',
    ]) {
      assert.deepEqual(judgePassage(passage(text), inside('EET'), scope()), [], text);
    }
  });
});
