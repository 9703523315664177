import { expect, type Page, type Browser, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';

export const KEYCLOAK = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
export const SCREENS = 'target/playwright/screens';
mkdirSync(SCREENS, { recursive: true });

/** Signs in through Keycloak's own login page (identity first, then the password: Organizations are on);
 *  `home`: the heading of the screen the user's role opens on. */
export async function signIn(browser: Browser, user: string, password = user, home = 'My work'): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      errors.push(message.text());
    }
  });
  (page as Page & { cspErrors?: string[] }).cspErrors = errors;
  await page.goto('/');
  // Keycloak's form without the mouse: fill, then Enter
  await page.locator('#username').fill(user);
  await page.locator('#username').press('Enter');
  const passwordField = page.locator('#password');
  await passwordField.waitFor();
  await passwordField.fill(password);
  await passwordField.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: home })).toBeVisible();
  return page;
}

/** Switches the console to `locale` as a user does (the choice is kept in this browser) and waits for the signed-in shell. */
export async function inLanguage(page: Page, locale: string) {
  await page.evaluate((l) => localStorage.setItem('sanctuary.locale', l), locale);
  await page.reload(); // tokens live in memory only: Keycloak's session signs the user in again, silently
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  // the language is set before the sign-in round trip ends: wait for the signed-in shell (only it has an h1),
  // or the next goto would race Keycloak's redirect back
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(/[?&]code=/);
}

/** The console's message `id` in `locale` as a user reads it (ICU formatted with `values`). */
export function messages(locale: string): (id: string, values?: Record<string, string | number>) => string {
  const catalogue = JSON.parse(readFileSync(new URL(`../../src/i18n/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  return (id, values) => {
    if (!(id in catalogue)) throw new Error(`no message ${id} in ${locale}`);
    return String(new IntlMessageFormat(catalogue[id], locale).format(values));
  };
}

/** axe (WCAG 2.x A/AA rules) finds nothing serious or critical on the page as it stands. */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A screenshot kept as a test artifact; `focus`: scrolled into view first (the console scrolls inside its main area). */
export async function screenshot(page: Page, name: string, focus?: Locator) {
  await focus?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** A token from Keycloak's password grant (the demo realm's CLI client): for arranging data beside the UI. */
export async function token(user: string, password = user): Promise<string> {
  const response = await fetch(`${KEYCLOAK}/realms/sanctuary/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'sanctuary-cli', username: user, password, scope: 'openid' }),
  });
  expect(response.ok).toBeTruthy();
  return ((await response.json()) as { access_token: string }).access_token;
}
