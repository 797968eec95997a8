// The engines the cross-engine suite drives, behind one small interface: real WebKit (WebKitGTK's
// MiniBrowser, over classic WebDriver with WebKitWebDriver, on its own Xvfb screen) and real Firefox
// (firefox-esr, headless, over WebDriver BiDi with puppeteer-core). Chromium's reference page (Playwright's
// own) gets the same interface, so the tests read the same in every engine.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import type { Page } from '@playwright/test';
import puppeteer, {
	type Browser as PuppeteerBrowser,
	type Page as PuppeteerPage
} from 'puppeteer-core';
import { remote } from 'webdriverio';

export type EngineName = 'webkit' | 'firefox';
export interface Size {
	width: number;
	height: number;
}

/** What a test can do with a browser, the same in every engine. */
export interface Driver {
	readonly name: EngineName | 'chromium';
	/** Loads the address afresh (through about:blank, so a `#step` link is a real page load). */
	goto(url: string): Promise<void>;
	/** Runs `fn` in the page (it is sent as source: it may use only its argument). */
	evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>>;
	/** Polls `fn` in the page until it returns something truthy, and returns that. */
	waitFor<R, A = undefined>(
		fn: (arg: A) => R,
		arg?: A,
		options?: { message?: string; timeout?: number }
	): Promise<NonNullable<Awaited<R>>>;
	/** A PNG of the viewport as it is now (any change made before it painted), at one device pixel
	 *  per CSS pixel. */
	screenshot(): Promise<Buffer>;
	reload(): Promise<void>;
	/** Clicks the element as a reader would (scrolled into view, a real pointer event). */
	click(selector: string): Promise<void>;
	/** Sets the viewport to exactly this size (and checks it). */
	setSize(size: Size): Promise<void>;
}

/** How long a WebKit screenshot waits for the page to come to rest (see wdioDriver's screenshot). */
const STILL_MS = 6_000;

/** How a test waits on the page: often at first, the camera's flights last 0.7–2.4 s. */
const INTERVALS = [50, 100, 100, 200];

/**
 * What WebKitWebDriver answers when a script runs while the document is being replaced: "Could not
 * parse script result", or a bare "unknown error" from execute/sync. Only WebKit's `goto` and
 * `reload` expect it, while they wait for the new document (see `newDocument`); anywhere else it is
 * an error.
 */
const BETWEEN_DOCUMENTS =
	/Could not parse script result|unknown error when running "execute\/sync"/;

interface PollOptions {
	message?: string;
	timeout?: number;
	/** Errors that mean "not yet" rather than "wrong" (the document is being replaced). */
	notYet?: RegExp;
}

async function poll<R>(
	read: () => Promise<R>,
	{ message = 'condition', timeout = 10_000, notYet }: PollOptions = {}
): Promise<R> {
	const start = Date.now();
	for (let i = 0; ; i++) {
		let value: R | undefined;
		try {
			value = await read();
		} catch (error) {
			if (!notYet?.test(String(error)) || Date.now() - start > timeout) throw error;
		}
		if (value) return value;
		if (Date.now() - start > timeout)
			throw new Error(`timed out after ${timeout} ms waiting for ${message}`);
		await new Promise((r) => setTimeout(r, INTERVALS[Math.min(i, INTERVALS.length - 1)]));
	}
}

function makeWaitFor(evaluate: Driver['evaluate']): Driver['waitFor'] {
	return (fn, arg, options) => poll(() => evaluate(fn, arg), options) as never;
}

// ---------------------------------------------------------------------------------------------------
// Finding the engines

function onPath(command: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		const file = join(dir, command);
		if (dir && existsSync(file)) return file;
	}
	return undefined;
}

const MULTIARCH = process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
const MINIBROWSERS = [
	process.env.MINIBROWSER_PATH,
	`/usr/lib/${MULTIARCH}/webkit2gtk-4.1/MiniBrowser`,
	`/usr/lib/${MULTIARCH}/webkit2gtk-4.0/MiniBrowser`,
	`/usr/lib/${MULTIARCH}/webkitgtk-6.0/MiniBrowser`
];
const FIREFOXES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

export interface Availability {
	ok: boolean;
	/** Why not, with the fix. */
	reason: string;
}

