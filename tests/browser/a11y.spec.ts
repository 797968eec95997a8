// Accessibility of the built page: what axe finds (none of WCAG 2.2 A/AA, in light and dark, at every
// step), and what it cannot: reduced motion and the animation switch, the page without scripts, print,
// the keyboard, target sizes, reflow at 320 px and at 200 % zoom, and the ?theme= override.
import { test, expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import axe, { type Result } from 'axe-core';
import {
	busyMoments,
	arriveAt,
	copy,
	LONGEST_FLIGHT_MS,
	runClock,
	POLL,
	recordBusy,
	recordSteps,
	scrollToStep,
	steps,
	textsOf,
	views,
	ROUTE_VIEWS,
	waitForActiveStep,
	waitForView
} from './helpers';

const first = steps[0];
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LIST_KEY = 'invisible-caliphate:layout';
const ANIMATION_KEY = 'invisible-caliphate:animation';

/** Collapses runs of white space, as a reader sees text. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------------
// axe

interface Finding {
	where: string;
	violation: Result;
}

/**
 * Runs axe (WCAG 2.0–2.2 A and AA) on the page as it is now, in the page itself, on the whole document
 * or only the elements `only` selects. The engine goes into each document once: sent again with every
 * scan (as @axe-core/playwright's builder does), it took about half of a scan at every step. Scans in
 * the page do not reach into iframes, and this page has none (checked).
 */
async function scan(page: Page, where: string, only: string[] = []): Promise<Finding[]> {
	expect(page.frames(), 'axe in the page does not scan iframes').toHaveLength(1);
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	const violations = await page.evaluate(
		({ only, tags }) =>
			(window as unknown as { axe: typeof axe }).axe
				.run(only.length ? { include: only.map((s) => [s]) } : document, {
					runOnly: { type: 'tag', values: tags },
					resultTypes: ['violations']
				})
				.then((results) => results.violations),
		{ only, tags: WCAG }
	);
	return violations.map((violation) => ({ where, violation }));
}

/** One entry per rule and first failing node, with every place it was found: what a dev needs to fix it. */
function report(findings: Finding[]): string {
	const groups = new Map<string, { violation: Result; where: string[] }>();
	for (const { where, violation } of findings) {
		const key = `${violation.id} ${JSON.stringify(violation.nodes[0]?.target)}`;
		const group = groups.get(key) ?? { violation, where: [] };
		group.where.push(where);
		groups.set(key, group);
	}
	return [...groups.values()]
		.map(({ violation: v, where }) => {
			const node = v.nodes[0];
			return [
				`${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s), at: ${where.join(', ')}`,
				`  first node: ${JSON.stringify(node?.target)}`,
				`  ${(node?.failureSummary ?? '').replace(/\n/g, '\n  ')}`,
				`  ${v.helpUrl}`
			].join('\n');
		})
		.join('\n\n');
}

function expectNoViolations(findings: Finding[], testInfo: TestInfo) {
	if (findings.length > 0) {
		const text = report(findings);
		console.log(`[${testInfo.project.name}] ${testInfo.title}\n${text}`);
		testInfo.annotations.push({ type: 'axe', description: text });
	}
	expect(
		findings.map((f) => `${f.where}: ${f.violation.id}`),
		report(findings)
	).toEqual([]);
}

/** A page with scripts disabled, at the project's size. */
async function noScriptPage(browser: Browser, testInfo: TestInfo, colorScheme?: 'light' | 'dark') {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: testInfo.project.use.viewport,
		hasTouch: testInfo.project.use.hasTouch,
		colorScheme
	});
	return { context, page: await context.newPage() };
}

/**
 * The page as a reader without JavaScript gets it, for axe (which needs scripts of its own, and hangs in
 * a context with them disabled): every <script> stripped from the HTML and every script file refused.
 */
async function scriptlessPage(browser: Browser, testInfo: TestInfo, colorScheme: 'light' | 'dark') {
	const context = await browser.newContext({
		viewport: testInfo.project.use.viewport,
		hasTouch: testInfo.project.use.hasTouch,
		colorScheme
	});
	await context.route('**/*', async (route) => {
		const request = route.request();
		if (request.resourceType() === 'script') return route.abort();
		if (request.resourceType() !== 'document') return route.continue();
		const response = await route.fetch();
		const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
		return route.fulfill({ response, body: html });
	});
	return { context, page: await context.newPage() };
}

