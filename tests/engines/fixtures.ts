// Fixtures of the cross-engine suite: the project's engine (one browser per worker, started on first
// use), the injecting proxy the pages load through, and Chromium's reference page at the same size.
import { test as base, expect } from '@playwright/test';
import {
	available,
	launch,
	playwrightDriver,
	type Driver,
	type Engine,
	type EngineName,
	type Size
} from './drivers';
import { startProxy } from './proxy';
import { DESKTOP_SCREEN } from '../../src/lib/map/screens.js';

export interface EngineOptions {
	/** Which engine the project drives. */
	engine: EngineName;
	/** The viewport, in CSS px (also Chromium's, through `viewport`). */
	size: Size;
}

interface WorkerFixtures extends EngineOptions {
	/** The origin the pages load from (the proxy in front of the webServer). */
	origin: string;
	/** The engine's browser, or null when it is not installed here (its tests skip). */
	engineBrowser: Engine | null;
}

interface TestFixtures {
	/** The project's engine, for this test: its tests skip (or, on CI, fail) where it is missing. */
	driver: Driver;
	engineHandle: Engine;
	/** Chromium, the reference, at the same size, loading from the same origin. */
	chromium: Driver;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
	engine: ['webkit', { option: true, scope: 'worker' }],
	size: [DESKTOP_SCREEN, { option: true, scope: 'worker' }],
	origin: [
		async ({}, use, workerInfo) => {
			const proxy = await startProxy(workerInfo.project.use.baseURL!);
			await use(proxy.origin);
			await proxy.close();
		},
		{ scope: 'worker' }
	],
	engineBrowser: [
		async ({ engine, size }, use) => {
			const { ok, reason } = available(engine);
			if (!ok) {
				// On a reader's laptop a missing engine skips its tests; on CI it must not go unnoticed.
				if (process.env.CI) throw new Error(`${engine}: ${reason}`);
				await use(null);
				return;
			}
			const browser = await launch(engine, size);
			await use(browser);
			await browser.close();
		},
		{ scope: 'worker', timeout: 60_000 }
	],
	engineHandle: async ({ engineBrowser, engine }, use, testInfo) => {
		testInfo.skip(!engineBrowser, `${engine}: ${available(engine).reason}`);
		await use(engineBrowser!);
	},
	driver: async ({ engineHandle, origin }, use) => {
		const driver = engineHandle.session.driver;
		await use(driver);
		// The switches are remembered in localStorage: leave the next test a reader who chose nothing.
		await driver.goto(`${origin}/favicon.svg`).catch(() => {});
		await driver.evaluate(() => localStorage.clear()).catch(() => {});
	},
	chromium: async ({ page }, use) => {
		await use(playwrightDriver(page));
	}
});

export { expect };
