// An editor's misspelt id is answered with the valid id nearest to it, on the line that is wrong. The ids come from the copy and
// the map data as they are, each misspelt by dropping a letter (one edit from it, and at least three
// from every other id), so that any correction of the copy keeps these tests meaningful.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory, parseViews, checkStory } from '../../src/lib/story/copy.js';
import { mapContents } from '../../src/lib/story/features.js';
import { parseFacts } from '../../src/lib/story/facts.js';
import { distance, didYouMean } from '../../src/lib/story/nearest.js';
import { COPY as FILES } from '../copy-files.js';

const read = (f: string) => readFileSync(f, 'utf8');
const storyText = read(FILES.story);
const viewsText = read(FILES.views);
const map = mapContents(JSON.parse(read(FILES.topology)), FILES.topology);
const facts = { file: FILES.facts, facts: parseFacts(JSON.parse(read(FILES.facts)), FILES.facts) };
const views = parseViews(viewsText, FILES.views);

/** An id of `ids` at least four edits from every other (so a letter dropped leaves it the nearest). */
function distinct(ids: string[]): string {
	const id = ids.find((a) => a.length >= 5 && ids.every((b) => b === a || distance(a, b) >= 4));
	if (!id) throw new Error(`no id far enough from the others among ${ids.join(', ')}`);
	return id;
}
/** The id with one letter dropped, from its middle. */
const misspell = (id: string) => id.slice(0, id.length >> 1) + id.slice((id.length >> 1) + 1);

/**
 * The message checkStory gives for the copy with the id `from` written `to` on the lines that match,
 * and the first line changed (where the message must point).
 */
function check(file: 'story' | 'views', line: RegExp, from: string, to: string) {
	const token = new RegExp(`(?<=[:,] *)${from}(?=,|$)`);
	let first = 0;
	const edit = (text: string) =>
		text
			.split('\n')
			.map((l, i) => {
				if (!line.test(l) || !token.test(l)) return l;
				first ||= i + 1;
				return l.replace(token, to);
			})
			.join('\n');
	const story = parseStory(file === 'story' ? edit(storyText) : storyText, FILES.story);
	const edited = file === 'views' ? parseViews(edit(viewsText), FILES.views) : views;
	try {
		checkStory(story, edited, map, FILES, facts);
	} catch (e) {
		return { message: (e as Error).message, first };
	}
	throw new Error(`the copy with "${to}" for "${from}" passed the check`);
}

describe('did you mean', () => {
	it('a step’s misspelt view', () => {
		const view = distinct(views.map((v) => v.id));
		const { message, first } = check('story', /^view: /, view, misspell(view));
		expect(message).toContain(`unknown view "${misspell(view)}" — did you mean "${view}"?`);
		// On the step's view: line, not its id: line.
		expect(message.startsWith(`${FILES.story}:${first}: `), message).toBe(true);
	});

	it('a view’s misspelt label, and layer, named on the line that is wrong', () => {
		const label = distinct(
			[...map.kinds.keys()].filter((id) => views.some((v) => v.labels.includes(id)))
		);
		const labels = check('views', /^labels:/, label, misspell(label));
		expect(labels.message).toContain(
			`label "${misspell(label)}" is not in the map data — did you mean "${label}"?`
		);
		expect(labels.message.startsWith(`${FILES.views}:${labels.first}: `), labels.message).toBe(
			true
		);
		const layer = distinct(
			[...map.groups].filter((id) => views.some((v) => v.layers.includes(id)))
		);
		const layers = check('views', /^layers:/, layer, misspell(layer));
		expect(layers.message).toContain(
			`unknown layer "${misspell(layer)}" — did you mean "${layer}"?`
		);
		expect(layers.message.startsWith(`${FILES.views}:${layers.first}: `), layers.message).toBe(
			true
		);
	});

	it('suggests nothing for an id near no valid one', () => {
		expect(didYouMean('atlantis', ['region', 'syria', 'badia'])).toBe('');
		expect(didYouMean('regoin', ['region', 'syria', 'badia'])).toBe(' — did you mean "region"?');
	});
});
