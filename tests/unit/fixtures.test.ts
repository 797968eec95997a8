import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkCopy } from '../../data/scripts/check-copy.js';

// Each fixture is the real data/copy/story.aml or views.aml with one thing broken, written by
// tests/fixtures/make-copy-fixtures.js. The build's check must stop on it with ONE readable line:
// "file:line: what is wrong — the fix". Line numbers are the fixture's (where the step or view starts).
const DIR = 'tests/fixtures/copy';

type Kind = 'story' | 'views';

/** The line of a fixture where `text` starts (its nth occurrence): where the check's message points. */
function lineOf(file: string, text: string, nth = 1): number {
	const lines = readFileSync(`${DIR}/${file}`, 'utf8').split(/\r?\n/);
	let seen = 0;
	const i = lines.findIndex((l) => l.startsWith(text) && ++seen === nth);
	if (i < 0) throw new Error(`${file}: no line starting "${text}" (${nth})`);
	return i + 1;
}

/** Where a message points: a line starting with this text (its nth occurrence), or nowhere. */
type At = [text: string, nth?: number] | null;

/**
 * [fixture, which copy file it stands in for, the line the message names, the message (given the
 * fixture's line finder, for messages that name other lines)]. Lines are found in the fixture, so an
 * editor's change to the real copy (which the fixtures are made from) moves them with it.
 */