test('the axe scan finds a violation planted in the page', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'checks the scan itself: once is enough');
	await page.goto('/');
	await page.evaluate(() => {
		(document.querySelector('#story-text p') as HTMLElement).style.color = '#eee';
	});
	const findings = await scan(page, 'planted', ['#story-text']);
	expect(findings.map((f) => f.violation.id)).toContain('color-contrast');
});

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`axe, ${scheme} theme`, () => {
		test.use({ colorScheme: scheme });

		test('no violations at the top and at every step', async ({ page }, testInfo) => {
			test.skip(
				scheme === 'dark' && testInfo.project.name === 'phone',
				'colours do not change with the screen: the dark theme is scanned at every step on the desktop, the phone layout in the light theme'
			);
			await page.clock.install();
			await recordSteps(page);
			await page.goto('/');
			await waitForActiveStep(page, first.id);
			await waitForView(page, first.view);
			const findings = await scan(page, 'top');
			let shown = first.view;
			for (const step of steps) {
				await arriveAt(page, step, { fastForward: true });
				// The whole page was scanned at the top; a step changes its own card and, when its view is
				// not the one shown or draws a route (as far as the reader is through the step), the map.
				const redrawn = step.view !== shown || ROUTE_VIEWS.has(step.view);
				const changed = [`#${step.id}`, ...(redrawn ? ['[data-story-map]'] : [])];
				findings.push(...(await scan(page, `#${step.id}`, changed)));
				shown = step.view;
			}
			expectNoViolations(findings, testInfo);
		});

		test('no violations in the list view', async ({ page }, testInfo) => {
			await page.goto('/');
			const toggle = page.getByRole('button', { name: /^List view/ });
			await toggle.click();
			await expect(toggle).toHaveAttribute('aria-pressed', 'true');
			await expect(page.locator('html')).toHaveAttribute('data-layout', 'list');
			expect(await page.evaluate((k) => localStorage.getItem(k), LIST_KEY)).toBe('list');
			await expect(page.locator('[data-story-map]')).toBeHidden();
			await expect(page.locator('figure.static-map').first()).toBeVisible();
			expectNoViolations(await scan(page, 'list view'), testInfo);
		});

		test('no violations without JavaScript', async ({ browser }, testInfo) => {
			const { context, page } = await scriptlessPage(browser, testInfo, scheme);
			await page.goto('/');
			await expect(page.locator('html')).not.toHaveClass(/\bjs\b/);
			await expect(page.locator('figure.static-map').first()).toBeVisible();
			expectNoViolations(await scan(page, 'no JavaScript'), testInfo);
			await context.close();
		});
	});
}

// ---------------------------------------------------------------------------------------------------
// Keyboard

/** The focused element's tag and id. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement;
		return el ? { tag: el.tagName.toLowerCase(), id: el.id } : null;
	});

/** Where the step's top sits, as a fraction of the viewport height. */
const stepPlace = (page: Page, id: string) =>
	page.evaluate((id) => {
		const top = document.getElementById(id)!.getBoundingClientRect().top;
		return Math.round((top / window.innerHeight) * 100) / 100;
	}, id);

/** The element a pointer at the centre of the step's first paragraph would hit is inside the step. */
const firstParagraphUncovered = (page: Page, id: string) =>
	page.evaluate((id) => {
		const step = document.getElementById(id)!;
		const r = step.querySelector('p')!.getBoundingClientRect();
		const x = r.left + r.width / 2;
		const y = r.top + r.height / 2;
		if (y < 0 || y > window.innerHeight) return `centre of the first paragraph off screen (y ${y})`;
		const hit = document.elementFromPoint(x, y);
		if (hit && step.contains(hit)) return 'inside';
		return `covered by ${hit?.tagName.toLowerCase()}.${hit?.getAttribute('class')}`;
	}, id);

