import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory, parseViews, CopyError, normalise } from '../../src/lib/story/copy.js';
import { plain } from '../../src/lib/story/inline.js';
import type { Step, Story } from '../../src/lib/story/types';
import { checkCopy } from '../../data/scripts/check-copy.js';

const read = (f: string) => readFileSync(f, 'utf8');
/** The line of a file that starts with `text`. */
const lineOf = (file: string, text: string) =>
	read(file)
		.split('\n')
		.findIndex((l) => l.startsWith(text)) + 1;
const original = read('data/copy/invisible-caliphate.original.txt');
const story = parseStory(read('data/copy/story.aml'), 'data/copy/story.aml');
const views = parseViews(read('data/copy/views.aml'), 'data/copy/views.aml');

/** The words of a text, without punctuation: what "word for word" compares. */
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('the copy', () => {
	it('holds the article word for word, in reading order: title, dek, every paragraph and the quote', () => {
		const difference = fidelity(story);
		expect(difference === null, difference ?? '').toBe(true);
	});

	it('keeps each paragraph of the article whole (and only joins the split quote)', () => {
		const paragraphs = original
			.split('\n\n')
			.slice(2)
			.map((p) => words(p).join(' '));
		const ours = story.steps.flatMap(stepText).map((p) => words(p).join(' '));
		// The article's last two paragraphs are one quote split mid-sentence by extraction ("every your /
		// movement"); the copy joins them and sets the quote apart. Everything else is one-to-one.
		const joined = paragraphs.slice(0, -2).concat(paragraphs.slice(-2).join(' '));
		expect(ours.slice(0, -2)).toEqual(joined.slice(0, -1));
		expect(ours.slice(-2).join(' ')).toEqual(joined.at(-1));
	});

	it('sets the desert quote as a pull quote, in one piece', () => {
		const quoted = story.steps.filter((s) => s.quote);
		expect(quoted).toHaveLength(1);
		expect(plain(quoted[0].quote!)).toMatch(
			/^After driving us out of cities.*every your movement, hiding in the desert.*see us at all\.$/
		);
	});

	it('has title, dek, byline, dateline and a canonical URL', () => {
		expect(story.meta.title).toBe('Invisible “Caliphate”');
		expect(story.meta.dek).toBe('about a new threat in Syria');
		expect(story.meta.byline).not.toBe('');
		expect(story.meta.dateline).not.toBe('');
		expect(story.meta.canonical).toMatch(/^https:\/\//);
	});

	it('writes the byline date as a British reader reads it, for every month', () => {
		const source = read('data/copy/story.aml');
		for (let month = 1; month <= 12; month++) {
			const iso = `2025-${String(month).padStart(2, '0')}-${month === 2 ? 28 : '09'}`;
			const meta = parseStory(
				source.replace(/^(reported:.*)$/m, `$1\npublished: ${iso}`),
				'story.aml'
			).meta;
			const british = new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			});
			expect(meta.publishedText).toBe(british);
		}
	});

	it('gives every step a unique, linkable id and a view that exists', () => {
		const ids = story.steps.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		const viewIds = new Set(views.map((v) => v.id));
		for (const s of story.steps) expect(viewIds.has(s.view), `${s.id} → ${s.view}`).toBe(true);
	});

	it('walks the views in story order, from the region to the invisible closing map', () => {
		const order = [...new Set(story.steps.map((s) => s.view))];
		expect(order).toEqual([
			'region',
			'damascus-south',
			'damascus-ghouta',
			'airport-road',
			'checkpoint',
			'syria',
			'badia',
			'abu-kamal',
			'raqqa',
			'cities-desert',
			'invisible'
		]);
	});

	it('passes the full check against the map data', () => {
		expect(() => checkCopy()).not.toThrow();
	});
});

function stepText(s: Step): string[] {
	return [...s.paragraphs, ...(s.quote ? [s.quote] : [])].map(plain);
}

const ORIGINAL = 'data/copy/invisible-caliphate.original.txt';

/**
 * Where the copy first departs from the article, word for word (links and emphasis are not words), said
 * for an editor: the word's place, the step and line it is in, the words around it in each, and how to
 * make a deliberate change. Null when the copy holds the article exactly.
 */
function fidelity(s: Story, article = original): string | null {
	const copy = [
		...words(s.meta.title).map((word) => ({ where: '"title:"', word })),
		...words(s.meta.dek).map((word) => ({ where: '"dek:"', word }))
	];
	for (const step of s.steps)
		for (const word of words(stepText(step).join(' ')))
			copy.push({ where: `step "${step.id}" (story.aml:${step.line})`, word });
	const theirs = words(article);
	const ours = copy.map((c) => c.word);
	let i = 0;
	while (i < ours.length && i < theirs.length && ours[i] === theirs[i]) i++;
	if (i === ours.length && i === theirs.length) return null;
	const around = (list: string[]) =>
		[
			...list.slice(Math.max(0, i - 6), i),
			i < list.length ? `[${list[i]}]` : '[— ends here —]',
			...list.slice(i + 1, i + 7)
		].join(' ');
	// A difference on a step's first word may as well be words missing from the end of the step before.
	const [before, at] = [copy[i - 1]?.where, copy[i]?.where];
	const where =
		before && at && before !== at
			? `the end of ${before} or the start of ${at}`
			: (at ?? before ?? 'the copy');
	return [
		`data/copy/story.aml no longer holds the article word for word: they differ at word ${i + 1}, at ${where}.`,
		`  article: ${around(theirs)}`,
		`  copy:    ${around(ours)}`,
		`Links and emphasis are fine; a word added, dropped or moved is not. If the change is deliberate, make the same edit in ${ORIGINAL}.`
	].join('\n');
}

