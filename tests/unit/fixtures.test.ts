import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkCopy } from '../../data/scripts/check-copy.js';

// Each fixture is the real data/copy/story.aml or views.aml with one thing broken, written by
// tests/fixtures/make-copy-fixtures.js. The build's check must stop on it with ONE readable line:
// "file:line: what is wrong — the fix". Line numbers are the fixture's (where the step or view starts).
const DIR = 'tests/fixtures/copy';

type Kind = 'story' | 'views';

/** [fixture, which copy file it stands in for, line the message names (null: none), message] */
const broken: [string, Kind, number | null, RegExp][] = [
	['story-empty.aml', 'story', null, /the file is empty — it should hold the story copy$/],
	[
		'story-duplicate-id.aml',
		'story',
		22,
		/step 2 "threat": duplicate step id "threat" \(also on line 17\) — give each step its own id$/
	],
	[
		'story-no-text.aml',
		'story',
		22,
		/step 2 "yarmouk" has no text — add "text:" with its paragraphs, ending with ":end"$/
	],
	['story-no-view.aml', 'story', 22, /step 2 "yarmouk" has no view — add "view: <view id>"$/],
	[
		'story-no-end.aml',
		'story',
		29,
		/"text" runs over several lines but is not closed with ":end" before line 35 — add a line ":end" after its last paragraph$/
	],
	[
		'story-unclosed-steps.aml',
		'story',
		16,
		/\[steps\] is never closed — add a line "\[\]" after its last item$/
	],
	[
		'story-unknown-key.aml',
		'story',
		23,
		/unknown key "veiw" in \[steps\] — expected one of: id, view, text, quote$/
	],
	['story-no-title.aml', 'story', null, /missing "title:" at the top of the file — add it$/],
	[
		'story-bad-id.aml',
		'story',
		22,
		/step 2 "Yarmouk Camp": id must be lowercase letters, digits and hyphens \(it becomes the link #Yarmouk Camp\)$/
	],
	[
		'story-stray-end.aml',
		'story',
		26,
		/":end" with no open multi-line value above it — remove it$/
	],
	[
		'story-unknown-list.aml',
		'story',
		16,
		/unknown list "\[step\]" — the only list here is \[steps\]$/
	],
	// A paragraph that starts like a key ("Update: ...") is caught, but the message suggests a key
	// rather than the fix, escaping the line as "\Update: ..." (reported, not changed here).
	[
		'story-paragraph-colon.aml',
		'story',
		31,
		/unknown key "Update" in \[steps\] — expected one of: id, view, text, quote; a paragraph that starts with "Update:" must be written "\\Update:"$/
	],
	[
		'story-missing-id.aml',
		'story',
		22,
		/"view:" is set twice in one item \(lines 18 and 22\) — if a new item starts here, it needs its own "id:" line first$/
	],
	[
		'story-bad-canonical.aml',
		'story',
		13,
		/"canonical: example\.org\/graphics\/invisible-caliphate\/" is not a full address — write the page's public URL, like https:\/\/example\.org\/graphics\/invisible-caliphate\/$/
	],
	[
		'story-bad-published.aml',
		'story',
		11,
		/"published: 23 November 2026" is not a date — write it as year-month-day, like 2026-11-23$/
	],
	[
		'views-missing-id.aml',
		'views',
		63,
		/"frame:" is set twice in one item \(lines 56 and 63\) — if a new item starts here, it needs its own "id:" line first$/
	],
	['views-empty.aml', 'views', null, /the file is empty — it should hold the map views$/],
	[
		'views-bbox-latitude.aml',
		'views',
		55,
		/view 6 "syria": latitude 95 out of range −90\.\.90 — fix the bbox$/
	],
	[
		'views-bbox-order.aml',
		'views',
		55,
		/view 6 "syria": bbox must be west < east and south < north$/
	],
	[
		'views-missing-highlight.aml',
		'views',
		23,
		/view "damascus-south": highlight "yarmuk" is not in the map data — check the spelling, or add it to data\/map\/layers\.json \(or data\/geo\) and run npm run data$/
	],
	[
		'views-missing-frame-feature.aml',
		'views',
		95,
		/view "invisible": frame "baadia" is not in the map data — check the spelling, or add it to data\/map\/layers\.json \(or data\/geo\) and run npm run data$/
	],
	[
		'views-route-not-line.aml',
		'views',
		39,
		/view "airport-road": route "airport" must be a line feature — the lines are: [a-z, -]*airport-road/
	],
	[
		'views-unknown-layer.aml',
		'views',
		15,
		/view "region": unknown layer "river" — the layers are: countries, [a-z, -]+ \(data\/map\/layers\.json\)$/
	],
	[
		'views-duplicate-id.aml',
		'views',
		55,
		/view 6 "region": duplicate view id "region" — give each view its own id$/
	],
	[
		'views-no-description.aml',
		'views',
		47,
		/view 5 "checkpoint": missing "description:", one sentence telling what the map shows$/
	],
	[
		'views-no-frame.aml',
		'views',
		55,
		/view 6 "syria": says nothing to frame — add "frame: <feature ids>" or "bbox: w, s, e, n"$/
	],
	['views-bad-margin.aml', 'views', 47, /view 5 "checkpoint": margin must be a number of km ≥ 0$/],
	[
		'views-unknown-key.aml',
		'views',
		51,
		/unknown key "higlight" in \[views\] — expected one of: id, frame, bbox, margin, layers, highlight, labels, route, description$/
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
	it.each(broken)('%s (%s file)', (file, kind, line, message) => {
		const error = failure(file, kind);
		expect(error.name).toBe('CopyError');
		const text = error.message;
		expect(text.split('\n'), text).toHaveLength(1);
		// The file, then the line where the checker knows it, then what is wrong.
		const where = `${DIR}/${file}${line === null ? '' : `:${line}`}: `;
		expect(text).toMatch(new RegExp(`^${escape(where)}\\S`));
		expect(text.slice(where.length)).toMatch(message);
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
