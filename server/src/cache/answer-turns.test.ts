import { describe, expect, it } from 'vitest';
import { answerTurn } from './answer-turns';

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
});
