import type { Generated } from 'kysely';

/** A quarter's narrative of a pole: its version (only grows) and last save. */
export interface NarrativeTable {
  pole_id: number;
  period: string;
  version: number;
  updated_at: string;
  updated_by: number | null;
}

/** One non-empty text of a narrative: the pole's under its pole scope, a group's under it. */
export interface NarrativeTextTable {
  pole_id: number;
  period: string;
  group_id: number;
  text: string;
}

/** Append-only: triggers refuse UPDATE and DELETE. `''` is no text. */
export interface NarrativeHistoryTable {
  id: Generated<number>;
  pole_id: number;
  period: string;
  group_id: number;
  old_text: string;
  new_text: string;
  version: number;
  changed_at: string;
  changed_by: number | null;
}
