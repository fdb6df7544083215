import type { ImportResult } from '@ptce/shared/imports.schema';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { periodState, periodsBody, poleDetail } from '../../testing/fixtures';
import { freezeDate, renderWithProviders, stubFetch } from '../../testing/render';
import { ImportPage } from './import-page';

const POLE = 'henin-carvin';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pole = (roles: string[]) =>
  poleDetail({
    slug: POLE,
    name: 'PTCE Hénin-Carvin',
    territory: 'CAHC',
    scopes: [
      { slug: 'mobilite-sociale', name: 'Mobilité sociale', kind: 'group', indicators: [] },
      { slug: 'pole', name: 'Pôle', kind: 'pole', indicators: [] },
    ],
    roles,
  });
const change = {
  sheet: 'Mobilité sociale',
  row: 7,
  scope: 'mobilite-sociale',
  indicator: 'MS-SORTIES',
  slice: '',
  label: 'Sorties de parcours',
  old: 1200,
  new: 1234.5,
  oldComment: null,
  newComment: 'chantier prolongé',
  version: 2,
};
const result = (dryRun: boolean): ImportResult => ({
  pole: POLE,
  period: '2026Q4',
  format: 'xlsx',
  fileName: 'modele.xlsx',
  dryRun,
  rows: 270,
  changes: [
    change,
    {
      ...change,
      row: 8,
      indicator: 'MS-ENTREES',
      label: 'Entrées',
      old: null,
      new: 3,
      newComment: null,
    },
  ],
  unchanged: 268,
  rules: {
    errors: [],
    warnings: [
      {
        rule: 'W1',
        severity: 'warning',
        scope: 'mobilite-sociale',
        period: '2026Q4',
        slice: '',
        subject: '',
        message: 'Les sorties dépassent les entrées.',
        cells: [],
        params: {},
        locations: [{ sheet: 'Mobilité sociale', row: 7 }],
      },
    ],
    overridden: [
      {
        rule: 'E1',
        severity: 'error',
        scope: 'mobilite-sociale',
        period: '2026Q4',
        slice: '',
        subject: '',
        message: 'Les sorties vers l’emploi dépassent les sorties de parcours.',
        cells: [],
        params: {},
        locations: [{ sheet: 'Mobilité sociale', row: 9 }],
      },
    ],
  },
});

type Answer = { status?: number; json?: unknown };

/**
 * stubFetch for uploads: its stub parses bodies as JSON, so a file body is taken out before it
 * and recorded here with its content type.
 */
function stubImport(answer: (dryRun: boolean) => Answer, roles = ['coordinator']) {
  const calls = stubFetch({
    [`GET /api/poles/${POLE}`]: () => ({ json: pole(roles) }),
    [`POST /api/poles/${POLE}/import`]: (_, url) =>
      answer(url.searchParams.get('dryRun') === 'true'),
  });
  const jsonFetch = globalThis.fetch;
  const uploads: Array<{ url: string; type: string; file: Blob }> = [];
  const forms: Array<{ url: string; type: string | undefined; form: FormData }> = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.body instanceof FormData) {
      const headers = init.headers as Record<string, string>;
      forms.push({ url: String(input), type: headers['content-type'], form: init.body });
      return jsonFetch(input, { ...init, body: null });
    }
    if (!(init?.body instanceof Blob)) return jsonFetch(input, init);
    const headers = init.headers as Record<string, string>;
    uploads.push({ url: String(input), type: headers['content-type'] ?? '', file: init.body });
    return jsonFetch(input, { ...init, body: null });
  }) as typeof fetch;
  return { calls, uploads, forms };
}

const renderImport = (period = '2026Q4') =>
  renderWithProviders(<ImportPage />, {
    route: `/poles/${POLE}/import/${period}`,
    path: '/poles/:pole/import/:period',
  });

const file = () => new File(['PK\u0003\u0004…'], 'modele.xlsx', { type: XLSX });

freezeDate('2026-11-29T10:00:00Z');

describe('ImportPage — which quarter', () => {
  const periods = () => ({
    json: periodsBody([
      periodState('2026Q2', { status: 'validated' }),
      periodState('2026Q3', { status: 'draft' }),
      periodState('2026Q4', { status: 'submitted' }),
    ]),
  });

  it('says a locked quarter takes no file before any upload', async () => {
    stubFetch({
      [`GET /api/poles/${POLE}`]: () => ({ json: pole(['coordinator']) }),
      [`GET /api/poles/${POLE}/periods`]: periods,
    });
    renderImport('2026Q4');
    expect(await screen.findByText(/Ce trimestre est verrouillé/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Fichier à importer')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirmer l’import' })).not.toBeInTheDocument();
  });

  it('opens on the latest quarter that can still be changed', async () => {
    stubFetch({
      [`GET /api/poles/${POLE}`]: () => ({ json: pole(['coordinator']) }),
      [`GET /api/poles/${POLE}/periods`]: periods,
    });
    renderWithProviders(<ImportPage />, {
      route: `/poles/${POLE}/import`,
      path: '/poles/:pole/import',
      extraRoutes: [{ path: '/poles/:pole/import/:period', element: <ImportPage /> }],
    });
    expect(
      await screen.findByRole('heading', { name: 'Importer un fichier — T3 2026' }),
    ).toBeInTheDocument();
    expect(await screen.findByLabelText('Fichier à importer')).toBeEnabled();
  });
});

