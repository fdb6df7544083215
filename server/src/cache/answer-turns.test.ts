import { describe, expect, it } from 'vitest';
import { answerTurn, MAX_SKIPPED_TURNS, noteConnection } from './answer-turns';

describe('answerTurn', () => {
  it('lets waiting answers start one per turn of the loop, in the order they asked', async () => {
    const order: string[] = [];
    const jobs = [1, 2, 3].map((n) => answerTurn().then(() => order.push(`answer ${n}`)));
    // Queued after the first turn's start: it runs in the same loop phase as the first answer.
    // Answers started all at once would all come before it.
    setImmediate(() => order.push('other work'));
    await Promise.all(jobs);
    expect(order).toEqual(['answer 1', 'other work', 'answer 2', 'answer 3']);
  });

  it('starts answers again once the queue emptied', async () => {
    const order: number[] = [];
    await answerTurn().then(() => order.push(1));
    await answerTurn().then(() => order.push(2));
    await Promise.all([answerTurn(), answerTurn()].map((t, i) => t.then(() => order.push(3 + i))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('lets the loop accept more connections for a turn after one was accepted', async () => {
    const order: string[] = [];
    noteConnection();
    const job = answerTurn().then(() => order.push('answer'));
    setImmediate(() => order.push('a turn with no answer'));
    await job;
    expect(order).toEqual(['a turn with no answer', 'answer']);
    // No connection since: the next answer runs at the first turn again.
    const next = answerTurn().then(() => order.push('next answer'));
    const other = new Promise((r) => setImmediate(() => r(order.push('other work'))));
    await Promise.all([next, other]);
    expect(order.slice(2)).toEqual(['next answer', 'other work']);
  });

  it('still answers under a flood of connections, after MAX_SKIPPED_TURNS turns', async () => {
    let turns = 0;
    let flooding = true;
    const flood = () => {
      noteConnection();
      turns++;
      if (flooding) setImmediate(flood);
    };
    flood();
    await answerTurn();
    flooding = false;
    expect(turns).toBeGreaterThanOrEqual(MAX_SKIPPED_TURNS);
    expect(turns).toBeLessThanOrEqual(MAX_SKIPPED_TURNS + 2);
    // The flood's last mark is spent by one turn, not kept for the next answers.
    await new Promise((r) => setImmediate(r));
    await answerTurn();
  });
});
