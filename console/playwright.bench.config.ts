import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The console's speed budget (bench/console.sh, never part of the test suite): a separate test directory.
export default defineConfig({ ...base, testDir: 'tests/bench', testMatch: '**/*.bench.ts', outputDir: 'target/playwright/bench', timeout: 900_000, use: { ...base.use, trace: 'off', screenshot: 'off' }, reporter: [['list']] });