const describedViews = new Map(
	(views as { id: string; description: string }[]).map((v) => [v.id, v.description])
);
const NEXT_KEYS = ['Space', 'PageDown', 'ArrowDown'];
const BACK_KEYS = ['PageUp', 'ArrowUp', 'Shift+Space'];

test('keyboard only: skip link, then every step in order by Space / Page Down / Down, and back', async ({
	page
}, testInfo) => {
	// The desktop presses the keys with the browser's smooth scrolling; the phone with reduced motion,
	// where each key jumps.
	if (testInfo.project.name === 'phone') await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.clock.install();
	await recordSteps(page);
	await page.goto('/');
	await waitForActiveStep(page, first.id);
	await waitForView(page, first.view);

	// The skip link comes first and shows when focused.
	const skip = page.getByRole('link', { name: 'Skip to the text' });
	await page.keyboard.press('Tab');
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport({ ratio: 1 });
	// The switches come next, with a visible focus ring.
	await page.keyboard.press('Tab');
	const listToggle = page.getByRole('button', { name: /^List view/ });
	await expect(listToggle).toBeFocused();
	const ring = await listToggle.evaluate((el) => {
		const s = getComputedStyle(el);
		return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
	});
	expect(ring.style, 'focused switch outline').not.toBe('none');
	expect(ring.width).toBeGreaterThanOrEqual(2);

	await page.keyboard.press('Shift+Tab');
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('#story-text')).toBeFocused();
	await expect(page.locator(`#${first.id}`)).toHaveClass(/\bactive\b/);

	const check = async (step: (typeof steps)[number], key: string) => {
		const where = `${key} to ${step.id}`;
		await waitForActiveStep(page, step.id);
		await runClock(page, LONGEST_FLIGHT_MS);
		await waitForView(page, step.view);
		expect(await focused(page), `${where}: focus`).toEqual({ tag: 'section', id: step.id });
		await expect(page.locator(`#${step.id}`)).toHaveClass(/\bactive\b/);
		// The scroll has ended with the step's top near 30 % of the viewport (or the page's end).
		await expect
			.poll(
				async () => {
					const place = await stepPlace(page, step.id);
					const atEnd = await page.evaluate(
						() =>
							Math.ceil(window.scrollY + window.innerHeight) >=
							document.documentElement.scrollHeight - 1
					);
					return atEnd ? 'end' : Math.abs(place - 0.3) <= 0.02 ? 'at 30%' : place;
				},
				{ ...POLL, message: `${where}: the step's top at 30 % of the viewport` }
			)
			.toMatch(/^(at 30%|end)$/);
		await expect(page.locator(`#${step.id}`)).toBeInViewport();
		// What a screen reader has: the map's description, and the polite announcement of the new view.
		const description = describedViews.get(step.view)!;
		await expect(page.locator('[data-story-map] #map-desc')).toHaveText(description);
		await expect(page.locator('[data-story-map] p.sr-only[aria-live="polite"]')).toHaveText(
			`Map: ${description}`
		);
		expect(await firstParagraphUncovered(page, step.id), `${where}: focus not obscured`).toBe(
			'inside'
		);
	};

	for (let i = 1; i < steps.length; i++) {
		const key = NEXT_KEYS[(i - 1) % NEXT_KEYS.length];
		await page.keyboard.press(key);
		await check(steps[i], key);
	}
	for (let k = 0; k < BACK_KEYS.length; k++) {
		const step = steps[steps.length - 2 - k];
		await page.keyboard.press(BACK_KEYS[k]);
		await check(step, BACK_KEYS[k]);
	}
	const events = await page.evaluate(() => window.__steps.map((s) => s.id));
	expect(events).toEqual([
		...steps.map((s) => s.id),
		...steps
			.slice(-1 - BACK_KEYS.length, -1)
			.reverse()
			.map((s) => s.id)
	]);
});

// ---------------------------------------------------------------------------------------------------
// Target size

