import type { Membership, Role } from '@ptce/shared/session.schema';

/** A membership resolved to ids, as the access checks need it. */
export interface Grant {
  role: Role;
  poleId: number | null;
  poleSlug: string | null;
  regionCode: string | null;
}

/** Who is calling, and how they proved it. */
export interface Principal {
  userId: number;
  email: string;
  name: string;
  grants: Grant[];
  via: 'cookie' | 'token';
  /** Hash of the session token (cookie) or API token id, to revoke on logout. */
  credential: string;
  expiresAt: string | null;
  /** False for a read-only API token. */
  canWrite: boolean;
}

export function toMembership(g: Grant): Membership {
  return { role: g.role, pole: g.poleSlug, region: g.regionCode };
}

export function isAdmin(p: Principal): boolean {
  return p.grants.some((g) => g.role === 'admin');
}

/** The roles `p` holds on a pole of `regionCode` with id `poleId` (admin holds every pole). */
export function rolesOnPole(p: Principal, poleId: number, regionCode: string): Set<Role> {
  const roles = new Set<Role>();
  for (const g of p.grants) {
    if (g.role === 'admin') roles.add('admin');
    else if (g.role === 'cress' && g.regionCode === regionCode) roles.add('cress');
    else if ((g.role === 'coordinator' || g.role === 'board') && g.poleId === poleId)
      roles.add(g.role);
  }
  return roles;
}
