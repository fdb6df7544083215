import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { trackInFlight } from './in-flight';

const req = {} as IncomingMessage;
const res = {} as ServerResponse;

/** A handler that ends when told, failing or not. */
function handler() {
  const pending: Array<{ end: () => void; fail: () => void }> = [];
  const listener = () =>
    new Promise<void>((resolve, reject) => {
      pending.push({ end: resolve, fail: () => reject(new Error('handler failed')) });
    });
  return { listener, pending };
}

describe('trackInFlight', () => {
  it('ends only after every handler begun has ended, failed ones included', async () => {
    const h = handler();
    const tracked = trackInFlight(h.listener);
    const first = tracked.listener(req, res);
    const second = tracked.listener(req, res).catch(() => undefined);
    let ended = false;
    const waiting = tracked.ended().then(() => {
      ended = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(ended).toBe(false);
    h.pending[0]!.end();
    await first;
    await new Promise((r) => setTimeout(r, 5));
    expect(ended).toBe(false);
    // A request begun while waiting is waited for too.
    const third = tracked.listener(req, res);
    h.pending[1]!.fail();
    await second;
    await new Promise((r) => setTimeout(r, 5));
    expect(ended).toBe(false);
    h.pending[2]!.end();
    await third;
    await waiting;
    expect(ended).toBe(true);
  });

  it('ends at once when nothing is being answered, and passes each handler’s outcome on', async () => {
    const h = handler();
    const tracked = trackInFlight(h.listener);
    await tracked.ended();
    const failing = tracked.listener(req, res);
    h.pending[0]!.fail();
    await expect(failing).rejects.toThrow('handler failed');
    await tracked.ended();
  });
});