test('the switches and the skip link are at least 24 × 24 px', async ({ page }) => {
	await page.goto('/');
	const targets = page.locator('.controls button, .controls a');
	await expect(targets).toHaveCount(2);
	const small: string[] = [];
	for (const target of await targets.all()) {
		const box = (await target.boundingBox())!;
		if (box.width < 24 || box.height < 24)
			small.push(`${await target.innerText()}: ${box.width}×${box.height}`);
	}
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to the text' });
	await expect(skip).toBeFocused();
	const box = (await skip.boundingBox())!;
	if (box.width < 24 || box.height < 24) small.push(`skip link: ${box.width}×${box.height}`);
	expect(small).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------
// Motion

declare global {
	interface Window {
		__viewBoxes: (string | null)[] | null;
		__viewBoxSets: (string | null)[];
		__frames: number;
	}
}

/** From the next load on: the live map's viewBox once per animation frame (consecutive repeats folded)
 *  while `window.__viewBoxes` is an array, and every value it is set to (`window.__viewBoxSets`). */
async function recordViewBoxes(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const live = () => document.querySelector('[data-story-map] svg.drawing');
		window.__viewBoxes = null;
		window.__viewBoxSets = [];
		window.__frames = 0;
		const tick = () => {
			const samples = window.__viewBoxes;
			if (samples) {
				window.__frames++;
				const v = live()?.getAttribute('viewBox') ?? null;
				if (samples.at(-1) !== v) samples.push(v);
			}
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		new MutationObserver((records) => {
			if (!window.__viewBoxes) return;
			for (const r of records)
				if (r.target === live()) window.__viewBoxSets.push(live()!.getAttribute('viewBox'));
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['viewBox'] });
	});
}

const liveViewBox = (page: Page) =>
	page.locator('[data-story-map] svg.drawing').getAttribute('viewBox');

/**
 * Moves from the step the reader is on to `to` (whose view differs) and returns what the live map's
 * viewBox went through: sampled each frame for well over the shortest flight (0.7 s), after the map
 * has settled on the new view.
 */
async function viewBoxesOnStepChange(page: Page, to: (typeof steps)[number]) {
	const start = await liveViewBox(page);
	await page.evaluate(() => {
		window.__viewBoxes = [];
		window.__viewBoxSets = [];
		window.__frames = 0;
	});
	await scrollToStep(page, to.id);
	await waitForActiveStep(page, to.id);
	await waitForView(page, to.view);
	// Sample at least 30 more frames (half a second) whatever happens: a flight paints its first
	// in-between frame at once.
	await expect.poll(() => page.evaluate(() => window.__frames), POLL).toBeGreaterThan(30);
	const end = await liveViewBox(page);
	const { samples, sets } = await page.evaluate(() => {
		const out = { samples: window.__viewBoxes!, sets: window.__viewBoxSets };
		window.__viewBoxes = null;
		return out;
	});
	return { start, end, samples, sets };
}

function expectNoIntermediateViewBoxes(
	{ start, end, samples, sets }: Awaited<ReturnType<typeof viewBoxesOnStepChange>>,
	where: string
) {
	expect(end, `${where}: the map moved`).not.toBe(start);
	const between = (list: (string | null)[]) => list.filter((v) => v !== start && v !== end);
	expect(between(samples), `${where}: viewBoxes painted between ${start} and ${end}`).toEqual([]);
	expect(between(sets), `${where}: viewBoxes set between ${start} and ${end}`).toEqual([]);
	expect(samples.at(-1)).toBe(end);
}

/** Two steps to move to, each on a view other than the one before it: the map has somewhere to go. */
const yarmouk = steps.find((s) => s.view !== first.view)!;
const farAway = steps.find((s) => s.view !== first.view && s.view !== yarmouk.view)!;

test.describe('reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('a step change jumps: the map is never busy and takes no viewBox between two views', async ({
		page
	}) => {
		await recordBusy(page);
		await recordViewBoxes(page);
		await recordSteps(page);
		await page.goto('/');
		await waitForActiveStep(page, first.id);
		await waitForView(page, first.view);

		expectNoIntermediateViewBoxes(
			await viewBoxesOnStepChange(page, yarmouk),
			`${first.id} → ${yarmouk.id}`
		);
		expectNoIntermediateViewBoxes(
			await viewBoxesOnStepChange(page, farAway),
			`${yarmouk.id} → ${farAway.id}`
		);
		expect(await busyMoments(page), 'aria-busy="true" on the map').toEqual([]);
	});
});

