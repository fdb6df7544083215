import type { Translation } from './translation';

/** Texts of administration, accounts, the quarter workflow and requests, French first. */
export const adminFr = {
  'admin.retiredIndicator': '{indicator} a quitté le catalogue : il ne peut plus être ajouté.',
  'admin.unknownPole': 'Pôle inconnu : {pole}.',
  'admin.unknownRegion': 'Région inconnue : {region}.',
  'admin.regionExists': 'La région {region} existe déjà.',
  'admin.poleExists': 'Un pôle a déjà l’identifiant {pole}.',
  'admin.groupExists': 'Ce pôle a déjà un groupe {group}.',
  'admin.reservedSlug': '« {slug} » est réservé par le catalogue.',
  'admin.lastAdmin': 'Il doit rester au moins un compte administrateur actif.',
  'admin.disableSelf': 'Vous ne pouvez pas désactiver votre propre compte.',
  'users.emailTaken': 'Cette adresse a déjà un compte.',
  'auth.sessionRequired':
    'Un jeton d’API ne peut pas gérer les comptes, les rôles, les mots de passe ni les jetons : connectez-vous avec votre mot de passe.',
  'periods.reasonRequired': 'Un motif écrit est obligatoire.',
  'periods.submitRefused':
    'Le trimestre ne peut pas être soumis : des règles de cohérence ne sont pas respectées ({count}). Corrigez les valeurs ou justifiez chaque erreur dans la grille.',
  'http.invalidJson': 'Le corps de la requête n’est pas du JSON valide.',
} as const;

export const adminEn: Translation<typeof adminFr> = {
  'admin.retiredIndicator': '{indicator} left the catalogue: it can no longer be added.',
  'admin.unknownPole': 'Unknown pole: {pole}.',
  'admin.unknownRegion': 'Unknown region: {region}.',
  'admin.regionExists': 'Region {region} already exists.',
  'admin.poleExists': 'A pole already has the slug {pole}.',
  'admin.groupExists': 'This pole already has a group {group}.',
  'admin.reservedSlug': '"{slug}" is reserved by the catalogue.',
  'admin.lastAdmin': 'At least one enabled admin account must remain.',
  'admin.disableSelf': 'You cannot disable your own account.',
  'users.emailTaken': 'This e-mail already has an account.',
  'auth.sessionRequired':
    'An API token cannot manage accounts, roles, passwords or tokens: sign in with your password.',
  'periods.reasonRequired': 'A written reason is required.',
  'periods.submitRefused':
    'The quarter cannot be submitted: consistency rules are broken ({count}). Fix the values or give a reason for each error in the grid.',
  'http.invalidJson': 'The request body is not valid JSON.',
};
