// The labels on screen keep the promises the build made for them: each is as wide as it was placed
// (the map font's own widths), none runs under the scale bar or the locator inset, and on a phone what
// a step is about stays clear of its card.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { steps, scrollToStep, waitForActiveStep, recordSteps, waitForView } from './helpers';
import { labelFont, textWidth, NOTE_FONT } from '../../src/lib/map/label-styles.js';

const metrics = JSON.parse(readFileSync('data/build/font-metrics.json', 'utf8'));
/** One view per step it first appears at. */
const firstSteps = steps.filter((s, i) => steps.findIndex((t) => t.view === s.view) === i);

interface Drawn {
	id: string;
	text: string;
	note: string | null;
	classes: string[];
	width: number;
	rect: { top: number; bottom: number; left: number; right: number };
}

test('every label is as wide as the build placed it, and clear of the map furniture, at every view', async ({
	page
}) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await recordSteps(page);
	await page.goto('/');
	await page.evaluate(() => document.fonts.ready);
	for (const step of firstSteps) {
		await scrollToStep(page, step.id);
		await waitForActiveStep(page, step.id);
		await waitForView(page, step.view);
		const labels: Drawn[] = await page.$$eval('[data-story-map] .overlay .label', (spans) =>
			spans.map((s) => {
				const r = s.getBoundingClientRect();
				return {
					id: s.textContent ?? '',
					text: s.firstChild?.textContent ?? '',
					note: s.querySelector('small')?.textContent ?? null,
					classes: [...s.classList],
					width: r.width,
					rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
				};
			})
		);
		expect(labels.length, step.view).toBeGreaterThan(0);
		// The map's furniture is drawn over the labels: none may run under it.
		const furniture = await page.$$eval(
			'[data-story-map] .scale, [data-story-map] .locator',
			(els) =>
				els.map((el) => {
					const r = el.getBoundingClientRect();
					return {
						what: el.classList[0],
						top: r.top,
						bottom: r.bottom,
						left: r.left,
						right: r.right
					};
				})
		);
		expect(furniture.length, `${step.view}: its scale bar`).toBeGreaterThan(0);
		for (const f of furniture)
			for (const { text, rect } of labels)
				expect(
					rect.left < f.right && f.left < rect.right && rect.top < f.bottom && f.top < rect.bottom,
					`${step.view}: "${text}" runs under ${f.what}`
				).toBe(false);
		for (const label of labels) {
			const style = ['country', 'sea', 'water', 'area', 'place'].find((c) =>
				label.classes.includes(c)
			)!;
			const rank = ['capital', 'city', 'town'].find((c) => label.classes.includes(c));
			const font = labelFont({ style, rank, highlight: label.classes.includes('hl') });
			let expected = textWidth(metrics, label.text, font);
			if (label.note) expected = Math.max(expected, textWidth(metrics, label.note, NOTE_FONT));
			expect(
				Math.abs(label.width - expected),
				`${step.view}: "${label.text}" drawn ${label.width.toFixed(1)} px wide, placed as ${expected.toFixed(1)}`
			).toBeLessThanOrEqual(1);
		}
	}
});

test('on a phone, what each step is about is clear of its card, and every label is in the framed part', async ({
	page
}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the cards pass over the map on a phone');
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await recordSteps(page);
	await page.goto('/');
	let subjects = 0;
	for (const step of steps) {
		// The card where a reader reads it: its top where a #step link puts it.
		const at = await page.evaluate(() =>
			parseFloat(getComputedStyle(document.querySelector('.scrolly')!).getPropertyValue('--framed'))
		);
		await scrollToStep(page, step.id, at);
		await waitForActiveStep(page, step.id);
		await waitForView(page, step.view);
		const { card, frame, subject, labels } = await page.evaluate((id) => {
			const box = (el: Element) => {
				const r = el.getBoundingClientRect();
				return {
					top: r.top,
					bottom: r.bottom,
					left: r.left,
					right: r.right,
					what: el.textContent ?? el.getAttribute('href') ?? ''
				};
			};
			const map = document.querySelector('[data-story-map]')!;
			return {
				card: box(document.querySelector(`#${id} .card`)!),
				frame: box(map.querySelector('.frame')!),
				subject: [...map.querySelectorAll('.overlay .label.hl, .highlights use')].map(box),
				labels: [...map.querySelectorAll('.overlay .label')].map(box)
			};
		}, step.id);
		// Every view names places (views.aml): none read here would mean the labels were not found.
		expect(labels.length, `${step.id}: labels on its map`).toBeGreaterThan(0);
		subjects += subject.length;
		for (const s of subject)
			expect(s.bottom, `${step.id}: "${s.what}" runs under the card`).toBeLessThanOrEqual(
				card.top + 1
			);
		const framedBottom = frame.bottom;
		for (const l of labels) {
			expect(l.top, `${step.id}: "${l.what}"`).toBeGreaterThanOrEqual(frame.top - 1);
			expect(l.bottom, `${step.id}: "${l.what}" below the framed part`).toBeLessThanOrEqual(
				framedBottom + 1
			);
		}
	}
	// Most views highlight their subject (views.aml "highlight"): none seen means none was checked.
	expect(subjects, 'highlighted subjects seen through the story').toBeGreaterThan(0);
});
