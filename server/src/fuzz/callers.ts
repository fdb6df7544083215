import fc from 'fast-check';
import type { RouteDoc } from '../openapi/route-doc';
import { hostileString } from './hostile-values';
import { encodeLoose } from './path-parts';
import { latin1 } from './send-and-check';

/** Every caller of a fuzz instance but the broken ones; the pole's coordinator more often. */
const anyRole = fc.constantFrom(
  'coordinator',
  'coordinator',
  'admin',
  'cress',
  'board',
  'cressOther',
  'coordOther',
  'writeToken',
  'readToken',
  'anonymous',
);

/** The caller most likely to get past the access checks of a route, from its path. */
function ownerOf(r: RouteDoc): string {
  if (r.path.startsWith('/api/admin/') || r.path === '/api/users') return 'admin';
  if (/\/(validate|reopen)$/.test(r.path)) return 'cress';
  return 'coordinator';
}

/** The route's owner half of the time, anyone otherwise: deep code is reached, access too. */
export const callerFor = (r: RouteDoc) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(ownerOf(r)) }, { weight: 1, arbitrary: anyRole });

/** Credentials nobody issued: malformed, oversized or plausible cookies and bearer tokens. */
export const forgedCredentials: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constantFrom<Record<string, string>>(
    { cookie: 'ptce_session=' },
    { cookie: 'ptce_session=ptce_s_forged-but-plausible-0123456789' },
    { cookie: `ptce_session=${'a'.repeat(5000)}` },
    { cookie: 'ptce_session=%E0%A4%A; ptce_session=x' },
    { cookie: 'ptce_session="quoted"; other=1' },
    { cookie: ';;;==;' },
    { authorization: 'Bearer' },
    { authorization: 'Bearer ' },
    { authorization: 'Bearer short' },
    { authorization: 'bearer ptce_t_forged-token-0123456789' },
    { authorization: `Bearer ${'x'.repeat(300)}` },
    { authorization: 'Bearer a b c d e f g h i j k' },
    { authorization: 'Basic YWRtaW46YWRtaW4=' },
    { authorization: 'Token abc' },
  ),
  hostileString.map((s) => ({ cookie: `ptce_session=${latin1(s)}` })),
  hostileString.map((s) => ({ authorization: `Bearer ${latin1(s)}` })),
);

/** Headers a browser or a proxy adds: cross-site origins (CSRF), junk languages, file names. */
export const browserHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    origin: fc.constantFrom(
      'http://evil.test',
      'null',
      'http://localhost',
      'http://localhost.evil.test',
    ),
    referer: fc.constantFrom('not a url', 'http://evil.test/x', 'http://localhost/poles'),
    'sec-fetch-site': fc.constantFrom('cross-site', 'same-origin', 'none', '???'),
    'accept-language': fc.oneof(
      fc.constantFrom('en', 'de', '*', ',,,', 'en;q=abc'),
      hostileString.map(latin1),
    ),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'garbage', ''),
    'x-filename': hostileString.map((s) => encodeLoose(s).slice(0, 2000)),
  },
  { requiredKeys: [] },
);
