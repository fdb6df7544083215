import {
  NarrativeHistoryQuerySchema,
  NarrativeHistorySchema,
  NarrativeSaveRequestSchema,
  NarrativeSchema,
} from '@ptce/shared/narrative.schema';
import type { RouteDoc } from '../openapi/route-doc';

const PATH = '/api/poles/{pole}/periods/{period}/narrative';

/** The quarter's "faits marquants" of a pole. */
export const NARRATIVE_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: PATH,
    tag: 'Narrative',
    summary: 'The quarter’s “faits marquants”: the pole’s text and its working groups’',
    description:
      'Every role on the pole reads it (coordinator, board, the region’s CRESS, admin). Never written: `text: ""`, `scopes: {}`, `version: 0`.',
    auth: 'session',
    ok: { status: 200, description: 'The narrative', schema: NarrativeSchema },
    errors: [400, 401, 404],
  },
  {
    method: 'put',
    path: PATH,
    tag: 'Narrative',
    summary: 'Save the quarter’s “faits marquants”',
    description:
      'The pole’s coordinator or an admin. `text` replaces the pole’s text; each scope listed in `scopes` (a working group of the pole) gets its text, `""` clears it, scopes not listed keep theirs. `version` is the one last read (absent or 0 when there was none): another one is a 409 whose issue (`stale_narrative`) carries the stored narrative. Lengths count Unicode code points. 422 INVALID_ENTRIES for a scope the pole has no working group for (the pole’s own text goes in `text`); 422 INVALID_STATE for a quarter not started; 423 when the quarter is submitted or validated. An unchanged save writes nothing.',
    auth: 'session',
    body: NarrativeSaveRequestSchema,
    ok: {
      status: 200,
      description: 'Saved (or unchanged): the narrative',
      schema: NarrativeSchema,
    },
    errors: [400, 401, 403, 404, 409, 413, 415, 422, 423],
  },
  {
    method: 'get',
    path: `${PATH}/history`,
    tag: 'Narrative',
    summary: 'Every change of the quarter’s “faits marquants”, newest first',
    description:
      'One change per text a save changed (`scope: null` is the pole’s text), with the old and new texts, who and when. `scope` filters one text (`pole`: the pole’s); pages with `limit` and `before` (the previous answer’s `nextBefore`).',
    auth: 'session',
    query: NarrativeHistoryQuerySchema,
    ok: { status: 200, description: 'History', schema: NarrativeHistorySchema },
    errors: [400, 401, 404],
  },
];
