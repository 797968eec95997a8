import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory, parseViews, CopyError, normalise } from '../../src/lib/story/copy.js';
import { plain } from '../../src/lib/story/inline.js';
import type { Step, Story } from '../../src/lib/story/types';
import { checkCopy } from '../../data/scripts/check-copy.js';
import { COPY } from '../copy-files.js';

const read = (f: string) => readFileSync(f, 'utf8');
const original = read('data/copy/invisible-caliphate.original.txt');
const story = parseStory(read(COPY.story), COPY.story);
const views = parseViews(read(COPY.views), COPY.views);

/** The words of a text, without punctuation: what "word for word" compares. */
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('the copy', () => {
	it('holds the article: every sentence of it, word for word and in order (the fidelity guard)', () => {
		const difference = fidelity(story);
		expect(difference === null, difference ?? '').toBe(true);
	});

	it('has title, dek, byline, dateline and a canonical URL', () => {
		expect(story.meta.title).not.toBe('');
		expect(story.meta.dek).not.toBe('');
		expect(story.meta.byline).not.toBe('');
		expect(story.meta.dateline).not.toBe('');
		expect(story.meta.canonical).toMatch(/^https:\/\//);
	});

	it('writes the byline date as a British reader reads it, for every month', () => {
		const source = read(COPY.story);
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

	it('passes the full check against the map data', () => {
		expect(() => checkCopy(process.cwd(), COPY)).not.toThrow();
	});
});

function stepText(s: Step): string[] {
	return [...s.paragraphs, ...(s.quote ? [s.quote] : [])].map(plain);
}

const ORIGINAL = 'data/copy/invisible-caliphate.original.txt';

/** The article's sentences (and its title and dek lines), each as its words. */
const sentencesOf = (text: string) =>
	text
		.split(/\n+|(?<=[.?!][”"’)]?)\s+/)
		.map(words)
		.filter((w) => w.length > 0);

/**
 * Whether the copy still holds every sentence of the article, word for word and in order (links and
 * emphasis are not words; words an editor adds around them are fine). Said for an editor when it does
 * not: which sentence, the step and line where it should be, the words around it in each, and how to
 * make a deliberate change. Null when it does.
 */
function fidelity(s: Story, article = original): string | null {
	const copy = [
		...words(s.meta.title).map((word) => ({ where: '"title:"', word })),
		...words(s.meta.dek).map((word) => ({ where: '"dek:"', word }))
	];
	for (const step of s.steps)
		for (const word of words(stepText(step).join(' ')))
			copy.push({ where: `step "${step.id}" (${COPY.story}:${step.line})`, word });
	const ours = copy.map((c) => c.word);
	const sentences = sentencesOf(article);
	let at = 0;
	for (const [n, sentence] of sentences.entries()) {
		const matched = (k: number) => {
			let m = 0;
			while (m < sentence.length && ours[k + m] === sentence[m]) m++;
			return m;
		};
		let found = -1;
		for (let k = at; k + sentence.length <= ours.length && found < 0; k++)
			if (matched(k) === sentence.length) found = k;
		if (found >= 0) {
			at = found + sentence.length;
			continue;
		}
		// Where it went wrong: the longest start of the sentence the copy has from here on (if it
		// has a few words of it), else right here, after the sentence before.
		let best = at;
		for (let k = at; k < ours.length; k++) if (matched(k) > Math.max(2, matched(best))) best = k;
		const m = matched(best);
		const around = (list: string[], i: number, from: number) =>
			[
				...list.slice(Math.max(from, i - 6), i),
				i < list.length ? `[${list[i]}]` : '[— ends here —]',
				...list.slice(i + 1, i + 7)
			].join(' ');
		const where = copy[best + m]?.where ?? copy[best - 1]?.where ?? 'the copy';
		return [
			`${COPY.story} no longer holds sentence ${n + 1} of the article, word for word, after the ones before it: at ${where}.`,
			`  article: ${around(sentence, m, 0)}`,
			`  copy:    ${around(ours, best + m, 0)}`,
			`Links, emphasis and new words are fine; the article's own words dropped, changed or moved are not. If the change is deliberate, make the same edit in ${ORIGINAL}.`
		].join('\n');
	}
	return null;
}

describe('the fidelity check', () => {
	const base = read(COPY.story);
	// The first line of body text with two sentences, taken from the copy so that edits keep this meaningful.
	const [line, first, second] = base.match(/^text: ([^\n]*?[.?!]) ([^\n]*?[.?!])(?= |$)/m)!;
	const step = base
		.slice(0, base.indexOf(line))
		.match(/^id: (.*)$/gm)!
		.at(-1)!
		.slice(4);
	const [firstWord, secondWord] = first.split(' ');
	// The article these edits are measured against is the copy's own words, so that this check of the
	// check holds on any copy (an editor's changed one included: tests/unit/editor-changes.test.ts).
	const parsed = parseStory(base, 'story.aml');
	const article = [parsed.meta.title, parsed.meta.dek, ...parsed.steps.flatMap(stepText)].join(
		'\n'
	);
	const edited = (text: string) => fidelity(parseStory(text, 'story.aml'), article);

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
		expect(message).toContain(`step "${step}" (${COPY.story}:`);
		const [dropped, ...rest] = words(first);
		expect(message).toMatch(
			new RegExp(`article: .*\\[${dropped}\\] ${rest.slice(0, 3).join(' ')}`)
		);
		expect(message).toMatch(new RegExp(`copy: .*\\[${words(second)[0]}\\]`));
		expect(message).toContain(ORIGINAL);
	});

	it('fails when two sentences change places, naming the one out of place', () => {
		const message = edited(base.replace(line, `text: ${second} ${first}`));
		expect(message).toMatch(new RegExp(`article: \\[${words(second)[0]}\\] ${words(second)[1]}`));
		expect(message).toContain(ORIGINAL);
	});

	it('fails when a word of the article is changed', () => {
		const [word] = words(first).filter((w) => w.length > 3);
		const message = edited(
			base.replace(line, line.replace(new RegExp(`\\b${word}\\b`, 'i'), 'zzz'))
		);
		expect(message).toContain(`step "${step}" (${COPY.story}:`);
		expect(message).toMatch(/copy: .*\[zzz\]/);
	});

	it('accepts a step an editor adds, with words of their own', () => {
		const next = base.indexOf('\nid: ', base.indexOf(line)) + 1;
		const added = `${base.slice(0, next)}id: added\nview: ${story.steps[0].view}\ntext: New words, and <em>more</em>.\n:end\n\n${base.slice(next)}`;
		expect(parseStory(added, 'story.aml').steps).toHaveLength(parsed.steps.length + 1);
		expect(edited(added)).toBeNull();
	});
});

describe('bad copy', () => {
	const base = read(COPY.story);
	// The copy's second step, broken the ways an editor might: taken from the copy, so that a
	// correction keeps these meaningful.
	const [first, second] = story.steps;
	const head = `id: ${second.id}\nview: ${second.view}\n`;
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
	const textOf = new RegExp(`(id: ${second.id}\\nview: ${second.view}\\n)text:[^]*?:end\\n`);

	it('finds its second step as the tests expect', () => {
		expect(base).toContain(head);
		expect(base).toMatch(textOf);
	});

	it.each([
		['an empty file', () => '', /story\.aml: the file is empty/],
		[
			'a duplicate step id',
			() => base.replace(`id: ${second.id}\n`, `id: ${first.id}\n`),
			at(second.line, `step 2 "${first.id}": duplicate step id`)
		],
		[
			'a step without text',
			() => base.replace(textOf, '$1'),
			new RegExp(`step 2 "${second.id}" has no text`)
		],
		[
			'a step without a view',
			() => base.replace(head, `id: ${second.id}\n`),
			new RegExp(`step 2 "${second.id}" has no view`)
		],
		[
			'a paragraph without :end',
			() => base.replace(textOf, (m) => m.replace(/\n:end\n$/, '\n\nMore.\n')),
			at(second.keyLines!.text, '"text" runs over several lines but is not closed with ":end"')
		],
		['an unclosed list', () => base.replace(/\[\]\n$/, ''), /\[steps\] is never closed/],
		[
			'an unknown key',
			() => base.replace(head, `id: ${second.id}\nveiw: ${second.view}\n`),
			at(second.keyLines!.view, 'unknown key "veiw" in \\[steps\\]')
		],
		['a missing title', () => base.replace(/^title: .*\n/m, ''), /missing "title:"/],
		[
			'a bad step id',
			() => base.replace(`id: ${second.id}\n`, 'id: Not A Slug\n'),
			/id must be lowercase/
		]
	])('rejects %s with the file, the line and the fix', (_name, text, message) => {
		const broken = text();
		if (broken !== '') expect(broken).not.toBe(base);
		expect(fail(broken)).toMatch(message);
	});

	it('accepts a byte-order mark and CRLF line endings', () => {
		const crlf = '\uFEFF' + base.replace(/\n/g, '\r\n');
		expect(parseStory(crlf, 'story.aml')).toEqual(story);
		expect(normalise('\uFEFFa\r\nb\rc')).toBe('a\nb\nc');
	});

	it('rejects a view box with a latitude out of range', () => {
		const text = read(COPY.views).replace(/^frame: .*$/m, 'bbox: 30, 20, 50, 95');
		expect(() => parseViews(text, 'views.aml')).toThrow(
			new RegExp(`views\\.aml:\\d+: view 1 "${views[0].id}": latitude 95 out of range`)
		);
	});
});
