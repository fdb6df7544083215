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
 *
 * A turn whose poll accepted a connection (`noteConnection`, on the server's `connection`
 * event) runs no answer: more connections may wait in the listen queue, and each of them is
 * accepted at a later turn only. Such turns are short (an accept, the requests read), so fifty
 * connections opened at once are accepted in a few milliseconds instead of fifty answers' time
 * (measured, warm server, wrk: 81 → 20–25 ms for 50 connections; a pass over every pole p99
 * 98–133 → 55–77 ms). At most MAX_SKIPPED_TURNS turns in a row go without an answer, so a
 * flood of new connections slows the answers down but never stops them.
 */
const waiting: Array<() => void> = [];
let scheduled = false;
/** Whether the server accepted a connection since the last turn that ran an answer. */
let accepted = false;
let skipped = 0;
export const MAX_SKIPPED_TURNS = 16;

/** The server accepted a connection: the next turn lets the loop accept more before an answer. */
export function noteConnection(): void {
  accepted = true;
}

function runNext(): void {
  if (accepted && skipped < MAX_SKIPPED_TURNS) {
    accepted = false;
    skipped++;
    setImmediate(runNext);
    return;
  }
  accepted = false;
  skipped = 0;
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
