import assert from 'node:assert/strict';
import { describeChange } from '../../src/engine/semantics/index.js';
import { indicator, obs } from './indicator-fixture.js';

describe('describeChange', () => {
  const higher = indicator({ unit: 'percent', polarity: 'higher' });
  const lower = indicator({ unit: 'percent', polarity: 'lower' });

  it('says up and better for a rise with higher polarity', () => {
    const change = describeChange(
      higher,
      obs('2023/24 Q4', { value: 67 }),
      obs('2023/24 Q3', { value: 63 }),
      'previous',
    );
    assert.deepEqual(change, {
      direction: 'up',
      judgement: 'better',
      text: 'up 4 pp from 63% in Q3 2023/24, better',
      short: '4 pp, better',
    });
  });

  it('says worse for a fall with higher polarity and a rise with lower', () => {
    assert.equal(
      describeChange(
        higher,
        obs('2023/24 Q4', { value: 60 }),
        obs('2023/24 Q3', { value: 63 }),
        'previous',
      ).text,
      'down 3 pp from 63% in Q3 2023/24, worse',
    );
    const rise = describeChange(
      lower,
      obs('2023/24 Q4', { value: 25 }),
      obs('2023/24 Q3', { value: 21 }),
      'previous',
    );
    assert.equal(rise.judgement, 'worse');
    assert.equal(rise.text, 'up 4 pp from 21% in Q3 2023/24, worse');
    assert.equal(
      describeChange(
        lower,
        obs('2023/24 Q4', { value: 18 }),
        obs('2023/24 Q3', { value: 21 }),
        'previous',
      ).judgement,
      'better',
    );
  });

  it('says a snapshot was taken at its date, not in it', () => {
    const change = describeChange(
      higher,
      obs('2024-09-30', { value: 62 }),
      obs('2024-06-30', { value: 63 }),
      'previous',
    );
    assert.equal(change.text, 'down 1 pp from 63% at 30 June 2024, worse');
  });

  it('says no change on equal printed figures', () => {
    const same = describeChange(
      higher,
      obs('2023/24 Q4', { value: 67.4 }),
      obs('2023/24 Q3', { value: 66.6 }),
      'previous',
    );
    assert.deepEqual(same, {
      direction: 'same',
      judgement: 'no change',
      text: 'no change from 67% in Q3 2023/24',
      short: 'no change',
    });
  });

  it('gives direction only for polarity none', () => {
    const none = indicator({ unit: 'count', polarity: 'none' });
    const change = describeChange(
      none,
      obs('2023/24 Q4', { value: 52 }),
      obs('2023/24 Q3', { value: 40 }),
      'previous',
    );
    assert.deepEqual(change, { direction: 'up', text: 'up 12 from 40 in Q3 2023/24', short: '12' });
    assert.deepEqual(
      describeChange(
        none,
        obs('2023/24 Q4', { value: 40 }),
        obs('2023/24 Q3', { value: 40 }),
        'previous',
      ),
      {
        direction: 'same',
        text: 'no change from 40 in Q3 2023/24',
        short: 'no change',
      },
    );
  });

  it('compares with the same period a year earlier', () => {
    const change = describeChange(
      higher,
      obs('2023/24 Q4', { value: 67 }),
      obs('2022/23 Q4', { value: 70 }),
      'year',
    );
    assert.equal(change.text, 'down 3 pp from 70% in Q4 2022/23, worse');
  });

  it('judges band polarity by distance from the band', () => {
    const band = indicator({ unit: 'percent', polarity: 'band', band: [10, 15] });
    const into = describeChange(
      band,
      obs('2023/24 Q4', { value: 14 }),
      obs('2023/24 Q3', { value: 18 }),
      'previous',
    );
    assert.deepEqual([into.direction, into.judgement], ['down', 'better']);
    const toward = describeChange(
      band,
      obs('2023/24 Q4', { value: 8 }),
      obs('2023/24 Q3', { value: 6 }),
      'previous',
    );
    assert.equal(toward.text, 'up 2 pp from 6% in Q3 2023/24, better');
    const out = describeChange(
      band,
      obs('2023/24 Q4', { value: 17 }),
      obs('2023/24 Q3', { value: 12 }),
      'previous',
    );
    assert.equal(out.judgement, 'worse');
    const away = describeChange(
      band,
      obs('2023/24 Q4', { value: 5 }),
      obs('2023/24 Q3', { value: 8 }),
      'previous',
    );
    assert.equal(away.judgement, 'worse');
    const inside = describeChange(
      band,
      obs('2023/24 Q4', { value: 13 }),
      obs('2023/24 Q3', { value: 11 }),
      'previous',
    );
    assert.deepEqual(inside, {
      direction: 'up',
      text: 'up 2 pp from 11% in Q3 2023/24, still within the target band',
      short: '2 pp',
    });
    const across = describeChange(
      band,
      obs('2023/24 Q4', { value: 17 }),
      obs('2023/24 Q3', { value: 8 }),
      'previous',
    );
    assert.deepEqual(across, {
      direction: 'up',
      text: 'up 9 pp from 8% in Q3 2023/24',
      short: '9 pp',
    });
  });

  it('uses the printed figures for direction and size', () => {
    const oneDp = indicator({ unit: 'rate_per_10000', decimals: 1, polarity: 'none' });
    const change = describeChange(
      oneDp,
      obs('2023/24', { value: 52.34 }),
      obs('2022/23', { value: 49.25 }),
      'previous',
    );
    assert.equal(change.text, 'up 3.0 per 10,000 from 49.3 per 10,000 children in 2022/23');
  });

  it('says in words why figures cannot be compared', () => {
    assert.deepEqual(
      describeChange(
        higher,
        obs('2023/24 Q4', { value: 67 }),
        obs('2023/24 Q3', { symbol: 'c' }),
        'previous',
      ),
      { direction: 'none', text: 'not comparable: Q3 2023/24 suppressed', short: 'not comparable' },
    );
    assert.equal(
      describeChange(
        higher,
        obs('2023/24 Q4', { symbol: 'x' }),
        obs('2023/24 Q3', { value: 60 }),
        'previous',
      ).text,
      'not comparable: Q4 2023/24 not available',
    );
    assert.equal(
      describeChange(higher, obs('2023/24 Q4'), obs('2023/24 Q3', { value: 60 }), 'previous').text,
      'not comparable: Q4 2023/24 no value',
    );
    assert.equal(
      describeChange(higher, obs('2023/24 Q4', { value: 67 }), undefined, 'previous').text,
      'no figure for Q3 2023/24 to compare with',
    );
    assert.equal(
      describeChange(higher, obs('2023/24 Q4', { value: 67 }), undefined, 'year').text,
      'no figure for Q4 2022/23 to compare with',
    );
  });

  it('still compares a low-reliability figure that has a value', () => {
    const change = describeChange(
      higher,
      obs('2023/24 Q4', { value: 67, symbol: 'u' }),
      obs('2023/24 Q3', { value: 63 }),
      'previous',
    );
    assert.equal(change.direction, 'up');
  });
});