describe('the fidelity check', () => {
	const base = read('data/copy/story.aml');
	// The first line of body text with two sentences, taken from the copy so that edits keep this meaningful.
	const [line, first, second] = base.match(/^text: ([^\n]*?[.?!]) ([^\n]*?[.?!])(?= |$)/m)!;
	const step = base
		.slice(0, base.indexOf(line))
		.match(/^id: (.*)$/gm)!
		.at(-1)!
		.slice(4);
	const [firstWord, secondWord] = first.split(' ');
	const edited = (text: string) => fidelity(parseStory(text, 'story.aml'));

	it('accepts links and emphasis added by an editor', () => {
		const marked = base.replace(
			line,
			line
				.replace(firstWord, `<em>${firstWord}</em>`)
				.replace(` ${secondWord} `, ` <a href="https://example.org/">${secondWord}</a> `)
				.replace(second, `<strong>${second}</strong>`)
		);
		expect(marked).not.toBe(base);
		expect(edited(marked)).toBeNull();
	});

	it('names the step, and the words around it, when a sentence is dropped', () => {
		const message = edited(base.replace(line, `text: ${second}`));
		expect(message).toContain(`step "${step}" (story.aml:`);
		const [dropped, ...rest] = words(first);
		expect(message).toMatch(
			new RegExp(`article: .*\\[${dropped}\\] ${rest.slice(0, 3).join(' ')}`)
		);
		expect(message).toMatch(new RegExp(`copy: .*\\[${words(second)[0]}\\]`));
		expect(message).toContain(ORIGINAL);
	});

	it('fails when two sentences change places', () => {
		const message = edited(base.replace(line, `text: ${second} ${first}`));
		expect(message).toContain(`step "${step}" (story.aml:`);
		expect(message).toMatch(new RegExp(`copy: .*\\[${words(second)[0]}\\]`));
	});
});

describe('bad copy', () => {
	const base = read('data/copy/story.aml');
	/** The line where the second step ("yarmouk") starts, and the lines after it. */
	const yarmouk = base.split('\n').indexOf('id: yarmouk') + 1;
	const at = (line: number, rest: string) => new RegExp(`story\\.aml:${line}: ${rest}`);
	const fail = (text: string) => {
		try {
			parseStory(text, 'story.aml');
		} catch (e) {
			expect(e).toBeInstanceOf(CopyError);
			return (e as Error).message;
		}
		throw new Error('expected the copy to be rejected');
	};

	it.each([
		['an empty file', '', /story\.aml: the file is empty/],
		[
			'a duplicate step id',
			base.replace('id: yarmouk', 'id: threat'),
			at(yarmouk, 'step 2 "threat": duplicate step id')
		],
		[
			'a step without text',
			base.replace(
				/id: yarmouk\nview: damascus-south\ntext:[^]*?:end\n/,
				'id: yarmouk\nview: damascus-south\n'
			),
			/step 2 "yarmouk" has no text/
		],
		[
			'a step without a view',
			base.replace('id: yarmouk\nview: damascus-south\n', 'id: yarmouk\n'),
			/step 2 "yarmouk" has no view/
		],
		[
			'a paragraph without :end',
			base.replace(/(id: yarmouk[^]*?)\n:end\n/, '$1\n\nMore.\n'),
			at(yarmouk + 2, '"text" runs over several lines but is not closed with ":end"')
		],
		['an unclosed list', base.replace(/\[\]\n$/, ''), /\[steps\] is never closed/],
		[
			'an unknown key',
			base.replace('view: damascus-south', 'veiw: damascus-south'),
			at(yarmouk + 1, 'unknown key "veiw" in \\[steps\\]')
		],
		['a missing title', base.replace(/^title: .*\n/m, ''), /missing "title:"/],
		['a bad step id', base.replace('id: yarmouk', 'id: Yarmouk Camp'), /id must be lowercase/]
	])('rejects %s with the file, the line and the fix', (_name, text, message) => {
		expect(fail(text)).toMatch(message);
	});

	it('accepts a byte-order mark and CRLF line endings', () => {
		const crlf = '\uFEFF' + base.replace(/\n/g, '\r\n');
		expect(parseStory(crlf, 'story.aml')).toEqual(story);
		expect(normalise('\uFEFFa\r\nb\rc')).toBe('a\nb\nc');
	});

	it('rejects a step naming an unknown view, a view naming missing map data', () => {
		const dir = 'tests/fixtures/copy';
		expect(() => checkCopy(process.cwd(), { story: `${dir}/unknown-view.aml` })).toThrow(
			/unknown-view\.aml:\d+: step "threat": unknown view "regoin"/
		);
		expect(() => checkCopy(process.cwd(), { views: `${dir}/missing-place.aml` })).toThrow(
			/missing-place\.aml:\d+: view "region": label "atlantis" is not in the map data/
		);
	});

	it('rejects a share image naming no view', () => {
		expect(() => checkCopy(process.cwd(), { story: 'tests/fixtures/copy/bad-image.aml' })).toThrow(
			new RegExp(
				`bad-image\\.aml:${lineOf('tests/fixtures/copy/bad-image.aml', 'image:')}: "image: baida" names no map view — did you mean "badia"\\? — known views: region, `
			)
		);
	});

	it('rejects a view box with a latitude out of range', () => {
		const text = read('data/copy/views.aml').replace('frame: syria, iraq', 'bbox: 30, 20, 50, 95');
		expect(() => parseViews(text, 'views.aml')).toThrow(
			/views\.aml:\d+: view 1 "region": latitude 95 out of range/
		);
	});
});
