// An editor's misspelt id is answered with the valid id nearest to it. The ids come from the copy and
// the map data as they are, each misspelt by dropping a letter (one edit from it, and at least three
// from every other id), so that any correction of the copy keeps these tests meaningful.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory, parseViews, checkStory } from '../../src/lib/story/copy.js';
import { mapContents } from '../../src/lib/story/features.js';
import { parseFacts } from '../../src/lib/story/facts.js';
import { distance, didYouMean } from '../../src/lib/story/nearest.js';
import { FILES } from '../../data/scripts/check-copy.js';

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

/** The message checkStory gives for the copy with `from` replaced by `to` on the line that matches. */
function check(file: 'story' | 'views', line: RegExp, from: string, to: string): string {
	const edit = (text: string) =>
		text
			.split('\n')
			.map((l) => (line.test(l) ? l.replace(from, to) : l))
			.join('\n');
	const story = parseStory(file === 'story' ? edit(storyText) : storyText, FILES.story);
	const edited = file === 'views' ? parseViews(edit(viewsText), FILES.views) : views;
	try {
		checkStory(story, edited, map, FILES, facts);
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error(`the copy with "${to}" for "${from}" passed the check`);
}

describe('did you mean', () => {
	it('a step’s misspelt view', () => {
		const view = distinct(views.map((v) => v.id));
		expect(check('story', new RegExp(`^view: ${view}$`), view, misspell(view))).toContain(
			`unknown view "${misspell(view)}" — did you mean "${view}"?`
		);
	});

	it('a view’s misspelt label, and layer', () => {
		const label = distinct(
			[...map.kinds.keys()].filter((id) => views.some((v) => v.labels.includes(id)))
		);
		expect(check('views', /^labels:/, label, misspell(label))).toContain(
			`label "${misspell(label)}" is not in the map data — did you mean "${label}"?`
		);
		const layer = distinct(
			[...map.groups].filter((id) => views.some((v) => v.layers.includes(id)))
		);
		expect(check('views', /^layers:/, layer, misspell(layer))).toContain(
			`unknown layer "${misspell(layer)}" — did you mean "${layer}"?`
		);
	});

	it('suggests nothing for an id near no valid one', () => {
		expect(didYouMean('atlantis', ['region', 'syria', 'badia'])).toBe('');
		expect(didYouMean('regoin', ['region', 'syria', 'badia'])).toBe(' — did you mean "region"?');
	});
});
