import { defineConfig } from '@playwright/test';

// Real-browser tests of the console against the running stack (the e2e module starts it and runs these):
// Debian's Chromium (apt-get install chromium), never a downloaded browser.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/playwright/results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: 'target/playwright/junit.xml' }]],
  use: {
    baseURL: process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
