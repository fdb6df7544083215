import { currentQuarter } from '@ptce/shared/periods';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// Issue 12, point 2, in Chromium on a fresh demo: the coordinator's and the CRESS's pages at a
// phone's 390 × 844 and a laptop's 1366 × 900. On each: the page is never wider than the window
// (a table may scroll inside its own box), axe finds nothing serious, and at 390 every visible
// control (link, button, field; a checkbox or radio with its label) is at least 44 px high and a
// tap at its centre lands on it, not on a neighbour. Screenshots go to tests/artifacts.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const COORDINATOR = 'coordination@henin-carvin.demo';
const CRESS = 'cress@hdf.demo';
const QUARTER = currentQuarter(new Date());
const TAP = 44;

interface Visit {
  name: string;
  path: string;
  /** What shows once the page has its data. */
  ready: (page: Page) => Locator;
  /** Opens what the page hides behind a toggle, so that it is measured too. */
  open?: (page: Page) => Promise<void>;
  /** What must show without scrolling sideways, inside its scrolling box if it has one. */
  inView?: (page: Page) => Locator;
}

const COORDINATOR_PAGES: Visit[] = [
  {
    name: 'mon-trimestre',
    path: '/poles/henin-carvin/trimestres',
    ready: (p) => p.getByRole('link', { name: /^(Saisir|Consulter) / }).first(),
  },
  {
    name: 'saisie',
    path: `/poles/henin-carvin/saisie/${QUARTER}/mobilite-sociale`,
    ready: (p) => p.getByRole('textbox', { name: 'Sorties de parcours', exact: true }),
    open: async (p) => {
      await p.getByRole('button', { name: 'Ventilations — Sorties de parcours' }).click();
      await p.getByRole('textbox', { name: 'Sorties de parcours — Sexe : Femmes' }).waitFor();
    },
  },
  {
    name: 'tableau-de-bord',
    path: '/poles/henin-carvin',
    ready: (p) => p.getByRole('region', { name: 'Mobilité sociale' }).getByRole('button').first(),
    open: async (p) => {
      await p
        .getByRole('region', { name: 'Mobilité sociale' })
        .getByRole('button', { name: /^Sorties de parcours/ })
        .click();
      await p.getByRole('region', { name: 'Évolution — Sorties de parcours' }).waitFor();
    },
  },
  {
    name: 'rapport',
    path: '/poles/henin-carvin/rapport',
    ready: (p) => p.getByRole('table').first(),
  },
];

const CRESS_PAGES: Visit[] = [
  {
    name: 'accueil-cress',
    path: '/',
    ready: (p) => p.getByRole('region', { name: 'À valider' }),
    // The matrix opens on the latest quarters, the current one in view, even on a phone.
    inView: (p) => p.getByRole('columnheader', { name: /\(en cours\)$/ }),
  },
  {
    name: 'region',
    path: '/regions/HDF',
    ready: (p) =>
      p
        .getByRole('region', { name: 'Vie des pôles (PTCE)' })
        .getByRole('button', { name: /^Emplois des structures membres/ }),
  },
  {
    name: 'exports',
    path: '/exports',
    ready: (p) => p.getByRole('heading', { level: 1 }),
  },
];

interface Problem {
  what: string;
  height?: number;
  hit?: string;
}

/**
 * In the page: the visible controls under TAP px high (a checkbox or radio is measured with its
 * label), and those a tap at whose centre lands elsewhere. Each control is scrolled to the middle
 * of the window first, so a sticky bar does not hide it.
 */
function measureTargets(min: number): Problem[] {
  const describe = (el: Element) => {
    const name =
      el.getAttribute('aria-label') ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} «${name.trim().slice(0, 60)}»`;
  };
  const controls = document.querySelectorAll<HTMLElement>(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])',
  );
  const problems: Problem[] = [];
  for (const el of controls) {
    if (el.closest('[hidden], [inert], [aria-hidden="true"]')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const own = el.getBoundingClientRect();
    // Not drawn, or visually hidden on purpose (1 px), or parked off-screen (the skip link).
    if (own.width <= 1 || own.height <= 1) continue;
    if (own.right + window.scrollX < 0) continue;
    const toggle =
      el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
    const target: HTMLElement = (toggle && el.labels?.[0]) || el;
    target.scrollIntoView({ block: 'center', inline: 'center' });
    const box = target.getBoundingClientRect();
    if (box.height < min - 0.5) {
      problems.push({ what: describe(el), height: Math.round(box.height * 10) / 10 });
    }
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    const lands = hit && (target.contains(hit) || hit.contains(target) || el.contains(hit));
    if (!lands) problems.push({ what: describe(el), hit: hit ? describe(hit) : 'nothing' });
  }
  window.scrollTo(0, 0);
  return problems;
}

interface Result {
  page: string;
  width: number;
  overflow: number;
  targets: Problem[];
  /** How far (px) `inView` lies outside the window or its scrolling box; 0 when in view. */
  hidden: number;
  violations: unknown[];
}
const results: Result[] = [];

async function sweep(visits: Visit[], email: string) {
  for (const width of [390, 1366]) {
    await page.setViewportSize(width === 390 ? { width, height: 844 } : { width, height: 900 });
    await page.goto(`${server.url}/connexion`);
    await submitLogin(page, email, server.passwords.get(email)!);
    for (const visit of visits) {
      await page.goto(`${server.url}${visit.path}`);
      await visit.ready(page).waitFor();
      await visit.open?.(page);
      await page.waitForLoadState('networkidle');
      await screenshot(page, `${visit.name}-${width}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      const hidden = visit.inView
        ? await visit.inView(page).evaluate((el) => {
            const box = el.closest('.table-scroll')?.getBoundingClientRect();
            const own = el.getBoundingClientRect();
            const left = Math.max(box?.left ?? 0, 0);
            const right = Math.min(box?.right ?? window.innerWidth, window.innerWidth);
            return Math.floor(Math.max(0, left - own.left, own.right - right));
          })
        : 0;
      const targets = width === 390 ? await page.evaluate(measureTargets, TAP) : [];
      results.push({
        page: visit.name,
        width,
        overflow,
        hidden,
        targets,
        violations: await seriousViolations(page),
      });
    }
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion/);
  }
}

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-any-screen-'));
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('every page on a phone and on a laptop, in Chromium', () => {
  it('the coordinator’s quarter, grid, dashboard and report', async () => {
    await sweep(COORDINATOR_PAGES, COORDINATOR);
  });

  it('the CRESS’s home, region and exports', async () => {
    await sweep(CRESS_PAGES, CRESS);
  });

  it('no page is wider than the window', () => {
    expect(results).toHaveLength(2 * (COORDINATOR_PAGES.length + CRESS_PAGES.length));
    expect(results.filter((r) => r.overflow > 0).map((r) => [r.page, r.width, r.overflow])).toEqual(
      [],
    );
  });

  it('the CRESS’s matrix opens on the current quarter, at both sizes', () => {
    const home = results.filter((r) => r.page === 'accueil-cress');
    expect(home.map((r) => [r.width, r.hidden])).toEqual([
      [390, 0],
      [1366, 0],
    ]);
  });

  it('at 390 px every control is at least 44 px high and a tap on it lands on it', () => {
    expect(results.filter((r) => r.targets.length > 0).map((r) => [r.page, r.targets])).toEqual([]);
  });

  it('axe finds no serious or critical violation', () => {
    expect(
      results.filter((r) => r.violations.length > 0).map((r) => [r.page, r.width, r.violations]),
    ).toEqual([]);
  });
});
