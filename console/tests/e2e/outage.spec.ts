import { test, expect } from '@playwright/test';
import { KEYCLOAK, expectAccessible, screenshot } from './support';

/**
 * Issue 14, Keycloak down: a new sign-in fails with a clear message (the browser cannot reach Keycloak: every request
 * to it is refused), offers to try again, and the console does not hang on a spinner. English only: under Playwright's
 * request interception Chromium leaves the lazily loaded language catalogues pending (without interception, as in
 * languages.spec, they load), so the other languages' wording is held by the catalogues' own checks.
 */
test('a sign-in while Keycloak cannot be reached says so', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.route(`${KEYCLOAK}/**`, (route) => route.abort('connectionrefused'));
  const page = await context.newPage();
  await page.goto('/', { waitUntil: 'commit' }); // the page itself, not every resource: the assertion is what it shows
  await expect(page.getByRole('heading', { name: /Sign-in failed/ })).toBeVisible();
  await expect(page.getByText('The sign-in service cannot be reached at the moment.', { exact: false })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await screenshot(page, 'keycloak-unreachable');
  await expectAccessible(page, 'keycloak unreachable');
  await context.close();
});
