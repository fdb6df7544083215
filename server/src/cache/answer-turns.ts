/**
 * Computed answers take turns: one starts per turn of the event loop (a `setImmediate`), in the
 * order they were asked for.
 *
 * Node accepts one new connection per turn of its loop (libuv; measured here: 50 connections
 * opened at once under load are accepted over 50 turns). Without turns, a turn runs every
 * request whose bytes came in: 50 computed dashboard answers at 50 connections make it ~15–35 ms,
 * and the 50th waiting connection is accepted ~1 s later. With one answer per turn, a turn is
 * one answer (~0.3 ms) and the loop polls its sockets between two: a new connection waits for a
 * turn, not for a batch; the answers already asked keep their order and the work is the same.
 * On SQLite an answer's queries run synchronously, so its whole computation fits in its turn;
 * on PostgreSQL the turn starts it and its queries go on in parallel with the next ones.
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function runNext(): void {
  const next = waiting.shift();
  // Scheduled during this turn's immediates: it runs at the next turn, after a poll.
  if (waiting.length > 0) setImmediate(runNext);
  else scheduled = false;
  next?.();
}

/** Resolves at the caller's turn (at once when nobody waits, within the current loop turn's next phase). */
export function answerTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(runNext);
    }
  });
}
