import { z } from 'zod';

export * from './session.wire';

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const LoginRequestSchema = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;