describe('ImportPage', () => {
  it('shows the dry run diff, then imports the same file with dryRun=false', async () => {
    let release: () => void = () => {};
    const { uploads } = stubImport((dryRun) => ({ json: result(dryRun) }));
    renderImport();
    const user = userEvent.setup();
    expect(await screen.findByRole('link', { name: 'Télécharger le modèle' })).toHaveAttribute(
      'href',
      `/api/poles/${POLE}/template.xlsx?period=2026Q4`,
    );
    const confirm = screen.getByRole('button', { name: 'Confirmer l’import' });
    expect(confirm).toBeDisabled();

    const chosen = file();
    await user.upload(screen.getByLabelText('Fichier à importer'), chosen);
    const diff = await screen.findByRole('table', { name: 'Modifications' });
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.url).toBe(
      `/api/poles/${POLE}/import?period=2026Q4&dryRun=true&filename=modele.xlsx`,
    );
    expect(uploads[0]!.type).toBe(XLSX);
    expect(uploads[0]!.file).toBe(chosen);
    const rows = within(diff).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent(
      /Mobilité sociale\s*7\s*Mobilité sociale\s*Sorties de parcours/,
    );
    expect(rows[1]).toHaveTextContent('1 200 → 1 234,5');
    expect(rows[1]).toHaveTextContent('vide → « chantier prolongé »');
    expect(rows[2]).toHaveTextContent('— → 3');
    expect(rows[2]).toHaveTextContent('inchangé');
    expect(
      screen.getByText(
        '« modele.xlsx » : 2 valeurs à modifier, 268 lignes inchangées sur 270 lues.',
      ),
    ).toBeInTheDocument();
    const warnings = screen.getByRole('region', { name: 'Avertissements de cohérence' });
    expect(warnings).toHaveTextContent(
      'Les sorties dépassent les entrées. — onglet « Mobilité sociale », ligne 7',
    );
    expect(
      screen.getByRole('region', {
        name: 'Erreurs de cohérence acceptées avec un motif de dérogation',
      }),
    ).toHaveTextContent(
      'Les sorties vers l’emploi dépassent les sorties de parcours. — onglet « Mobilité sociale », ligne 9',
    );

    // the real run: pending state while the server works
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      await gate;
      return previous(input, init);
    }) as typeof fetch;
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(confirm).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Import de « modele.xlsx » en cours… ne fermez pas la page.',
    );
    release();
    expect(await screen.findByText('Import terminé : 2 valeurs modifiées.')).toBeInTheDocument();
    expect(uploads).toHaveLength(2);
    expect(uploads[1]!.url).toBe(
      `/api/poles/${POLE}/import?period=2026Q4&dryRun=false&filename=modele.xlsx`,
    );
    expect(uploads[1]!.file).toBe(chosen);
    expect(confirm).toBeDisabled();
    expect(
      screen.getByRole('link', { name: 'Ouvrir la grille de saisie de T4 2026' }),
    ).toHaveAttribute('href', `/poles/${POLE}/saisie/2026Q4/mobilite-sociale`);
  });

  it('lists every error of a refused file and keeps the import closed', async () => {
    const { uploads } = stubImport(() => ({
      status: 422,
      json: {
        error: {
          code: 'INVALID_ENTRIES',
          message: 'Le fichier contient 2 erreur(s) ; rien n’a été enregistré.',
          issues: [
            {
              code: 'not_a_number',
              message: '« abc » n’est pas un nombre.',
              sheet: null,
              row: 2,
              column: 'D',
              header: 'value',
            },
            {
              code: 'unknown_indicator',
              message: 'Indicateur inconnu : NOPE.',
              sheet: 'Pôle',
              row: 3,
              column: 'B',
              header: 'indicator',
            },
          ],
        },
      },
    }));
    renderImport();
    const user = userEvent.setup();
    await user.upload(
      await screen.findByLabelText('Fichier à importer'),
      new File(['a;b\n'], 'saisie.csv', { type: '' }),
    );
    const table = await screen.findByRole('table', { name: 'Erreurs du fichier' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Le fichier contient 2 erreur(s) ; rien n’a été enregistré.',
    );
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/CSV\s*2\s*D \(value\)\s*« abc » n’est pas un nombre\./);
    expect(rows[2]).toHaveTextContent(/Pôle\s*3\s*B \(indicator\)\s*Indicateur inconnu : NOPE\./);
    expect(uploads[0]!.type).toBe('text/csv');
    expect(screen.getByRole('button', { name: 'Confirmer l’import' })).toBeDisabled();
  });

  it('blocks on rule errors, and shows the errors of the real run', async () => {
    let real: Answer = { json: result(false) };
    const blocking = result(true);
    blocking.rules.errors = [
      { ...blocking.rules.warnings[0]!, severity: 'error', message: 'Taux > 100 %.' },
    ];
    stubImport((dryRun) => (dryRun ? { json: blocking } : real));
    renderImport();
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Fichier à importer'), file());
    expect(
      await screen.findByRole('region', { name: 'Erreurs de cohérence (bloquantes)' }),
    ).toHaveTextContent('Taux > 100 %.');
    expect(screen.getByRole('button', { name: 'Confirmer l’import' })).toBeDisabled();

    blocking.rules.errors = [];
    real = {
      status: 423,
      json: { error: { code: 'LOCKED', message: 'Ce trimestre est verrouillé.' } },
    };
    await user.upload(screen.getByLabelText('Fichier à importer'), file());
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Confirmer l’import' })).toBeEnabled(),
    );
    await user.click(screen.getByRole('button', { name: 'Confirmer l’import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce trimestre est verrouillé.');
  });

  it('takes one reason per rule error under the dry run and sends it with the import', async () => {
    const blocking = result(true);
    const e1 = {
      ...blocking.rules.warnings[0]!,
      rule: 'E1',
      severity: 'error' as const,
      message: 'Les sorties positives dépassent les sorties de parcours.',
      locations: [
        { sheet: 'Mobilité sociale', row: 7 },
        { sheet: 'Mobilité sociale', row: 9 },
      ],
    };
    blocking.rules.errors = [e1];
    const real = result(false);
    real.rules.overridden = [e1];
    const { uploads, forms } = stubImport((dryRun) => ({ json: dryRun ? blocking : real }));
    renderImport();
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Fichier à importer'), file());
    const errors = await screen.findByRole('region', { name: 'Erreurs de cohérence (bloquantes)' });
    expect(errors).toHaveTextContent('Erreur E1 : Les sorties positives dépassent');
    expect(errors).toHaveTextContent(
      'Lignes concernées : onglet « Mobilité sociale », ligne 7, onglet « Mobilité sociale », ligne 9',
    );
    const confirm = screen.getByRole('button', { name: 'Confirmer l’import' });
    expect(confirm).toBeDisabled();
    expect(
      screen.getByText(/^Une erreur de cohérence attend un motif de dérogation/),
    ).toBeInTheDocument();

    const box = within(errors).getByLabelText('Motif de dérogation — E1 — Mobilité sociale');
    await user.type(box, 'ok');
    expect(confirm).toBeDisabled();
    await user.type(box, ' : sorties du T2 régularisées');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(await screen.findByText('Import terminé : 2 valeurs modifiées.')).toBeInTheDocument();
    // the dry run sent the file alone; the real run, a form with the file and the reason
    expect(uploads).toHaveLength(1);
    expect(forms).toHaveLength(1);
    expect(forms[0]!.url).toContain('dryRun=false');
    expect(forms[0]!.type).toBeUndefined();
    expect((forms[0]!.form.get('file') as File).name).toBe('modele.xlsx');
    expect(JSON.parse(forms[0]!.form.get('overrides') as string)).toEqual([
      {
        rule: 'E1',
        scope: 'mobilite-sociale',
        slice: '',
        subject: '',
        reason: 'ok : sorties du T2 régularisées',
      },
    ]);
  });

  it('refuses a file over 5 MB without sending it', async () => {
    const { uploads } = stubImport(() => ({ json: result(true) }));
    renderImport();
    const user = userEvent.setup();
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'gros.xlsx', { type: XLSX });
    await user.upload(await screen.findByLabelText('Fichier à importer'), big);
    expect(screen.getByRole('alert')).toHaveTextContent('Fichier trop volumineux : 5 Mo au plus.');
    expect(uploads).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Confirmer l’import' })).toBeDisabled();
  });

  it('offers the template but no upload to the board, and changes quarter', async () => {
    stubImport(() => ({ json: result(true) }), ['board']);
    const { router } = renderImport();
    const user = userEvent.setup();
    expect(
      await screen.findByText('Seule la coordination du pôle peut importer un fichier.'),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Fichier à importer')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trimestre' }), 'T3 2026');
    expect(router.state.location.pathname).toBe(`/poles/${POLE}/import/2026Q3`);
  });
});