export function available(engine: EngineName): Availability {
	if (engine === 'webkit') {
		const missing = [
			onPath('WebKitWebDriver') ? null : 'WebKitWebDriver',
			MINIBROWSERS.some((p) => p && existsSync(p)) ? null : 'MiniBrowser',
			onPath('Xvfb') ? null : 'Xvfb'
		].filter(Boolean);
		return {
			ok: missing.length === 0,
			reason: `${missing.join(', ')} not found: apt-get install webkit2gtk-driver xvfb (or set MINIBROWSER_PATH)`
		};
	}
	const ok = FIREFOXES.some((p) => p && existsSync(p));
	return { ok, reason: 'firefox-esr not found: apt-get install firefox-esr (or set FIREFOX_PATH)' };
}

// ---------------------------------------------------------------------------------------------------
// Processes

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Process groups started here and not yet ended: a worker that exits without its teardown (an
 *  error, a timeout) still takes its Xvfb, WebKitWebDriver and MiniBrowser with it. */
const groups = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of groups) {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
});

/** Starts a program in a process group of its own, ended with the worker if not before. */
function spawnGroup(...args: Parameters<typeof spawn>): ChildProcess {
	const child = spawn(...args);
	groups.add(child);
	child.once('exit', () => groups.delete(child));
	return child;
}

