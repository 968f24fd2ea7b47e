import assert from 'node:assert/strict';
import {
  ADAPTIVE_FLOOR_MS,
  AdaptiveDelay,
  Debouncer,
  LatestOnly,
  type Timers,
} from '../../src/extension/logic/render-scheduler.js';

/** A hand-cranked clock: the test decides when time passes. */
function fakeTimers() {
  let now = 0;
  let nextId = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout(run, ms) {
      const id = ++nextId;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  function advance(ms: number) {
    now += ms;
    for (const [id, timer] of [...pending]) {
      if (timer.at <= now) {
        pending.delete(id);
        timer.run();
      }
    }
  }
  return { timers, advance, pending };
}

describe('Debouncer', () => {
  it('runs only the last task scheduled within the delay', () => {
    const clock = fakeTimers();
    const debouncer = new Debouncer(() => 300, clock.timers);
    const runs: string[] = [];
    debouncer.schedule('a', () => runs.push('first'));
    clock.advance(200);
    debouncer.schedule('a', () => runs.push('second'));
    clock.advance(200);
    assert.deepEqual(runs, []);
    clock.advance(100);
    assert.deepEqual(runs, ['second']);
  });

  it('keeps keys independent and reads the delay each time', () => {
    const clock = fakeTimers();
    let delay = 100;
    const debouncer = new Debouncer(() => delay, clock.timers);
    const runs: string[] = [];
    debouncer.schedule('a', () => runs.push('a'));
    delay = 500;
    debouncer.schedule('b', () => runs.push('b'));
    clock.advance(100);
    assert.deepEqual(runs, ['a']);
    clock.advance(400);
    assert.deepEqual(runs, ['a', 'b']);
  });

  it('cancels and disposes pending work', () => {
    const clock = fakeTimers();
    const debouncer = new Debouncer(() => 10, clock.timers);
    const runs: string[] = [];
    debouncer.schedule('a', () => runs.push('a'));
    debouncer.schedule('b', () => runs.push('b'));
    debouncer.cancel('a');
    debouncer.dispose();
    clock.advance(100);
    assert.deepEqual(runs, []);
    assert.equal(clock.pending.size, 0);
  });
});

describe('LatestOnly', () => {
  it('accepts only the newest ticket per key', async () => {
    const latest = new LatestOnly();
    const first = latest.begin('doc');
    const second = latest.begin('doc');
    const other = latest.begin('other');
    assert.equal(latest.isCurrent('doc', first), false);
    assert.equal(latest.isCurrent('doc', second), true);
    assert.equal(latest.isCurrent('other', other), true);
    latest.forget('doc');
    assert.equal(latest.isCurrent('doc', second), false);
  });

  it('drops a slow render that finishes after a newer one', async () => {
    const latest = new LatestOnly();
    const applied: string[] = [];
    const render = async (text: string, ms: number) => {
      const ticket = latest.begin('doc');
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (latest.isCurrent('doc', ticket)) applied.push(text);
    };
    await Promise.all([render('old', 30), render('new', 1)]);
    assert.deepEqual(applied, ['new']);
  });
});

describe('AdaptiveDelay', () => {
  it('waits the setting until a render was measured', () => {
    const delay = new AdaptiveDelay(() => 300);
    assert.equal(delay.delayFor('a'), 300);
  });

  it('is short after quick renders, never below the floor', () => {
    const delay = new AdaptiveDelay(() => 300);
    delay.record('a', 20);
    assert.equal(delay.delayFor('a'), ADAPTIVE_FLOOR_MS);
    delay.record('a', 45);
    assert.equal(delay.delayFor('a'), 45);
    delay.record('b', 2);
    assert.equal(delay.delayFor('b'), ADAPTIVE_FLOOR_MS);
  });

  it('is long after a slow render, capped by the setting', () => {
    let cap = 300;
    const delay = new AdaptiveDelay(() => cap);
    delay.record('a', 1200);
    assert.equal(delay.delayFor('a'), 300);
    cap = 1000;
    assert.equal(delay.delayFor('a'), 1000);
    cap = 0;
    assert.equal(delay.delayFor('a'), 0, 'a setting of 0 means no wait at all');
  });

  it('follows the last render: long after a slow one, short again after a quick one', () => {
    const delay = new AdaptiveDelay(() => 5000);
    delay.record('a', 20);
    delay.record('a', 400);
    assert.equal(delay.delayFor('a'), 400);
    delay.record('a', 20);
    assert.equal(delay.delayFor('a'), ADAPTIVE_FLOOR_MS);
  });

  it('keeps each document apart and forgets a closed one', () => {
    const delay = new AdaptiveDelay(() => 300);
    delay.record('a', 10);
    delay.record('b', 100);
    assert.equal(delay.delayFor('a'), ADAPTIVE_FLOOR_MS);
    assert.equal(delay.delayFor('b'), 100);
    delay.forget('b');
    assert.equal(delay.delayFor('b'), 300);
  });

  it('gives the Debouncer its delay per key', () => {
    const clock = fakeTimers();
    const delay = new AdaptiveDelay(() => 300);
    delay.record('quick', 10);
    const debouncer = new Debouncer((key) => delay.delayFor(key), clock.timers);
    const runs: string[] = [];
    debouncer.schedule('quick', () => runs.push('quick'));
    debouncer.schedule('cold', () => runs.push('cold'));
    clock.advance(ADAPTIVE_FLOOR_MS);
    assert.deepEqual(runs, ['quick']);
    clock.advance(300);
    assert.deepEqual(runs, ['quick', 'cold']);
  });
});
