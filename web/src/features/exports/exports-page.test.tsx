import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onUnauthenticated } from '../../lib/api-client';
import { freezeDate, renderWithProviders, stubFetch } from '../../testing/render';
import { ExportsPage } from './exports-page';

const region = { code: 'HDF', name: 'Hauts-de-France' };
const poles = [
  { slug: 'henin-carvin', name: 'PTCE Hénin-Carvin', territory: 'CAHC', region },
  { slug: 'demo-littoral', name: 'PTCE démo Littoral', territory: 'Littoral', region },
  {
    slug: 'demo-loire',
    name: 'PTCE démo Loire',
    territory: 'Loire',
    region: { code: 'PDL', name: 'Pays de la Loire' },
  },
];
const session = (role: string, extra: Record<string, string | null> = {}) => ({
  user: {
    id: 3,
    email: 'x@demo',
    name: 'Sophie',
    memberships: [{ role, pole: null, region: null, ...extra }],
  },
  expiresAt: null,
});
const manifest = {
  generatedAt: '2026-11-29T09:00:00.000Z',
  generatedBy: { name: 'Sophie', email: 'x@demo' },
  filters: {
    format: 'json',
    from: '2024Q1',
    to: '2026Q4',
    by: 'quarter',
    level: 'scope',
    region: null,
    poles: ['henin-carvin'],
    status: ['validated'],
    labels: null as string | null,
  },
  catalogueVersion: '1',
  columns: [
    'region',
    'pole',
    'scope',
    'indicator',
    'unit',
    'period',
    'slice',
    'value',
    'status',
    'complete',
  ],
  rowCount: 6402,
  statusCounts: { validated: 6000, submitted: 0, draft: 0, mixed: 402 },
  sha256: 'aa7af340bc550bf8b1a53823ce1ca1994fef0bdc658c00a3afe0f701229fdf24',
  notes: [],
};
const row = (i: number) => ({
  region: 'HDF',
  pole: 'henin-carvin',
  scope: 'transition-ecologique',
  indicator: `TE-IND-${i}`,
  unit: 'tonnes',
  period: '2025Q2',
  slice: '',
  value: 1234.5 + i,
  status: 'validated',
  complete: i % 2 === 0,
});

/** The same row with labels, as the server writes it for `labels=fr|en`. */
const labelled = (i: number, lang: string) => ({
  region: 'HDF',
  region_name: 'Hauts-de-France',
  pole: 'henin-carvin',
  pole_name: 'PTCE Hénin-Carvin',
  scope: 'transition-ecologique',
  scope_name: 'Transition écologique',
  indicator: `TE-IND-${i}`,
  indicator_label: `Indicateur ${i}`,
  unit: 't',
  period: lang === 'fr' ? 'T2 2025' : 'Q2 2025',
  slice: '',
  slice_label: '',
  value: 1234.5 + i,
  status: lang === 'fr' ? 'Validé' : 'Validated',
  complete: i % 2 === 0 ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no',
});
const LABELLED_COLUMNS = Object.keys(labelled(0, 'fr'));

/** The JSON export: with labels when the URL asks for them. */
function values(_body: unknown, url: URL) {
  const lang = url.searchParams.get('labels');
  if (!lang) return { json: { manifest, rows: Array.from({ length: 25 }, (_, i) => row(i)) } };
  return {
    json: {
      manifest: {
        ...manifest,
        filters: { ...manifest.filters, labels: lang },
        columns: LABELLED_COLUMNS,
      },
      rows: Array.from({ length: 25 }, (_, i) => labelled(i, lang)),
    },
  };
}

type Answer = { status?: number; json?: unknown };

function renderExports(
  role: string,
  list = poles.slice(0, 2),
  extra = {},
  manifestAnswer: () => Answer = () => ({ json: manifest }),
  lang: 'fr' | 'en' = 'fr',
) {
  const calls = stubFetch({
    'GET /api/session': () => ({ json: session(role, extra) }),
    'GET /api/poles': () => ({ json: { poles: list } }),
    'GET /api/exports/values': values,
    'GET /api/exports/manifest': manifestAnswer,
  });
  renderWithProviders(<ExportsPage />, { route: '/exports', path: '/exports', lang });
  return calls;
}

const download = (name = 'Télécharger') => screen.getByRole('link', { name });
const previews = (calls: Array<{ url: string }>) =>
  calls.filter((c) => c.url.startsWith('/api/exports/values')).map((c) => c.url);

freezeDate('2026-11-29T10:00:00Z');

