// "Dashboard charts drawn < 1 s after navigation on localhost" (DESIGN.md), measured in Debian's
// Chromium (headless) against a running server: the time from a navigation's start to the first
// point of the trend chart in the page, beside the login page's form in the same browser.
import fs from 'node:fs';
import { launchBrowser, submitLogin } from '../tests/support/browser';

export interface DrawTimes {
  /** The login page: navigation start → its form shown (the baseline). */
  login: number;
  /** A pole's dashboard with a trend open, first visit (its code not yet in the browser cache). */
  first: number;
  /** The same dashboard of another pole, the code cached, the data not. */
  again: number;
}

// Installed before the page's own scripts (a DevTools script, not subject to the app's CSP):
// records when the first point of a trend chart, or the login form, enters the document.
const WATCH = `(() => {
  const seen = () => {
    if (!window.__chartAt && document.querySelector('.trend-dot')) window.__chartAt = performance.now();
    if (!window.__formAt && document.querySelector('form input[type="password"]')) window.__formAt = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

/** Null when Chromium is missing (the benchmark then says so instead of a figure). */
export async function chartDrawTimes(o: {
  url: string;
  email: string;
  password: string;
  poles: [string, string];
  scope: string;
  indicator: string;
}): Promise<DrawTimes | null> {
  if (!fs.existsSync(process.env.PTCE_CHROMIUM ?? '/usr/bin/chromium')) return null;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.addInitScript(WATCH);
    const mark = (name: '__chartAt' | '__formAt') =>
      page.waitForFunction((n) => (window as unknown as Record<string, number>)[n], name, {
        timeout: 30_000,
      });
    await page.goto(`${o.url}/connexion`);
    const login = Number(await (await mark('__formAt')).jsonValue());
    await submitLogin(page, o.email, o.password);
    const dashboard = async (pole: string) => {
      await page.goto(
        `${o.url}/poles/${pole}?perimetre=${o.scope}&indicateur=${encodeURIComponent(o.indicator)}`,
      );
      return Number(await (await mark('__chartAt')).jsonValue());
    };
    const first = await dashboard(o.poles[0]);
    const again = await dashboard(o.poles[1]);
    return { login, first, again };
  } finally {
    await browser.close();
  }
}
