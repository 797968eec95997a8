// Screenshots of every view of the story in Chromium, WebKit and Firefox, for looking at side by side:
//   npm run build && npx playwright test -c tests/tools/screenshots.config.ts
// It runs tests/tools/engine-screenshots.ts (a Playwright "test" only so that it can import the
// cross-engine drivers, which are TypeScript) in one project per engine and size, then makes the contact
// sheets (tests/tools/engine-sheets.js). Everything goes to tests/screenshots/engines/ (git-ignored).
// SHOTS_PORT: the port it serves build/ on (default 4177, away from npm test's 4173); a server already
// there is reused. SHOTS_ENGINES=webkit,firefox: only those engines (the sheets still use all the files).
import { defineConfig } from '@playwright/test';
import { launchOptions } from './browser.js';
import type { ShotOptions } from './engine-screenshots';

const SIZES = {
	desktop: { width: 1280, height: 800 },
	phone: { width: 390, height: 844 }
} as const;
const ENGINES = (process.env.SHOTS_ENGINES ?? 'chromium,webkit,firefox')
	.split(',')
	.map((e) => e.trim()) as ShotOptions['target'][];

const PORT = Number(process.env.SHOTS_PORT ?? 4177);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig<ShotOptions>({
	testDir: '.',
	testMatch: 'engine-screenshots.ts',
	// A server left running across a rebuild would have the shots show the old build: fail instead.
	globalSetup: '../browser/global-setup.ts',
	globalTeardown: './engine-sheets.js',
	// Two workers: two engine × size projects at a time, each walking its views in one browser.
	workers: 2,
	fullyParallel: false,
	retries: 0,
	reporter: 'list',
	timeout: 180_000,
	outputDir: '../../test-results/engine-screenshots',
	use: { baseURL, browserName: 'chromium', launchOptions },
	webServer: {
		command: `node tests/tools/serve.js --port ${PORT}`,
		cwd: '../..',
		url: `${baseURL}/`,
		reuseExistingServer: true,
		timeout: 30_000,
		stdout: 'ignore',
		stderr: 'pipe'
	},
	projects: ENGINES.flatMap((target) =>
		Object.entries(SIZES).map(([sizeName, size]) => ({
			name: `${target}-${sizeName}`,
			use: { target, sizeName, size, viewport: size }
		}))
	)
});
