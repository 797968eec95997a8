// Browser tests of the built page: `npm test` builds first (npm run build), then this serves `build/` with
// tests/tools/serve.js and drives Chromium at a desktop and a phone size.
import { defineConfig } from '@playwright/test';
import { launchOptions } from './tests/tools/browser.js';

// PREVIEW_PORT: run beside a preview someone else already has on 4173.
const PORT = Number(process.env.PREVIEW_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
	testDir: 'tests/browser',
	// Fails fast, with the fix, when a reused preview serves a build other than the one in build/.
	globalSetup: './tests/browser/global-setup.ts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL,
		browserName: 'chromium',
		launchOptions,
		trace: 'on-first-retry'
	},
	webServer: {
		// A plain static server that sends build/_headers (the strict Content-Security-Policy among
		// them): every browser test runs under the policy a reader's browser gets.
		command: `node tests/tools/serve.js --port ${PORT}`,
		url: `${baseURL}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000,
		stdout: 'ignore',
		stderr: 'pipe'
	},
	projects: [
		{
			name: 'desktop',
			use: { viewport: { width: 1280, height: 800 } }
		},
		{
			name: 'phone',
			use: { viewport: { width: 390, height: 844 }, isMobile: false, hasTouch: true }
		}
	]
});