test('the Animation switch turns the camera off, and the choice survives a reload', async ({
	page
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the same at every size: checked once');
	await recordBusy(page);
	await recordViewBoxes(page);
	await recordSteps(page);
	await page.goto('/');
	await waitForActiveStep(page, first.id);
	await waitForView(page, first.view);

	const toggle = page.getByRole('button', { name: /^Animation/ });
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await expect(toggle).toHaveText(/Animation: off/);
	expect(await page.evaluate((k) => localStorage.getItem(k), ANIMATION_KEY)).toBe('off');

	expectNoIntermediateViewBoxes(
		await viewBoxesOnStepChange(page, yarmouk),
		`switched off: ${first.id} → ${yarmouk.id}`
	);
	expect(await busyMoments(page), 'aria-busy="true" with animation off').toEqual([]);

	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-animation', 'off');
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await expect(toggle).toHaveText(/Animation: off/);
	await waitForView(page, yarmouk.view);
	expectNoIntermediateViewBoxes(
		await viewBoxesOnStepChange(page, farAway),
		`after reload: ${yarmouk.id} → ${farAway.id}`
	);
	expect(await busyMoments(page), 'aria-busy="true" after reload').toEqual([]);
});

// ---------------------------------------------------------------------------------------------------
// Without JavaScript

test('without JavaScript: every paragraph shows, a still map for every view, no switches', async ({
	browser
}, testInfo) => {
	const { context, page } = await noScriptPage(browser, testInfo);
	await page.goto('/');
	await expect(page.locator('html')).not.toHaveClass(/\bjs\b/);

	for (const step of steps) {
		const shown = await page.locator(`#${step.id} p`).evaluateAll((ps) =>
			ps.map((p) => {
				const r = p.getBoundingClientRect();
				return {
					text: (p as HTMLElement).innerText,
					visible:
						r.width > 0 &&
						r.height > 0 &&
						p.checkVisibility({ opacityProperty: true, visibilityProperty: true })
				};
			})
		);
		expect(
			shown.map((p) => squash(p.text).replace(/^“|”$/g, '')),
			`the text of step ${step.id}`
		).toEqual(textsOf(step).map(squash));
		expect(
			shown.filter((p) => !p.visible).map((p) => p.text.slice(0, 40)),
			`hidden paragraphs in step ${step.id}`
		).toEqual([]);
	}

	const maps = page.locator('figure.static-map');
	const shownViews = await maps.evaluateAll((els) =>
		els.map((e) => e.getAttribute('data-static-view'))
	);
	expect(new Set(shownViews)).toEqual(new Set(views.map((v) => v.id)));
	for (const map of await maps.all()) await expect(map).toBeVisible();

	await expect(page.getByRole('button')).toHaveCount(0);
	for (const button of await page.locator('button').all()) await expect(button).toBeHidden();
	await context.close();
});

// ---------------------------------------------------------------------------------------------------
// Print

/** What the page's text looks like against what is behind it, from computed colours. */
function textContrasts(page: Page, scope: string, skip: string) {
	return page.evaluate(
		({ scope, skip }) => {
			const parse = (c: string): [number, number, number, number] => {
				const m = /rgba?\(([^)]+)\)/.exec(c);
				if (!m) throw new Error(`unparsed colour ${c}`);
				const [r, g, b, a = 1] = m[1]
					.split(/[\s,/]+/)
					.filter(Boolean)
					.map(Number);
				return [r, g, b, a];
			};
			const over = (top: number[], under: number[]) =>
				[0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
			const lum = ([r, g, b]: number[]) => {
				const f = (v: number) => {
					const c = v / 255;
					return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
				};
				return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
			};
			/** The colour behind an element: its and its ancestors' backgrounds, composited. */
			const behind = (el: Element) => {
				const layers: number[][] = [];
				for (let e: Element | null = el; e; e = e.parentElement) {
					const c = parse(getComputedStyle(e).backgroundColor);
					if (c[3] > 0) layers.push(c);
					if (c[3] >= 1) break;
				}
				let colour = [255, 255, 255, 1]; // paper
				for (const layer of layers.reverse()) colour = over(layer, colour);
				return colour;
			};
			const name = (el: Element) =>
				el.tagName.toLowerCase() +
				(el.id ? `#${el.id}` : '') +
				[...el.classList]
					.filter((c) => !c.startsWith('svelte-'))
					.map((c) => `.${c}`)
					.join('');
			const out: { el: string; text: string; color: string; bg: string; ratio: number }[] = [];
			for (const el of document.querySelectorAll(`${scope} *`)) {
				if (el.closest(skip)) continue;
				const own = [...el.childNodes]
					.filter((n) => n.nodeType === Node.TEXT_NODE)
					.map((n) => n.textContent)
					.join('')
					.trim();
				if (!own) continue;
				const r = el.getBoundingClientRect();
				if (r.width === 0 || r.height === 0) continue;
				if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
				const style = getComputedStyle(el);
				const bg = behind(el);
				const fg = over(parse(style.color), bg);
				const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
				out.push({
					el: name(el),
					text: own.slice(0, 40),
					color: style.color,
					bg: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
					ratio: (hi + 0.05) / (lo + 0.05)
				});
			}
			return out;
		},
		{ scope, skip }
	);
}

const printModes = [
	{ name: 'light system theme', colorScheme: 'light', query: '' },
	{ name: 'dark system theme', colorScheme: 'dark', query: '' },
	{ name: '?theme=dark', colorScheme: 'light', query: '?theme=dark' }
] as const;

for (const mode of printModes) {
	test(`print (${mode.name}): a list with one still map per view, dark on white, the address printed`, async ({
		page
	}) => {
		await page.setViewportSize({ width: 800, height: 1000 });
		await page.emulateMedia({ colorScheme: mode.colorScheme });
		await recordSteps(page);
		await page.goto(`/${mode.query}`);
		await waitForActiveStep(page, first.id);
		const readOnline = page.getByText(`Read online: ${copy.meta.canonical}`);
		await expect(readOnline, 'the address is for paper only').toBeHidden();

		await page.emulateMedia({ media: 'print', colorScheme: mode.colorScheme });
		await expect(page.locator('[data-story-map]')).toBeHidden();

		const printed = page.locator('figure.static-map:not(.repeat)');
		const printedViews = await printed.evaluateAll((els) =>
			els.map((e) => e.getAttribute('data-static-view'))
		);
		expect(printedViews.length, 'one printed map per view').toBe(new Set(printedViews).size);
		expect(new Set(printedViews)).toEqual(new Set(views.map((v) => v.id)));
		for (const map of await printed.all()) await expect(map).toBeVisible();
		for (const map of await page.locator('figure.static-map.repeat').all())
			await expect(map).toBeHidden();

		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
			'rgb(255, 255, 255)'
		);
		const texts = await textContrasts(page, 'body', '.static-map .frame');
		expect(texts.length).toBeGreaterThan(steps.length);
		const low = texts
			.filter((t) => t.ratio < 4.5)
			.map((t) => `${t.el} "${t.text}": ${t.color} on ${t.bg} = ${t.ratio.toFixed(2)}:1`);
		// Soft: the checks below still run and report.
		expect.soft(low, 'printed text below 4.5:1').toEqual([]);

		await expect(readOnline).toBeVisible();
		const { scrollWidth, innerWidth } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			innerWidth: window.innerWidth
		}));
		expect(scrollWidth, 'printed page width').toBeLessThanOrEqual(innerWidth);
	});
}

