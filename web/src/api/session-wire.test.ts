import { ErrorEnvelopeSchema } from '@ptce/shared/errors.schema';
import { SessionResponseSchema } from '@ptce/shared/session.schema';
import { describe, expect, it } from 'vitest';
import { toJSONSchema } from 'zod/v4/core';
import { ErrorEnvelopeWireSchema, SessionWireSchema } from './session-wire';

describe('the login page’s zod/mini wire shapes', () => {
  it('are the shared session answer, exactly', () => {
    expect(toJSONSchema(SessionWireSchema)).toEqual(toJSONSchema(SessionResponseSchema));
  });

  it('are the shared error envelope, exactly', () => {
    expect(toJSONSchema(ErrorEnvelopeWireSchema)).toEqual(toJSONSchema(ErrorEnvelopeSchema));
  });

  it('refuse what the shared schema refuses', () => {
    const bad = { user: { id: 1.5, email: 'a', name: 'b', memberships: [] }, expiresAt: null };
    expect(SessionWireSchema.safeParse(bad).success).toBe(false);
    expect(SessionResponseSchema.safeParse(bad).success).toBe(false);
  });
});