/** Ends a process started `detached` (its own process group) and everything it started. */
async function killGroup(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const signal = (s: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, s);
		} catch {
			// Already gone.
		}
	};
	signal('SIGTERM');
	const timer = setTimeout(() => signal('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}

/** Starts Xvfb on a display it picks itself (-displayfd: no guessing at free display numbers). */
async function startXvfb(size: Size): Promise<{ display: string; process: ChildProcess }> {
	const child = spawnGroup(
		'Xvfb',
		['-displayfd', '3', '-screen', '0', `${size.width}x${size.height}x24`, '-nolisten', 'tcp'],
		{ detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }
	);
	let stderr = '';
	child.stderr!.on('data', (d) => (stderr += d));
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		const display = await new Promise<string>((resolve, reject) => {
			let out = '';
			child.stdio[3]!.on('data', (d: Buffer) => {
				out += d.toString();
				if (out.includes('\n')) resolve(`:${out.trim()}`);
			});
			child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr}`)));
			timer = setTimeout(() => reject(new Error(`Xvfb did not start in 10 s: ${stderr}`)), 10_000);
		});
		return { display, process: child };
	} catch (e) {
		await killGroup(child);
		throw e;
	} finally {
		clearTimeout(timer);
	}
}

// ---------------------------------------------------------------------------------------------------
// WebKit: WebKitGTK's MiniBrowser over classic WebDriver (webdriverio, standalone)

type WdioBrowser = Awaited<ReturnType<typeof remote>>;

export interface EngineSession {
	driver: Driver;
	close(): Promise<void>;
}

export interface Engine {
	name: EngineName;
	/** The worker's session: one browser for all the worker's tests. */
	session: EngineSession;
	/** A second browser, with scripts switched off (the reader without JavaScript). Close it after. */
	noScript(): Promise<EngineSession>;
	close(): Promise<void>;
}

function wdioDriver(browser: WdioBrowser): Driver {
	const evaluate: Driver['evaluate'] = async (fn, arg) =>
		(await browser.execute(fn as never, arg as never)) as never;
	/** The document's time origin (which tells one document from the next), once it answers. */
	const timeOrigin = () =>
		poll(() => evaluate(() => performance.timeOrigin, undefined), {
			message: 'the document to answer',
			notYet: BETWEEN_DOCUMENTS
		});
	/**
	 * WebKitWebDriver can answer a navigation before the new document is the one its scripts run in
	 * (once on CI, a script run just after a `goto` failed): wait until a document other than the
	 * last one (its own time origin) has loaded, at the URL asked for.
	 */
	const newDocument = (before: number, url?: string) =>
		poll(
			() =>
				evaluate(
					({ before, url }) =>
						performance.timeOrigin !== before &&
						document.readyState === 'complete' &&
						(url === undefined || location.href === url),
					{ before, url }
				),
			{ message: `a new document${url ? ` at ${url}` : ''}`, notYet: BETWEEN_DOCUMENTS }
		);
	const driver: Driver = {
		name: 'webkit',
		async goto(url) {
			await browser.url('about:blank');
			const before = await timeOrigin();
			await browser.url(url);
			await newDocument(before, url);
		},
		evaluate,
		waitFor: makeWaitFor(evaluate),
		async screenshot() {
			// WebKit's screenshot is a frame it painted, at times one from before the last change (a text
			// card hidden a moment ago still showed): let it paint first (frame callbacks run even with
			// the page's scripts off), and take pictures until two in a row agree. Firefox's and
			// Chromium's paint afresh.
			// Transitions (a layer fading in, WebKitGTK's overlay scrollbar fading out after a scroll) can
			// keep it changing for a second or two: wait for two alike, up to STILL_MS.
			const deadline = Date.now() + STILL_MS;
			let last: Buffer | null = null;
			while (Date.now() < deadline) {
				await browser.executeAsync((done: (ok: boolean) => void) =>
					requestAnimationFrame(() => requestAnimationFrame(() => done(true)))
				);
				const png = Buffer.from(await browser.takeScreenshot(), 'base64');
				if (last?.equals(png)) return png;
				last = png;
			}
			throw new Error(
				`WebKit: no two screenshots in a row alike for ${STILL_MS / 1000} s: the page never came to rest`
			);
		},
		async reload() {
			const before = await timeOrigin();
			await browser.refresh();
			await newDocument(before);
		},
		async click(selector) {
			await browser.$(selector).click();
		},
		async setSize({ width, height }) {
			// MiniBrowser's --full-screen hides its toolbar, so the window is all viewport; there is no
			// window manager on the Xvfb screen, so the window takes the size WebDriver gives it (its
			// toolbar would hold it at 447 px wide at least).
			await browser.setWindowRect(0, 0, width, height);
			await poll(
				() =>
					evaluate(
						({ width, height }) => window.innerWidth === width && window.innerHeight === height,
						{ width, height }
					),
				{ message: `a ${width}×${height} viewport`, timeout: 5_000 }
			);
		}
	};
	return driver;
}

async function startWebKitSession(display: string, size: Size, args: string[]) {
	const port = await freePort();
	const child = spawnGroup(onPath('WebKitWebDriver')!, [`--port=${port}`], {
		detached: true,
		env: { ...process.env, DISPLAY: display },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr!.on('data', (d) => (stderr += d));
	try {
		await poll(
			async () => {
				if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited: ${stderr}`);
				return fetch(`http://127.0.0.1:${port}/status`).then(
					(r) => r.ok,
					() => false
				);
			},
			{ message: 'WebKitWebDriver to listen', timeout: 10_000 }
		);
		const browser = await remote({
			hostname: '127.0.0.1',
			port,
			logLevel: 'error',
			connectionRetryCount: 0,
			capabilities: {
				browserName: 'MiniBrowser',
				// WebKitWebDriver speaks classic WebDriver only; webdriverio would ask for BiDi.
				'wdio:enforceWebDriverClassic': true,
				'webkitgtk:browserOptions': {
					binary: MINIBROWSERS.find((p) => p && existsSync(p))!,
					args: ['--automation', '--full-screen', ...args]
				}
			} as WebdriverIO.Capabilities
		});
		const driver = wdioDriver(browser);
		await driver.setSize(size);
		return {
			driver,
			async close() {
				await browser.deleteSession().catch(() => {});
				await killGroup(child);
			}
		};
	} catch (e) {
		await killGroup(child);
		throw e;
	}
}

async function launchWebKit(size: Size): Promise<Engine> {
	// One X screen of exactly the viewport's size: MiniBrowser's window fills it.
	const xvfb = await startXvfb(size);
	try {
		const session = await startWebKitSession(xvfb.display, size, []);
		return {
			name: 'webkit',
			session,
			noScript: () => startWebKitSession(xvfb.display, size, ['--enable-javascript=false']),
			async close() {
				await session.close();
				await killGroup(xvfb.process);
			}
		};
	} catch (e) {
		await killGroup(xvfb.process);
		throw e;
	}
}

// ---------------------------------------------------------------------------------------------------
// Firefox: firefox-esr, headless, over WebDriver BiDi (puppeteer-core)

