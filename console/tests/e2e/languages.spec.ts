import { test, expect } from '@playwright/test';
import { signIn, expectAccessible, screenshot } from './support';

/** Every screen exists in five languages and passes axe in each (issue 12); the choice persists. */
for (const locale of ['ru', 'uk', 'de', 'fr']) {
  test(`the caseworker's screens in ${locale}`, async ({ browser }) => {
    const page = await signIn(browser, 'gov-caseworker');
    await page.evaluate((l) => localStorage.setItem('sanctuary.locale', l), locale);
    await page.reload(); // tokens live in memory only: Keycloak's session signs the user in again, silently
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    await expect(heading).not.toHaveText('My work');
    await screenshot(page, `my-work-${locale}`);
    await expectAccessible(page, `my work (${locale})`);
    await page.goto('/applicants/new');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Register applicant');
    await screenshot(page, `register-applicant-${locale}`);
    await expectAccessible(page, `register applicant (${locale})`);
  });
}
