import { POLE_SCOPE, type Scope } from '@ptce/shared/poles.schema';
import { RegionCodeSchema, SlugSchema } from '@ptce/shared/session.schema';
import { MembershipInputSchema } from '@ptce/shared/users.schema';
import { z } from 'zod';
import raw from '../demo.json' with { type: 'json' };

/** Members of the `working_group` dimension that a group slug must never shadow. */
const RESERVED_SLUGS = [POLE_SCOPE, 'transversal', 'non_renseigne'];

const IndicatorListSchema = z.array(z.string().min(1)).min(1);

const DemoGroupSchema = z.strictObject({
  slug: SlugSchema.check(z.refine((s: string) => !RESERVED_SLUGS.includes(s), 'reserved slug')),
  name: z.string().min(1),
  indicators: IndicatorListSchema,
});

/** Settings of the demo-value generator for one pole (ignored by everything else). */
const DemoGeneratorSettingsSchema = z.strictObject({
  /** Size multiplier against a typical PTCE (~15 members, ~100 jobs): 1 = typical. */
  scale: z.number().positive().max(10),
  /** Yearly growth of activity volumes, e.g. 0.06 for +6 % a year. */
  growth: z.number().min(-0.5).max(0.5),
  /** Breakdown dimensions this pole never fills (its slices stay empty). */
  skipDimensions: z.array(z.string()),
});

const DemoPoleSchema = z.strictObject({
  slug: SlugSchema,
  name: z.string().min(1),
  territory: z.string().min(1),
  region: RegionCodeSchema,
  /** Indicators tracked by the pole-level scope `pole`. */
  poleIndicators: IndicatorListSchema,
  groups: z.array(DemoGroupSchema).min(1),
  generator: DemoGeneratorSettingsSchema,
});
export type DemoPole = z.infer<typeof DemoPoleSchema>;

const DemoAccountSchema = z.strictObject({
  email: z.email(),
  name: z.string().min(1),
  memberships: z.array(MembershipInputSchema).min(1),
});

function unique(list: string[]): boolean {
  return new Set(list).size === list.length;
}

export const DemoDefinitionSchema = z
  .strictObject({
    regions: z.array(z.strictObject({ code: RegionCodeSchema, name: z.string().min(1) })).min(1),
    poles: z.array(DemoPoleSchema).min(1),
    accounts: z.array(DemoAccountSchema),
  })
  .superRefine((d, ctx) => {
    const regions = d.regions.map((r) => r.code);
    const poles = d.poles.map((p) => p.slug);
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (!unique(regions) || !unique(poles)) issue('duplicate region code or pole slug');
    if (!unique(d.accounts.map((a) => a.email))) issue('duplicate account email');
    for (const p of d.poles) {
      if (!regions.includes(p.region)) issue(`${p.slug}: unknown region ${p.region}`);
      if (!unique(p.groups.map((g) => g.slug))) issue(`${p.slug}: duplicate group slug`);
    }
    for (const m of d.accounts.flatMap((a) => a.memberships)) {
      if (m.pole && !poles.includes(m.pole)) issue(`unknown pole ${m.pole}`);
      if (m.region && !regions.includes(m.region)) issue(`unknown region ${m.region}`);
    }
  });
export type DemoDefinition = z.infer<typeof DemoDefinitionSchema>;

/**
 * The demo (`data/demo.json`): region HDF, the PTCE Hénin-Carvin and two fictional poles,
 * with the demo accounts (emails and names only: the server generates their passwords).
 * @throws ZodError if the JSON does not match {@link DemoDefinitionSchema}.
 */
export function loadDemo(): DemoDefinition {
  return DemoDefinitionSchema.parse(raw);
}

/**
 * A pole's reporting scopes: the pole-level scope `pole` first, then its working groups,
 * in the shape of the API's `Scope`.
 */
export function poleScopes(pole: DemoPole): Scope[] {
  return [
    {
      slug: POLE_SCOPE,
      name: 'Pôle (indicateurs transversaux)',
      kind: 'pole',
      indicators: pole.poleIndicators,
    },
    ...pole.groups.map((g) => ({
      slug: g.slug,
      name: g.name,
      kind: 'group' as const,
      indicators: g.indicators,
    })),
  ];
}
