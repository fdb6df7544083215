import { z } from 'zod';
import { EmailSchema } from './session.schema';
import { RegionCodeSchema, RoleSchema, SlugSchema } from './session.wire';

export * from './users.wire';

export const MembershipInputSchema = z
  .strictObject({
    role: RoleSchema,
    pole: z.optional(SlugSchema),
    region: z.optional(RegionCodeSchema),
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
