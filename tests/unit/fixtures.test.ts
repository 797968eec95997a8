import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkCopy } from '../../data/scripts/check-copy.js';
import { COPY } from '../copy-files.js';
import { copyFixtures, encodingFixtures, writeFixtures } from '../fixtures/copy-fixtures.js';

// Each fixture is the copy as it is now with one thing broken, made by tests/fixtures/copy-fixtures.ts
// when the tests run. The build's check must stop on it with ONE readable line:
// "file:line: what is wrong — the fix", naming the line that is wrong.
const { fixtures, unmade } = copyFixtures();
const encodings = encodingFixtures();
const written = writeFixtures('fixtures', {
	...Object.fromEntries(fixtures.map((f) => [f.name, f.text])),
	...encodings
});
afterAll(written.remove);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs the build's check with a fixture standing in for one copy file; returns the error it throws. */
function failure(path: string, kind: 'story' | 'views'): Error {
	try {
		checkCopy(process.cwd(), { ...COPY, [kind]: path });
	} catch (e) {
		return e as Error;
	}
	throw new Error(`${path} passed the check: expected it to be rejected`);
}

describe('a broken copy file stops the check with one readable line', () => {
	it('every fixture could be made from the copy', () => {
		// A copy without the material for one (no view with a route, say) is said here, not skipped.
		expect(unmade).toEqual([]);
		expect(fixtures.length).toBeGreaterThan(30);
	});

	it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
		const path = written.path(fixture.name);
		const error = failure(path, fixture.kind);
		expect(error.name).toBe('CopyError');
		const text = error.message;
		expect(text.split('\n'), text).toHaveLength(1);
		// The file, then the line that is wrong, then what is wrong.
		const where = `${path}${fixture.line === null ? '' : `:${fixture.line}`}: `;
		expect(text).toMatch(new RegExp(`^${escape(where)}\\S`));
		expect(text.slice(where.length)).toMatch(fixture.message);
		expect(text).not.toMatch(/\bat .*\(.*:\d+:\d+\)|\n\s+at /); // no stack trace
	});
});

describe('a byte-order mark and CRLF line endings are valid', () => {
	const story = written.path('story-bom.aml');
	const crlf = { story: written.path('story-crlf.aml'), views: written.path('views-crlf.aml') };

	it('the fixtures really hold them', () => {
		expect(readFileSync(story, 'utf8').startsWith('\uFEFF')).toBe(true);
		for (const file of Object.values(crlf)) {
			const text = readFileSync(file, 'utf8');
			expect(text).toContain('\r\n');
			expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR
		}
	});

	it('pass the check and parse to the same copy as the real files', () => {
		const real = checkCopy(process.cwd(), COPY);
		const bom = checkCopy(process.cwd(), { ...COPY, story });
		const both = checkCopy(process.cwd(), crlf);
		expect(bom.story).toEqual(real.story);
		expect(both.story).toEqual(real.story);
		expect(both.views).toEqual(real.views);
	});
});
