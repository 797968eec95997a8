// The dated facts the map and the byline show (data/facts/dates.json), each with its sources, read
// and checked. Plain JavaScript so `npm run data` (plain Node) and the build run the same checks.
import { CopyError } from './copy-error.js';

/** @typedef {import('./types').Fact} Fact */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * @param {unknown} json the parsed file
 * @param {string} file shown in messages
 * @returns {Fact[]}
 */
export function parseFacts(json, file) {
	const doc = /** @type {any} */ (json);
	if (!doc || !Array.isArray(doc.facts))
		throw new CopyError(file, null, 'needs a "facts" list — see data/facts/README.md');
	/** @type {Set<string>} */
	const ids = new Set();
	return doc.facts.map((/** @type {any} */ f, /** @type {number} */ i) => {
		const where = `fact ${i + 1}${typeof f?.id === 'string' ? ` "${f.id}"` : ''}`;
		const fail = (/** @type {string} */ problem) => {
			throw new CopyError(file, null, `${where}: ${problem}`);
		};
		if (typeof f?.id !== 'string' || !SLUG.test(f.id))
			fail('needs an "id" of lowercase letters, digits and hyphens');
		if (ids.has(f.id)) fail(`duplicate id "${f.id}" — give each fact its own`);
		ids.add(f.id);
		if (f.feature !== undefined && (typeof f.feature !== 'string' || !SLUG.test(f.feature)))
			fail('"feature" must be the id of a feature of the map');
		for (const key of ['note', 'claim']) {
			if (typeof f[key] !== 'string' || !f[key].trim()) fail(`missing "${key}" — add it`);
		}
		const date = DATE.exec(typeof f.date === 'string' ? f.date : '');
		if (!date) fail(`"date" must be a year, year-month or year-month-day, like 2017-10-17`);
		if (!f.note.includes(date?.[1]))
			fail(`the note "${f.note}" does not give the year of its date (${f.date}) — make them agree`);
		if (!Array.isArray(f.sources) || f.sources.length === 0)
			fail('has no "sources" — every date the map shows needs one');
		for (const [j, s] of f.sources.entries()) {
			for (const key of ['publisher', 'url', 'excerpt']) {
				if (typeof s?.[key] !== 'string' || !s[key].trim())
					fail(`source ${j + 1}: missing "${key}" — add it`);
			}
			if (!/^https?:\/\/\S+$/.test(s.url)) fail(`source ${j + 1}: "url" is not a web address`);
		}
		return {
			id: f.id,
			...(f.feature ? { feature: f.feature } : {}),
			note: f.note,
			date: f.date,
			claim: f.claim,
			sources: f.sources.map((/** @type {any} */ s) => ({
				publisher: s.publisher,
				url: s.url,
				excerpt: s.excerpt
			}))
		};
	});
}
