import type { StoredValue } from '@ptce/shared/values.schema';
import { api } from './http-client';

/** A cell of the pole written by the writer, within its period. */
export interface WriterCell {
  scope: string;
  indicator: string;
}

/**
 * Whole-number indicators of the demo pole (two scopes) that no consistency error involves when
 * they only grow: the writer needs no override reason.
 */
export const GROWING_CELLS: WriterCell[] = [
  ...[
    'TE-DECHETS-COLLECTES',
    'TE-CA-REEMPLOI',
    'TE-SENSIBILISATION-ACTIONS',
    'TE-SENSIBILISATION-PERSONNES',
    'TE-ENERGIE-ECONOMISEE',
  ].map((indicator) => ({ scope: 'transition-ecologique', indicator })),
  ...[
    'PTCE-REUNIONS',
    'PTCE-PARTICIPATIONS-REUNIONS',
    'PTCE-EVENEMENTS',
    'PTCE-PARTICIPANTS-EVENEMENTS',
    'PTCE-PROJETS-ACTIFS',
    'PTCE-MUTUALISATIONS',
    'PTCE-ETP-ANIMATION',
    'PTCE-EMPLOIS-MEMBRES',
    'PTCE-EMPLOIS-CREES',
  ].map((indicator) => ({ scope: 'pole', indicator })),
];

interface Write {
  key: string;
  cell: WriterCell;
  value: number;
  version: number;
}

export const writerKey = (c: { scope: string; indicator: string; slice?: string }) =>
  `${c.scope}|${c.indicator}|${c.slice ?? ''}`;

/**
 * Continuous acknowledged writes of whole numbers to a quarter's cells, through
 * `PUT /api/poles/{pole}/values` with versions. `lanes` requests are in flight at once, each lane
 * owning its own cells and writing `batch` of them per request, every value one more than the
 * cell's last. Remembers what was acknowledged (200) and which batches got no answer (the server
 * died): those may or may not have landed, but only whole.
 */
export class ValueWriter {
  /** The last acknowledged value and version of each cell written. */
  readonly acked = new Map<string, { value: number; version: number }>();
  /** Batches sent that got no answer. */
  readonly unanswered: Write[][] = [];
  /** Answers other than 200, and 200s that did not save what was sent. */
  readonly errors: string[] = [];
  ackedRequests = 0;
  private running: Promise<void>[] = [];
  private stopping = false;

  constructor(
    private readonly opts: {
      pole: string;
      period: string;
      cells: WriterCell[];
      lanes: number;
      batch: number;
    },
  ) {}

  /** Starts writing to the server at `url`; lanes stop at `stop()` or when a request fails. */
  start(url: string, cookie: string): void {
    this.stopping = false;
    const { lanes } = this.opts;
    this.running = Array.from({ length: lanes }, (_, lane) =>
      this.lane(
        url,
        cookie,
        this.opts.cells.filter((_, i) => i % lanes === lane),
      ),
    );
  }

  /** Stops after the requests in flight and waits for the lanes to end. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  private async lane(url: string, cookie: string, cells: WriterCell[]): Promise<void> {
    for (let turn = 0; !this.stopping; turn++) {
      const batch: Write[] = [];
      for (let i = 0; i < this.opts.batch; i++) {
        const cell = cells[(turn * this.opts.batch + i) % cells.length]!;
        const key = writerKey(cell);
        const last = this.acked.get(key) ?? { value: 0, version: 0 };
        batch.push({ key, cell, value: last.value + 1, version: last.version });
      }
      let answer: Awaited<ReturnType<typeof api>>;
      try {
        answer = await api(url, cookie, 'PUT', `/api/poles/${this.opts.pole}/values`, {
          period: this.opts.period,
          entries: batch.map((w) => ({ ...w.cell, value: w.value, version: w.version })),
        });
      } catch {
        this.unanswered.push(batch);
        return;
      }
      if (answer.status !== 200) {
        this.errors.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        return;
      }
      const saved = new Map(
        (
          answer.body.saved as Array<{
            scope: string;
            indicator: string;
            slice: string;
            value: number;
            version: number;
          }>
        ).map((s) => [writerKey(s), s]),
      );
      for (const w of batch) {
        const s = saved.get(w.key);
        if (s?.value !== w.value || s.version !== w.version + 1)
          this.errors.push(
            `${w.key}: sent ${w.value} at v${w.version}, saved ${JSON.stringify(s)}`,
          );
        else this.acked.set(w.key, { value: w.value, version: w.version + 1 });
      }
      this.ackedRequests++;
    }
  }

  /**
   * Compares the server's values of the written cells (GET values of the period) with what was
   * acknowledged: each cell holds its last acknowledged write, or — for a batch that got no
   * answer — that batch's write, in which case the whole batch landed. Adopts the landed
   * batches as acknowledged and forgets the unanswered ones. Returns the disagreements and the
   * number of unanswered batches that landed.
   */
  reconcile(values: StoredValue[]): { problems: string[]; landed: number } {
    const stored = new Map(values.map((v) => [writerKey(v), v]));
    const pending = new Map<string, Write>();
    for (const b of this.unanswered) for (const w of b) pending.set(w.key, w);
    const problems: string[] = [];
    const landedWrite = (key: string) => {
      const s = stored.get(key);
      const w = pending.get(key);
      return !!(s && w && s.value === w.value && s.version === w.version + 1);
    };
    for (const cell of this.opts.cells) {
      const key = writerKey(cell);
      const s = stored.get(key);
      const a = this.acked.get(key);
      if (landedWrite(key)) continue;
      const holdsAcked = a ? s?.value === a.value && s.version === a.version : s === undefined;
      if (!holdsAcked)
        problems.push(
          `${key}: acknowledged ${JSON.stringify(a)}, pending ${JSON.stringify(pending.get(key))}, stored ${JSON.stringify(s && { value: s.value, version: s.version })}`,
        );
    }
    let landed = 0;
    for (const b of this.unanswered) {
      const whole = b.filter((w) => landedWrite(w.key)).length;
      if (whole === b.length) {
        landed++;
        for (const w of b) this.acked.set(w.key, { value: w.value, version: w.version + 1 });
      } else if (whole > 0) problems.push(`a batch landed in part: ${JSON.stringify(b)}`);
    }
    this.unanswered.length = 0;
    return { problems, landed };
  }
}
