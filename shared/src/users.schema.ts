import { z } from 'zod';
import { EmailSchema, RegionCodeSchema, RoleSchema, SlugSchema } from './session.schema';

export const MembershipInputSchema = z
  .strictObject({
    role: RoleSchema,
    pole: SlugSchema.optional(),
    region: RegionCodeSchema.optional(),
  })
  .superRefine((m, ctx) => {
    const needsPole = m.role === 'coordinator' || m.role === 'board';
    if (needsPole && (!m.pole || m.region)) {
      ctx.addIssue({ code: 'custom', message: `${m.role}: a pole and no region` });
    }
    if (m.role === 'cress' && (!m.region || m.pole)) {
      ctx.addIssue({ code: 'custom', message: 'cress: a region and no pole' });
    }
    if (m.role === 'admin' && (m.region || m.pole)) {
      ctx.addIssue({ code: 'custom', message: 'admin: no pole and no region' });
    }
  });
export type MembershipInput = z.infer<typeof MembershipInputSchema>;

export const CreateUserRequestSchema = z.strictObject({
  email: EmailSchema,
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12, 'at least 12 characters').max(1024),
  memberships: z.array(MembershipInputSchema).max(100),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const CreateTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  /** Also allow writes (PUT values…); tokens are read-only by default. */
  write: z.boolean().optional(),
});
export type CreateTokenRequest = z.infer<typeof CreateTokenRequestSchema>;

export const ApiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  canWrite: z.boolean(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
