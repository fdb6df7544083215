import type { IncomingMessage, ServerResponse } from 'node:http';

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Keeps the requests being answered, each until its handler ends — even one whose client has
 * gone, which may still be computing or writing: a stop closes the database only once `ended()`
 * resolves (main.ts), so no handler runs on a closed database.
 */
export function trackInFlight(listener: Listener): {
  listener: Listener;
  ended: () => Promise<void>;
} {
  const answering = new Set<Promise<void>>();
  return {
    listener: (req, res) => {
      const done: Promise<void> = listener(req, res).finally(() => answering.delete(done));
      answering.add(done);
      return done;
    },
    ended: async () => {
      while (answering.size > 0) await Promise.allSettled([...answering]);
    },
  };
}
