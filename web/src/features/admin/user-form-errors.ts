import type { z } from 'zod';

export type UserField = 'email' | 'name' | 'password' | 'memberships';

/**
 * The first problem of each form field, as a message key of `users.errors`, from the shared
 * schema's issues (the server checks the same schema).
 */
export function fieldErrors(error: z.ZodError | undefined): Partial<Record<UserField, string>> {
  const out: Partial<Record<UserField, string>> = {};
  for (const issue of error?.issues ?? []) {
    const field = issue.path[0];
    if (field === 'email' || field === 'name' || field === 'password' || field === 'memberships')
      out[field] ??= `users.errors.${field}`;
  }
  return out;
}