describe('ExportsPage', () => {
  it('previews the first 20 rows as the file holds them, and downloads csv-fr with French labels, validated quarters only, for a CRESS', async () => {
    const calls = renderExports('cress', poles.slice(0, 2), { region: 'HDF' });
    const table = await screen.findByRole('table', {
      name: 'Les 20 premières lignes sur 6\u202f402',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    // the file's French headers, names and words
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Code région',
      'Région',
      'Identifiant du pôle',
      'Pôle',
      'Identifiant du périmètre',
      'Périmètre',
      'Code indicateur',
      'Indicateur',
      'Unité',
      'Période',
      'Code ventilation',
      'Ventilation',
      'Valeur',
      'Statut',
      'Complet',
    ]);
    expect(within(table).getByText('1 234,5')).toBeInTheDocument();
    expect(within(table).getAllByText('T2 2025')).toHaveLength(20);
    expect(within(table).getAllByText('Validé')).toHaveLength(20);
    expect(within(table).getAllByText('oui')).toHaveLength(10);
    expect(within(table).getAllByText('PTCE Hénin-Carvin')).toHaveLength(20);
    expect(screen.getByText(manifest.sha256)).toBeInTheDocument();
    expect(screen.getByText('6 402')).toBeInTheDocument();
    // the manifest's rows by status
    expect(screen.getByText('Validé : 6 000')).toBeInTheDocument();
    expect(screen.getByText('Brouillon : 0')).toBeInTheDocument();
    expect(screen.getByText('Mixte : 402')).toBeInTheDocument();
    const query = 'from=2024Q1&to=2026Q4&by=quarter&level=scope&status=validated';
    expect(download()).toHaveAttribute(
      'href',
      `/api/exports/values?format=csv-fr&${query}&labels=fr`,
    );
    expect(download()).toHaveAttribute('download');
    expect(screen.getByRole('link', { name: 'Manifeste (JSON)' })).toHaveAttribute(
      'href',
      `/api/exports/manifest?format=csv-fr&${query}&labels=fr`,
    );
    expect(screen.getByRole('radio', { name: 'CSV pour Excel en français' })).toBeChecked();
    expect(
      screen.getByRole('radio', { name: 'CSV pour Excel en français' }),
    ).toHaveAccessibleDescription(/virgule décimale.*Excel et LibreOffice en français/);
    // a CRESS passes on what it validated: only that state is checked
    const states = screen.getByRole('group', { name: 'Trimestres inclus' });
    expect(
      within(states)
        .getAllByRole('checkbox')
        .map((c) => [
          (c as HTMLInputElement).labels?.[0]?.textContent,
          (c as HTMLInputElement).checked,
        ]),
    ).toEqual([
      ['Validé', true],
      ['Soumis', false],
      ['Brouillon', false],
    ]);
    // the preview is the same export, as JSON with the same labels
    expect(previews(calls)).toEqual([`/api/exports/values?format=json&${query}&labels=fr`]);
    // a CRESS has no region filter: its region is its scope
    expect(screen.queryByRole('combobox', { name: 'Région' })).not.toBeInTheDocument();
  });

  it('sends the states checked, comma-separated, and none when all are', async () => {
    renderExports('cress', poles.slice(0, 2), { region: 'HDF' });
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('checkbox', { name: 'Soumis' }));
    expect(download().getAttribute('href')).toContain('&status=submitted,validated&');
    await user.click(screen.getByRole('checkbox', { name: 'Brouillon' }));
    expect(download().getAttribute('href')).not.toContain('status=');
    for (const name of ['Validé', 'Soumis', 'Brouillon'])
      await user.click(screen.getByRole('checkbox', { name }));
    expect(screen.queryByRole('link', { name: 'Télécharger' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Choisissez au moins un état de trimestre.').length).toBe(2);
    await user.click(screen.getByRole('checkbox', { name: 'Brouillon' }));
    expect(download().getAttribute('href')).toContain('&status=draft&');
  });

  it('shows the codes of a script format in its preview, as the file holds them', async () => {
    renderExports('admin', poles);
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('radio', { name: 'CSV standard (RFC 4180)' }));
    expect(download()).toHaveAttribute(
      'href',
      '/api/exports/values?format=csv&from=2024Q1&to=2026Q4&by=quarter&level=scope',
    );
    await waitFor(() =>
      expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(
        manifest.columns,
      ),
    );
    const table = screen.getByRole('table');
    expect(within(table).getAllByText('2025Q2')).toHaveLength(20);
    expect(within(table).getAllByText('validated')).toHaveLength(20);
    expect(within(table).getAllByText('true')).toHaveLength(10);
    expect(within(table).getByText('1 234,5')).toBeInTheDocument();
  });

  it('in English, the readable formats carry English labels', async () => {
    const calls = renderExports('cress', poles.slice(0, 2), { region: 'HDF' }, undefined, 'en');
    const table = await screen.findByRole('table');
    const query = 'from=2024Q1&to=2026Q4&by=quarter&level=scope&status=validated';
    expect(screen.getByRole('radio', { name: 'CSV for Excel (French settings)' })).toBeChecked();
    expect(download('Download')).toHaveAttribute(
      'href',
      `/api/exports/values?format=csv-fr&${query}&labels=en`,
    );
    expect(previews(calls)).toEqual([`/api/exports/values?format=json&${query}&labels=en`]);
    expect(within(table).getAllByText('Q2 2025')).toHaveLength(20);
    expect(within(table).getAllByRole('columnheader')[0]).toHaveTextContent('Region code');
    expect(screen.getByText('Validated: 6,000')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Excel workbook (.xlsx)' }));
    expect(download('Download')).toHaveAttribute(
      'href',
      `/api/exports/values?format=xlsx&${query}&labels=en`,
    );
  });

  it('builds the URL of each option and refreshes the preview once the filters settle', async () => {
    const calls = renderExports('cress', poles.slice(0, 2), { region: 'HDF' });
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('radio', { name: 'Par pôle' }));
    await user.click(screen.getByRole('radio', { name: 'Par année' }));
    await user.click(screen.getByRole('radio', { name: 'Classeur Excel (.xlsx)' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Du' }), 'T1 2025');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Au' }), 'T4 2025');
    await user.click(screen.getByRole('checkbox', { name: 'PTCE démo Littoral' }));
    const query = 'from=2025Q1&to=2025Q4&by=year&level=pole&poles=henin-carvin&status=validated';
    expect(download()).toHaveAttribute(
      'href',
      `/api/exports/values?format=xlsx&${query}&labels=fr`,
    );
    await waitFor(() =>
      expect(previews(calls).at(-1)).toBe(`/api/exports/values?format=json&${query}&labels=fr`),
    );
    // debounced: not one preview per change (five filters changed, the format is not one)
    expect(previews(calls).length).toBeLessThan(6);

    await user.click(screen.getByRole('radio', { name: 'JSON' }));
    expect(download()).toHaveAttribute('href', `/api/exports/values?format=json&${query}`);
    await waitFor(() =>
      expect(previews(calls).at(-1)).toBe(`/api/exports/values?format=json&${query}`),
    );
    await user.click(screen.getByRole('radio', { name: 'CSV standard (RFC 4180)' }));
    expect(download()).toHaveAttribute('href', `/api/exports/values?format=csv&${query}`);
    await user.click(screen.getByRole('radio', { name: 'Par région' }));
    expect(download().getAttribute('href')).toContain('level=region');
    // "Du" past "Au" moves "Au" along
    await user.selectOptions(screen.getByRole('combobox', { name: 'Du' }), 'T2 2026');
    expect(screen.getByRole('combobox', { name: 'Au' })).toHaveValue('2026Q2');

    await user.click(screen.getByRole('button', { name: 'Tout désélectionner' }));
    expect(screen.queryByRole('link', { name: 'Télécharger' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Choisissez au moins un pôle.').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Tout sélectionner' }));
    expect(download().getAttribute('href')).not.toContain('poles=');
  });

  it('lets an admin filter by region, which narrows the pole list', async () => {
    renderExports('admin', poles);
    const user = userEvent.setup();
    await screen.findByRole('table');
    const poleChecks = () =>
      within(screen.getByRole('group', { name: 'Pôles' })).getAllByRole('checkbox');
    expect(poleChecks()).toHaveLength(3);
    // an admin exports every state by default
    expect(
      within(screen.getByRole('group', { name: 'Trimestres inclus' }))
        .getAllByRole('checkbox')
        .every((c) => (c as HTMLInputElement).checked),
    ).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'PTCE démo Loire' }));
    expect(download()).toHaveAttribute(
      'href',
      '/api/exports/values?format=csv-fr&from=2024Q1&to=2026Q4&by=quarter&level=scope&poles=henin-carvin,demo-littoral&labels=fr',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Région' }),
      'Pays de la Loire (PDL)',
    );
    expect(poleChecks()).toHaveLength(1);
    expect(download()).toHaveAttribute(
      'href',
      '/api/exports/values?format=csv-fr&from=2024Q1&to=2026Q4&by=quarter&level=scope&region=PDL&labels=fr',
    );
  });

  it('gives a coordinator of one pole no pole filter, and shows a refused preview', async () => {
    stubFetch({
      'GET /api/session': () => ({ json: session('coordinator', { pole: 'henin-carvin' }) }),
      'GET /api/poles': () => ({ json: { poles: poles.slice(0, 1) } }),
      'GET /api/exports/values': () => ({
        status: 400,
        json: { error: { code: 'VALIDATION_FAILED', message: 'Requête invalide.' } },
      }),
    });
    renderWithProviders(<ExportsPage />, { route: '/exports', path: '/exports' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Requête invalide.');
    expect(screen.queryByRole('group', { name: 'Pôles' })).not.toBeInTheDocument();
    expect(download()).toBeInTheDocument();
  });
});