/** A test profile that keeps to itself (this machine has no network) and lays out as Chromium does. */
const FIREFOX_PREFS: Record<string, unknown> = {
	// Overlay scrollbars, as Chromium's headless and phones have: a classic one takes 12 px.
	'ui.useOverlayScrollbars': 1,
	'browser.shell.checkDefaultBrowser': false,
	'browser.startup.homepage_override.mstone': 'ignore',
	'app.update.enabled': false,
	'app.update.auto': false,
	'datareporting.policy.dataSubmissionEnabled': false,
	'datareporting.healthreport.uploadEnabled': false,
	'toolkit.telemetry.enabled': false,
	'toolkit.telemetry.unified': false,
	'toolkit.telemetry.server': '',
	'network.captive-portal-service.enabled': false,
	'network.connectivity-service.enabled': false,
	'network.dns.disablePrefetch': true,
	'network.prefetch-next': false,
	'browser.safebrowsing.malware.enabled': false,
	'browser.safebrowsing.phishing.enabled': false,
	'browser.safebrowsing.downloads.enabled': false,
	'browser.safebrowsing.update.enabled': false,
	'extensions.update.enabled': false,
	'extensions.getAddons.cache.enabled': false,
	'extensions.blocklist.enabled': false,
	'services.settings.server': 'data:,',
	'media.gmp-manager.url': 'data:,',
	'browser.region.network.url': '',
	'browser.search.update': false,
	'browser.newtabpage.enabled': false,
	'browser.ping-centre.telemetry': false,
	// Motion on and a light page, whatever the desktop says (Chromium's headless defaults).
	'ui.prefersReducedMotion': 0,
	'layout.css.prefers-color-scheme.content-override': 1
};

function puppeteerDriver(page: PuppeteerPage): Driver {
	const evaluate: Driver['evaluate'] = async (fn, arg) =>
		(await page.evaluate(fn as (a: unknown) => unknown, arg)) as never;
	return {
		name: 'firefox',
		async goto(url) {
			await page.goto('about:blank');
			await page.goto(url, { waitUntil: 'load' });
		},
		evaluate,
		waitFor: makeWaitFor(evaluate),
		async screenshot() {
			return Buffer.from(await page.screenshot({ type: 'png' }));
		},
		async reload() {
			await page.reload({ waitUntil: 'load' });
		},
		async click(selector) {
			await page.click(selector);
		},
		async setSize({ width, height }) {
			await page.setViewport({ width, height, deviceScaleFactor: 1 });
			await poll(
				() =>
					evaluate(
						({ width, height }) => window.innerWidth === width && window.innerHeight === height,
						{ width, height }
					),
				{ message: `a ${width}×${height} viewport`, timeout: 5_000 }
			);
		}
	};
}

async function startFirefoxSession(size: Size, prefs: Record<string, unknown>) {
	const browser: PuppeteerBrowser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: FIREFOXES.find((p) => p && existsSync(p))!,
		protocol: 'webDriverBiDi',
		headless: true,
		extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs }
	});
	try {
		const [page] = await browser.pages();
		const driver = puppeteerDriver(page ?? (await browser.newPage()));
		await driver.setSize(size);
		return { driver, close: () => browser.close() };
	} catch (e) {
		await browser.close();
		throw e;
	}
}

async function launchFirefox(size: Size): Promise<Engine> {
	const session = await startFirefoxSession(size, {});
	return {
		name: 'firefox',
		session,
		// BiDi in Firefox 153 has no emulation.setScriptingEnabled (puppeteer's setJavaScriptEnabled):
		// a second browser with scripts off in its profile.
		noScript: () => startFirefoxSession(size, { 'javascript.enabled': false }),
		close: () => session.close()
	};
}

export function launch(engine: EngineName, size: Size): Promise<Engine> {
	return engine === 'webkit' ? launchWebKit(size) : launchFirefox(size);
}

// ---------------------------------------------------------------------------------------------------
// Chromium: Playwright's own page, as the reference

export function playwrightDriver(page: Page): Driver {
	const evaluate: Driver['evaluate'] = (fn, arg) =>
		page.evaluate(fn as (a: unknown) => unknown, arg) as never;
	return {
		name: 'chromium',
		async goto(url) {
			await page.goto('about:blank');
			await page.goto(url);
		},
		evaluate,
		waitFor: makeWaitFor(evaluate),
		screenshot: () => page.screenshot({ type: 'png' }),
		async reload() {
			await page.reload();
		},
		click: (selector) => page.click(selector),
		async setSize(size) {
			await page.setViewportSize(size);
		}
	};
}