// ---------------------------------------------------------------------------------------------------
// Reflow (WCAG 1.4.10)

/** Horizontal scroll and clipped text (elements whose text is wider than their box). */
const overflow = (page: Page) =>
	page.evaluate(() => {
		const clipped = [
			...document.querySelectorAll<HTMLElement>(
				'section[data-step] p, h1, .dek, .byline, .controls button, figcaption, .credits p'
			)
		]
			.filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth)
			.map(
				(el) =>
					`${el.tagName.toLowerCase()} "${el.innerText.slice(0, 30)}…" ${el.scrollWidth}>${el.clientWidth}`
			);
		const width = window.innerWidth;
		const wide = [...document.querySelectorAll<HTMLElement>('body *')]
			.filter((el) => !el.closest('svg, .overlay, .frame, .locator, .sr-only'))
			.map((el) => ({ el, r: el.getBoundingClientRect() }))
			.filter(({ r }) => r.width > 0 && r.right > width + 0.5)
			.map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} right ${r.right}`)
			.slice(0, 10);
		return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, clipped, wide };
	});

const reflowCases = [
	{ name: '320 × 640', project: 'phone', viewport: { width: 320, height: 640 }, scale: 1 },
	// 200 % browser zoom of a 1280 × 800 window: a 640 × 400 CSS viewport at two device pixels per px.
	{
		name: '200 % zoom of 1280 × 800',
		project: 'desktop',
		viewport: { width: 640, height: 400 },
		scale: 2
	}
] as const;

for (const c of reflowCases) {
	test.describe(`reflow at ${c.name}`, () => {
		test.use({ viewport: c.viewport, deviceScaleFactor: c.scale });

		test('no horizontal scroll and no clipped text, scrolling and in the list view', async ({
			page
		}, testInfo) => {
			test.skip(testInfo.project.name !== c.project, `runs in the ${c.project} project`);
			await recordSteps(page);
			await page.goto('/');
			await waitForActiveStep(page, first.id);
			const check = async (where: string) => {
				const o = await overflow(page);
				expect(
					o.scrollWidth,
					`${where}: page width (wide: ${o.wide.join('; ')})`
				).toBeLessThanOrEqual(o.innerWidth);
				expect(o.clipped, `${where}: clipped text`).toEqual([]);
			};
			await check('top');
			for (const step of [steps[Math.floor(steps.length / 2)], steps[steps.length - 1]]) {
				await scrollToStep(page, step.id);
				await waitForActiveStep(page, step.id);
				await check(`step ${step.id}`);
			}
			await page.getByRole('button', { name: /^List view/ }).click();
			await expect(page.locator('html')).toHaveAttribute('data-layout', 'list');
			await check('list view');
		});
	});
}

// ---------------------------------------------------------------------------------------------------
// Theme override

/** The WCAG relative luminance of the body's computed background. */
const bodyLuminance = (page: Page) =>
	page.evaluate(() => {
		const [r, g, b] = getComputedStyle(document.body)
			.backgroundColor.match(/[\d.]+/g)!
			.map(Number);
		const f = (v: number) => {
			const c = v / 255;
			return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		};
		return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
	});

const themeCases = [
	{ system: 'light', other: 'dark' },
	{ system: 'dark', other: 'light' }
] as const;

test.describe('?theme= override', () => {
	for (const { system, other } of themeCases) {
		test(`on a ${system} system: ?theme=${other} gives ${other}, ?theme=purple warns and keeps ${system}`, async ({
			page
		}, testInfo) => {
			test.skip(testInfo.project.name !== 'phone', 'the same at every size: checked once');
			const expectTheme = async (theme: string) => {
				const lum = await bodyLuminance(page);
				if (theme === 'dark') expect(lum, 'dark body background luminance').toBeLessThan(0.1);
				else expect(lum, 'light body background luminance').toBeGreaterThan(0.5);
			};
			await page.emulateMedia({ colorScheme: system });
			await page.goto('/');
			await expectTheme(system);

			await page.goto(`/?theme=${other}`);
			await expect(page.locator('html')).toHaveAttribute('data-theme', other);
			await expectTheme(other);

			const warnings: string[] = [];
			const errors: string[] = [];
			page.on('console', (m) => {
				if (m.type() === 'warning') warnings.push(m.text());
				if (m.type() === 'error') errors.push(m.text());
			});
			page.on('pageerror', (e) => errors.push(e.message));
			await recordSteps(page);
			await page.goto('/?theme=purple');
			await waitForActiveStep(page, first.id); // hydrated: any error would have shown
			await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
			await expectTheme(system);
			expect(warnings.filter((w) => w.includes('purple'))).toHaveLength(1);
			expect(errors).toEqual([]);
		});
	}
});
