import { expect, type Page, type Browser, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';

export const KEYCLOAK = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
export const SCREENS = 'target/playwright/screens';
mkdirSync(SCREENS, { recursive: true });

/** Signs in through Keycloak's own login page (identity first, then the password: Organizations are on). */
export async function signIn(browser: Browser, user: string, password = user): Promise<Page> {
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
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  return page;
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
