// Browser tests of the built page: `npm test` builds first (npm run build), then this serves `build/` with
// tests/tools/serve.js and drives Chromium at a desktop and a phone size (tests/browser), and real
// WebKit and Firefox at the same sizes against Chromium's pictures (tests/engines, see its fixtures).
import { defineConfig } from '@playwright/test';
import { launchOptions } from './tests/tools/browser.js';
import type { EngineOptions } from './tests/engines/fixtures';
import { DESKTOP_SCREEN as DESKTOP, PHONE_SCREEN as PHONE } from './src/lib/map/screens.js';

// PREVIEW_PORT: run beside a preview someone else already has on 4173.
const PORT = Number(process.env.PREVIEW_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig<EngineOptions>({
	// Fails fast, with the fix, when a reused preview serves a build other than the one in build/.
	globalSetup: './tests/browser/global-setup.ts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	workers: 2,
	// No retries: a retry hides a flake. A test that fails once is mended to be deterministic.
	retries: 0,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL,
		browserName: 'chromium',
		launchOptions,
		trace: 'off'
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
			testDir: 'tests/browser',
			use: { viewport: DESKTOP }
		},
		{
			name: 'phone',
			testDir: 'tests/browser',
			use: { viewport: PHONE, isMobile: false, hasTouch: true }
		},
		// `npm run dev` as an editor uses it: its own dev server, on copies of the copy files.
		{
			name: 'dev',
			testDir: 'tests/dev',
			fullyParallel: false,
			use: { viewport: DESKTOP }
		},
		// Each engine at each size; Chromium (the `page` fixture) draws the reference at the same size.
		...(['webkit', 'firefox'] as const).flatMap((engine) =>
			(
				[
					['desktop', DESKTOP],
					['phone', PHONE]
				] as const
			).map(([name, size]) => ({
				name: `${engine}-${name}`,
				testDir: 'tests/engines',
				// One worker per project, so that each engine starts once per size.
				fullyParallel: false,
				use: { engine, size, viewport: size }
			}))
		)
	]
});
