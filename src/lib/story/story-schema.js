// The story file's schema (data/copy/story.aml): its top-level keys (title, byline, dates, address,
// share image) and its [steps], each with a view and its text, parsed into a typed Story.
import archieml from 'archieml';
import { parseInline } from './inline.js';
import { CopyError } from './copy-error.js';
import { lint, normalise } from './lint.js';
import { SLUG, str } from './values.js';

/** @typedef {import('./types').Story} Story */

/** The story's metadata: its kicker, headline, byline, dates, address and share image. */
const META_KEYS = [
	'kicker',
	'title',
	'dek',
	'byline',
	'dateline',
	'reported',
	'published',
	'description',
	'canonical',
	'image'
];
/** The credits' words at the foot of the page, as `credits.map: About the map` (Credits.svelte). */
const CREDITS_KEYS = /** @type {const} */ (['map', 'hand-drawn', 'dates']);
const STORY_KEYS = [...META_KEYS, ...CREDITS_KEYS.map((key) => `credits.${key}`)];
/** Keys that may be left out: the publication date, until the piece is published. */
const OPTIONAL_STORY_KEYS = ['published'];
const STEP_KEYS = ['id', 'view', 'text', 'quote'];
const MONTHS =
	'January February March April May June July August September October November December'.split(
		' '
	);

/**
 * Parses the story copy. Throws CopyError on any problem.
 * @param {string} input
 * @param {string} file path shown in messages
 * @param {(message: string) => void} [warn] told of markup made inert, as "file:line: step: what"
 * @returns {Story}
 */
export function parseStory(input, file, warn = () => {}) {
	const text = normalise(input);
	if (text.trim() === '')
		throw new CopyError(file, null, 'the file is empty — it should hold the story copy');
	const { itemLines, topLines, itemKeyLines } = lint(text, file, {
		top: STORY_KEYS,
		section: 'steps',
		item: STEP_KEYS
	});
	/** @type {Record<string, unknown>} */
	const doc = archieml.load(text);
	/** @type {Record<string, string>} */
	const meta = {};
	for (const key of META_KEYS) {
		meta[key] = str(doc[key]);
		if (!meta[key] && !OPTIONAL_STORY_KEYS.includes(key))
			throw new CopyError(file, null, `missing "${key}:" at the top of the file — add it`);
	}
	const creditsDoc = /** @type {Record<string, unknown>} */ (
		typeof doc.credits === 'object' && doc.credits ? doc.credits : {}
	);
	const credits = /** @type {import('./types').CreditsWords} */ (
		/** @type {unknown} */ (
			Object.fromEntries(
				CREDITS_KEYS.map((key) => {
					const words = str(creditsDoc[key]);
					if (!words)
						throw new CopyError(
							file,
							null,
							`missing "credits.${key}:" at the top of the file — add it, with the words the credits at the foot of the page show there`
						);
					return [key, words];
				})
			)
		)
	);
	// When the reporting is from, as the byline says it ("summer 2018"): it names its year, which the
	// page gives machines as the <time>'s datetime.
	const reportedYear = /\b(1[89]|20)\d\d\b/.exec(meta.reported);
	if (!reportedYear) {
		throw new CopyError(
			file,
			topLines.get('reported') ?? null,
			`"reported: ${meta.reported}" names no year — say when the reporting is from, like "summer 2018"`
		);
	}
	meta.reportedYear = reportedYear[0];
	if (!/^https?:\/\/[^/\s]+\/\S*$/.test(meta.canonical)) {
		throw new CopyError(
			file,
			topLines.get('canonical') ?? null,
			`"canonical: ${meta.canonical}" is not a full address — write the page's public URL, like https://example.org/graphics/invisible-caliphate/`
		);
	}
	// The page lives in a folder (trailingSlash 'always'): its address ends in "/", and what sits
	// beside it (share.png, embed.js) resolves against that.
	if (!meta.canonical.endsWith('/')) meta.canonical += '/';
	const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.published);
	if (
		meta.published &&
		(!date || new Date(`${meta.published}T00:00:00Z`).getUTCDate() !== Number(date[3]))
	) {
		throw new CopyError(
			file,
			topLines.get('published') ?? null,
			`"published: ${meta.published}" is not a date — write it as year-month-day, like 2026-11-23`
		);
	}
	// The date as the byline shows it, written here once: formatting it in the browser would load
	// Intl's locale data during hydration (155 ms on a phone with 4× slower CPU, measured).
	if (date) meta.publishedText = `${Number(date[3])} ${MONTHS[Number(date[2]) - 1]} ${date[1]}`;
	else delete meta.published;
	const rawSteps = Array.isArray(doc.steps) ? doc.steps : [];
	if (rawSteps.length === 0)
		throw new CopyError(file, null, 'no steps — add a [steps] list with at least one step');
	/** @type {Map<string, number>} */
	const seen = new Map();
	const steps = rawSteps.map((/** @type {Record<string, unknown>} */ raw, i) => {
		const line = itemLines[i] ?? null;
		const id = str(raw.id);
		const where = `step ${i + 1}${id ? ` "${id}"` : ''}`;
		if (!id) throw new CopyError(file, line, `${where} has no id — add "id: some-name"`);
		if (!SLUG.test(id)) {
			throw new CopyError(
				file,
				line,
				`${where}: id must be lowercase letters, digits and hyphens (it becomes the link #${id})`
			);
		}
		if (seen.has(id)) {
			throw new CopyError(
				file,
				line,
				`${where}: duplicate step id "${id}" (also on line ${seen.get(id)}) — give each step its own id`
			);
		}
		seen.set(id, line ?? 0);
		/** Where each of the step's keys is set, so that a message points at the line that is wrong. */
		const keyLines = Object.fromEntries(itemKeyLines[i] ?? []);
		const view = str(raw.view);
		if (!view) throw new CopyError(file, line, `${where} has no view — add "view: <view id>"`);
		/** @param {string} text @param {string} key */
		const rich = (text, key) =>
			parseInline(text, (message) =>
				warn(`${file}:${keyLines[key] ?? line ?? '?'}: ${where}: ${message}`)
			);
		const paragraphs = str(raw.text)
			.split(/\n\s*\n/)
			.map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
			.filter(Boolean)
			.map((p) => rich(p, 'text'));
		const quote = str(raw.quote) ? rich(str(raw.quote), 'quote') : undefined;
		if (paragraphs.length === 0 && !quote) {
			throw new CopyError(
				file,
				line,
				`${where} has no text — add "text:" with its paragraphs, ending with ":end"`
			);
		}
		return { id, view, paragraphs, ...(quote ? { quote } : {}), line: line ?? 0, keyLines };
	});
	return {
		meta: /** @type {import('./types').StoryMeta} */ (/** @type {unknown} */ (meta)),
		metaLines: Object.fromEntries(topLines),
		credits,
		steps
	};
}
