import { currentQuarter, shiftQuarterWithin } from '@ptce/shared/periods';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { PATH, POLE, ROUTE, readRoutes, savedBody, stored } from './entry-fixtures';
import { EntryPage } from './entry-page';

const PERIOD = currentQuarter(new Date());
const HOURS = 'MS-HEURES-INSERTION';
const S = '\u00a0';
const G = '\u202f';

/** 1 200 h in each of the 8 quarters before PERIOD. */
const hours = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) =>
    stored(HOURS, 1200, { period: shiftQuarterWithin(PERIOD, -(from + i)) }),
  );

describe('EntryPage — outlier warnings as the user types', () => {
  it('shows O1–O3 quoting the history before saving, loading older totals only', async () => {
    const routes = readRoutes([]);
    const read = routes[`GET /api/poles/${POLE}/values`]!;
    const calls = stubFetch({
      ...routes,
      // The grid's two reads: the last year whole, then the older totals (`slice=`).
      [`GET /api/poles/${POLE}/values`]: (body, url) => {
        const older = url.searchParams.get('slice') === '';
        const answer = read(body, url) as { json: object };
        return { json: { ...answer.json, values: older ? hours(5, 8) : hours(1, 4) } };
      },
      [`PUT /api/poles/${POLE}/values`]: (body) => ({ json: savedBody(body) }),
    });
    renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
    const user = userEvent.setup();
    const input = await screen.findByRole('textbox', { name: 'Heures travaillées en insertion' });
    const older = calls.find((c) => c.method === 'GET' && c.url.includes('slice='));
    expect(older?.url).toContain(`from=${shiftQuarterWithin(PERIOD, -12)}`);
    expect(older?.url).toContain(`to=${shiftQuarterWithin(PERIOD, -5)}`);

    await user.type(input, '1300');
    expect(screen.queryByText(/Avertissement O\d/)).not.toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '15000');
    const warnings = async () => {
      const items = await screen.findAllByText(
        (_, el) => el?.tagName === 'P' && /^Avertissement O\d/.test(el.textContent ?? ''),
      );
      return items.map((li) => li.textContent);
    };
    expect(await warnings()).toEqual([
      `Avertissement O1${S}: Heures travaillées en insertion${S}: 15${G}000${S}h, très au-dessus de la médiane des 8 derniers trimestres saisis (1${G}200${S}h).`,
      `Avertissement O2${S}: Heures travaillées en insertion${S}: 15${G}000${S}h, plus du triple du trimestre précédent (1${G}200${S}h).`,
      `Avertissement O3${S}: Heures travaillées en insertion${S}: 15${G}000${S}h, plus du triple du même trimestre l’an dernier (1${G}200${S}h).`,
    ]);
    expect(screen.getAllByText(/Avertissement O[123]/)).toHaveLength(3);
    // A warning asks for no reason and does not block the save.
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('textbox', { name: /Motif de dérogation/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
  });
});