/** Every click on a link during each test: its address and whether the browser may follow it. */
function recordClicks() {
  const clicks: Array<{ href: string | null; followed: boolean }> = [];
  const listener = (e: Event) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a) return;
    clicks.push({ href: a.getAttribute('href'), followed: !e.defaultPrevented });
    e.preventDefault(); // jsdom does not navigate
  };
  beforeEach(() => document.addEventListener('click', listener));
  afterEach(() => {
    document.removeEventListener('click', listener);
    clicks.length = 0;
  });
  return clicks;
}

const manifests = (calls: Array<{ url: string }>) =>
  calls.filter((c) => c.url.startsWith('/api/exports/manifest')).map((c) => c.url);
const QUERY =
  'format=csv-fr&from=2024Q1&to=2026Q4&by=quarter&level=scope&status=validated&labels=fr';

describe('ExportsPage — download', () => {
  const clicks = recordClicks();

  it('checks the manifest of the same filters, then lets the browser stream the file', async () => {
    const calls = renderExports('cress', poles.slice(0, 2), { region: 'HDF' });
    await screen.findByRole('table');
    await userEvent.setup().click(download());
    await waitFor(() => expect(clicks).toHaveLength(2));
    expect(manifests(calls)).toEqual([`/api/exports/manifest?${QUERY}`]);
    expect(clicks).toEqual([
      { href: `/api/exports/values?${QUERY}`, followed: false },
      { href: `/api/exports/values?${QUERY}`, followed: true },
    ]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a refused check and saves nothing, without a retry', async () => {
    renderExports('cress', poles.slice(0, 2), { region: 'HDF' }, () => ({
      status: 400,
      json: { error: { code: 'VALIDATION_FAILED', message: 'Période invalide.' } },
    }));
    await screen.findByRole('table');
    await userEvent.setup().click(download());
    expect(await screen.findByRole('alert')).toHaveTextContent('Période invalide.');
    expect(clicks).toEqual([{ href: `/api/exports/values?${QUERY}`, followed: false }]);
    expect(screen.queryByRole('button', { name: 'Réessayer' })).not.toBeInTheDocument();
  });

  it('sends an expired session to the login, instead of saving the error as the file', async () => {
    const expired = vi.fn();
    const stop = onUnauthenticated(expired);
    renderExports('cress', poles.slice(0, 2), { region: 'HDF' }, () => ({
      status: 401,
      json: { error: { code: 'UNAUTHENTICATED', message: 'Session expirée.' } },
    }));
    await screen.findByRole('table');
    await userEvent.setup().click(download());
    expect(await screen.findByRole('alert')).toHaveTextContent('Session expirée.');
    expect(expired).toHaveBeenCalledOnce();
    expect(clicks.filter((c) => c.followed)).toEqual([]);
    stop();
  });

  it('saves the manifest from the check itself, without asking for it twice', async () => {
    const created = vi.fn((_blob: Blob) => 'blob:manifest');
    vi.stubGlobal(
      'URL',
      Object.assign(class extends URL {}, { createObjectURL: created, revokeObjectURL: vi.fn() }),
    );
    const saved = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const calls = renderExports('cress', poles.slice(0, 2), { region: 'HDF' });
    await screen.findByRole('table');
    await userEvent.setup().click(screen.getByRole('link', { name: 'Manifeste (JSON)' }));
    await waitFor(() => expect(saved).toHaveBeenCalledOnce());
    const a = saved.mock.contexts[0] as HTMLAnchorElement;
    expect([a.getAttribute('href'), a.download]).toEqual([
      'blob:manifest',
      'manifeste-export.json',
    ]);
    expect(JSON.parse(await created.mock.calls[0]![0].text())).toEqual(manifest);
    expect(manifests(calls)).toHaveLength(1);
    saved.mockRestore();
    vi.unstubAllGlobals();
  });
});
