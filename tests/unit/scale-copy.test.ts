// The bench's synthetic long copies (scripts/scale-copy.js): the real copy's steps, repeated with new
// ids and the same words, on the same views or on copies of them; checked as npm run data checks copy.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { scaleCopy } from '../../scripts/scale-copy.js';
import { parseStory, parseViews } from '../../src/lib/story/copy.js';
import { plain } from '../../src/lib/story/inline.js';
import { checkCopy } from '../../data/scripts/check-copy.js';
import { COPY } from '../copy-files.js';

const copy = { story: readFileSync(COPY.story, 'utf8'), views: readFileSync(COPY.views, 'utf8') };
const original = parseStory(copy.story, COPY.story);
const originalViews = parseViews(copy.views, COPY.views) as { id: string }[];
const words = (s: (typeof original.steps)[number]) =>
	[...s.paragraphs, ...(s.quote ? [s.quote] : [])].map(plain).join('\n');

describe.each([
	{ times: 4, views: false },
	{ times: 16, views: false },
	{ times: 4, views: true }
])('$times× the steps (views repeated: $views)', ({ times, views }) => {
	const scaled = scaleCopy(copy, { times, views });
	const story = parseStory(scaled.story, 'scaled');
	const viewList = parseViews(scaled.views, 'scaled') as { id: string }[];
	const n = original.steps.length;

	it('has the steps again and again, in order, with the same words and new ids', () => {
		expect(story.steps).toHaveLength(n * times);
		expect(scaled.steps).toBe(n * times);
		expect(new Set(story.steps.map((s) => s.id)).size).toBe(n * times);
		story.steps.forEach((s, i) => expect(words(s)).toBe(words(original.steps[i % n])));
		expect(story.meta).toEqual(original.meta);
	});

	it(views ? 'puts each repetition on views of its own' : 'keeps the views', () => {
		expect(viewList).toHaveLength(originalViews.length * (views ? times : 1));
		expect(scaled.viewCount).toBe(viewList.length);
		const ids = new Set(viewList.map((v) => v.id));
		for (const s of story.steps) expect(ids.has(s.view), s.view).toBe(true);
		// Each repetition on the step's own view, or on that view's copy for the repetition.
		story.steps.forEach((s, i) => {
			const r = Math.floor(i / n);
			const view = original.steps[i % n].view;
			expect(s.view).toBe(views && r > 0 ? `${view}-x${r + 1}` : view);
		});
		const used = new Set(story.steps.map((s) => s.view));
		const usedOnce = new Set(original.steps.map((s) => s.view));
		expect(used.size).toBe(usedOnce.size * (views ? times : 1));
	});

	it('passes the copy checks the build runs', () => {
		const dir = mkdtempSync(join(tmpdir(), 'scaled-'));
		try {
			// checkCopy reads the files from the project's folder: a path relative to it.
			const at = (name: string) => relative(process.cwd(), join(dir, name));
			const files = { story: at('story.aml'), views: at('views.aml') };
			writeFileSync(files.story, scaled.story);
			writeFileSync(files.views, scaled.views);
			expect(() => checkCopy(process.cwd(), files)).not.toThrow();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

it('reads keys and lists as the copy checks do: indented, with spaces before the colon or inside the brackets', () => {
	const loose = {
		story: copy.story
			.replace(/^\[steps\]/m, '[ steps ]')
			.replace(/^id:/gm, '  id :')
			.replace(/^view:/gm, 'view :'),
		views: copy.views.replace(/^id:/gm, 'id :').replace(/^\[\]/m, '[ ]')
	};
	const scaled = scaleCopy(loose, { times: 4, views: true });
	const story = parseStory(scaled.story, 'scaled');
	expect(new Set(story.steps.map((s) => s.id)).size).toBe(original.steps.length * 4);
	expect(new Set(story.steps.map((s) => s.view)).size).toBe(
		new Set(original.steps.map((s) => s.view)).size * 4
	);
	expect(scaled.viewCount).toBe(originalViews.length * 4);
});

it('says which file has no list to repeat', () => {
	expect(() => scaleCopy({ story: 'title: x', views: copy.views }, { times: 2 })).toThrow(
		/story\.aml: no \[steps\]/
	);
});