const broken: [string, Kind, At, (line: (text: string, nth?: number) => number) => RegExp][] = [
	['story-empty.aml', 'story', null, () => /the file is empty — it should hold the story copy$/],
	[
		'story-duplicate-id.aml',
		'story',
		['id: threat', 2],
		(line) =>
			new RegExp(
				`step 2 "threat": duplicate step id "threat" \\(also on line ${line('id: threat')}\\) — give each step its own id$`
			)
	],
	[
		'story-no-text.aml',
		'story',
		['id: yarmouk'],
		() => /step 2 "yarmouk" has no text — add "text:" with its paragraphs, ending with ":end"$/
	],
	[
		'story-no-view.aml',
		'story',
		['id: yarmouk'],
		() => /step 2 "yarmouk" has no view — add "view: <view id>"$/
	],
	[
		'story-no-end.aml',
		'story',
		['text: That is, from the quasi-state'],
		(line) =>
			new RegExp(
				`"text" runs over several lines but is not closed with ":end" before line ${line('id: calmer')} — add a line ":end" after its last paragraph$`
			)
	],
	[
		'story-unclosed-steps.aml',
		'story',
		['[steps]'],
		() => /\[steps\] is never closed — add a line "\[\]" after its last item$/
	],
	[
		'story-unknown-key.aml',
		'story',
		['veiw: damascus-south'],
		() =>
			/unknown key "veiw" in \[steps\] — did you mean "view"\? — expected one of: id, view, text, quote$/
	],
	['story-no-title.aml', 'story', null, () => /missing "title:" at the top of the file — add it$/],
	[
		'story-no-credits-heading.aml',
		'story',
		null,
		() => /missing "credits\.dates:" at the top of the file — add it, with the words the credits/
	],
	[
		'story-bad-id.aml',
		'story',
		['id: Yarmouk Camp'],
		() =>
			/step 2 "Yarmouk Camp": id must be lowercase letters, digits and hyphens \(it becomes the link #Yarmouk Camp\)$/
	],
	[
		'story-stray-end.aml',
		'story',
		[':end', 3],
		() => /":end" with no open multi-line value above it — remove it$/
	],
	[
		'story-unknown-list.aml',
		'story',
		['[step]'],
		() => /unknown list "\[step\]" — the only list here is \[steps\]$/
	],
	// A paragraph that starts like a key ("Update: ...") is caught, but the message suggests a key
	// rather than the fix, escaping the line as "\Update: ..." (reported, not changed here).
	[
		'story-paragraph-colon.aml',
		'story',
		['Update: administrative'],
		() =>
			/unknown key "Update" in \[steps\] — expected one of: id, view, text, quote; a paragraph that starts with "Update:" must be written "\\Update:"$/
	],
	[
		'story-missing-id.aml',
		'story',
		['view: damascus-south'],
		(line) =>
			new RegExp(
				`"view:" is set twice in one item \\(lines ${line('view: region')} and ${line('view: damascus-south')}\\) — if a new item starts here, it needs its own "id:" line first$`
			)
	],
	[
		'story-bad-canonical.aml',
		'story',
		['canonical:'],
		() =>
			/"canonical: example\.org\/graphics\/invisible-caliphate\/" is not a full address — write the page's public URL, like https:\/\/example\.org\/graphics\/invisible-caliphate\/$/
	],
	[
		'story-bad-published.aml',
		'story',
		['published:'],
		() =>
			/"published: 23 November 2026" is not a date — write it as year-month-day, like 2026-11-23$/
	],
	[
		'views-missing-id.aml',
		'views',
		['frame: badia'],
		(line) =>
			new RegExp(
				`"frame:" is set twice in one item \\(lines ${line('frame: syria', 2)} and ${line('frame: badia')}\\) — if a new item starts here, it needs its own "id:" line first$`
			)
	],
	['views-empty.aml', 'views', null, () => /the file is empty — it should hold the map views$/],
	[
		'views-bbox-latitude.aml',
		'views',
		['id: syria'],
		() => /view 6 "syria": latitude 95 out of range −90\.\.90 — fix the bbox$/
	],
	[
		'views-bbox-order.aml',
		'views',
		['id: syria'],
		() => /view 6 "syria": bbox must be west < east and south < north$/
	],
	[
		'views-missing-highlight.aml',
		'views',
		['highlight: yarmuk'],
		() =>
			/view "damascus-south": highlight "yarmuk" is not in the map data — did you mean "yarmouk"\? — check the spelling, or add it to data\/map\/layers\.json \(or data\/geo\) and run npm run data$/
	],
	[
		'views-missing-frame-feature.aml',
		'views',
		['frame: baadia'],
		() =>
			/view "invisible": frame "baadia" is not in the map data — did you mean "badia"\? — check the spelling, or add it to data\/map\/layers\.json \(or data\/geo\) and run npm run data$/
	],
	[
		'views-route-not-line.aml',
		'views',
		['route: airport'],
		() =>
			/view "airport-road": route "airport" must be a line feature — the lines are: [a-z, -]*airport-road/
	],
	[
		'views-unknown-layer.aml',
		'views',
		['layers: countries, relief, urban, lakes, river'],
		() =>
			/view "region": unknown layer "river" — did you mean "rivers"\? — the layers are: countries, [a-z, -]+ \(data\/map\/layers\.json\)$/
	],
	[
		'views-duplicate-id.aml',
		'views',
		['id: region', 2],
		() => /view 6 "region": duplicate view id "region" — give each view its own id$/
	],
	[
		'views-no-description.aml',
		'views',
		['id: checkpoint'],
		() => /view 5 "checkpoint": missing "description:", one sentence telling what the map shows$/
	],
	[
		'views-no-frame.aml',
		'views',
		['id: syria'],
		() =>
			/view 6 "syria": says nothing to frame — add "frame: <feature ids>" or "bbox: w, s, e, n"$/
	],
	[
		'views-bad-margin.aml',
		'views',
		['id: checkpoint'],
		() => /view 5 "checkpoint": margin must be a number of km ≥ 0$/
	],
	[
		'views-unknown-key.aml',
		'views',
		['higlight: checkpoint'],
		() =>
			/unknown key "higlight" in \[views\] — did you mean "highlight"\? — expected one of: id, frame, bbox, margin, layers, highlight, labels, notes, route, description$/
	]
];

/** Runs the build's check with `file` standing in for one copy file; returns the error it throws. */
function failure(file: string, kind: Kind): Error {
	try {
		checkCopy(process.cwd(), { [kind]: `${DIR}/${file}` });
	} catch (e) {
		return e as Error;
	}
	throw new Error(`${DIR}/${file} passed the check: expected it to be rejected`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a broken copy file stops the check with one readable line', () => {
	it.each(broken)('%s (%s file)', (file, kind, at, message) => {
		const error = failure(file, kind);
		expect(error.name).toBe('CopyError');
		const text = error.message;
		expect(text.split('\n'), text).toHaveLength(1);
		// The file, then the line where the checker knows it, then what is wrong.
		const line = (t: string, nth?: number) => lineOf(file, t, nth);
		const where = `${DIR}/${file}${at === null ? '' : `:${line(...at)}`}: `;
		expect(text).toMatch(new RegExp(`^${escape(where)}\\S`));
		expect(text.slice(where.length)).toMatch(message(line));
		expect(text).not.toMatch(/\bat .*\(.*:\d+:\d+\)|\n\s+at /); // no stack trace
	});
});

describe('a byte-order mark and CRLF line endings are valid', () => {
	const bytes = (file: string) => readFileSync(`${DIR}/${file}`, 'utf8');

	it('the fixtures really hold them', () => {
		expect(bytes('story-bom.aml').startsWith('\uFEFF')).toBe(true);
		for (const file of ['story-crlf.aml', 'views-crlf.aml']) {
			const text = bytes(file);
			expect(text).toContain('\r\n');
			expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR
		}
	});

	it.each([
		['story-bom.aml', 'story'],
		['story-crlf.aml', 'story'],
		['views-crlf.aml', 'views']
	] as [string, Kind][])('%s passes the check', (file, kind) => {
		expect(() => checkCopy(process.cwd(), { [kind]: `${DIR}/${file}` })).not.toThrow();
	});

	it('parse to the same copy as the real files', () => {
		const real = checkCopy(process.cwd());
		const bom = checkCopy(process.cwd(), { story: `${DIR}/story-bom.aml` });
		const crlf = checkCopy(process.cwd(), {
			story: `${DIR}/story-crlf.aml`,
			views: `${DIR}/views-crlf.aml`
		});
		expect(bom.story).toEqual(real.story);
		expect(crlf.story).toEqual(real.story);
		expect(crlf.views).toEqual(real.views);
	});
});
