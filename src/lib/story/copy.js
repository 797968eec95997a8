// Parses and checks the copy files (ArchieML) into typed steps and views.
// Plain JavaScript with JSDoc types so that the Vite build, the unit tests and `npm run data` (plain Node)
// all run the very same checks. Every failure is a CopyError naming the file, the line and the fix.
import archieml from 'archieml';
import { parseInline } from './inline.js';
import { CopyError } from './copy-error.js';
import { didYouMean } from './nearest.js';

/** @typedef {import('./types').Story} Story */
/** @typedef {import('./types').Step} Step */
/** @typedef {import('./types').ViewSpec} ViewSpec */
/** @typedef {import('./types').FeatureKind} FeatureKind */

export { CopyError };

const STORY_KEYS = [
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
/** Keys that may be left out: the publication date, until the piece is published. */
const OPTIONAL_STORY_KEYS = ['published'];
const STEP_KEYS = ['id', 'view', 'text', 'quote'];
const VIEW_KEYS = [
	'id',
	'frame',
	'bbox',
	'margin',
	'layers',
	'highlight',
	'labels',
	'notes',
	'route',
	'description'
];
const MONTHS =
	'January February March April May June July August September October November December'.split(
		' '
	);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Strips a byte-order mark and normalises CRLF / CR line endings: both are valid input. */
export function normalise(/** @type {string} */ text) {
	return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * A light structural lint of ArchieML, which itself never fails: it silently ignores what it does not
 * understand. We want an editor's slip (an unknown key, a paragraph without `:end`, an unclosed list) to
 * stop the build instead of dropping words.
 * @param {string} text normalised text
 * @param {string} file
 * @param {{ top: string[], section: string, item: string[] }} keys
 * @returns {{ itemLines: number[], topLines: Map<string, number>, itemKeyLines: Map<string, number>[] }}
 *   the 1-based line where each item of the section starts, where each top-level key is set, and
 *   where each key of each item is set
 */
function lint(text, file, keys) {
	const lines = text.split('\n');
	/** @type {number[]} */
	const itemLines = [];
	let inSection = false;
	let sectionLine = 0;
	let closed = false;
	/** @type {{ key: string, line: number } | null} */
	let open = null; // a key whose value may run over several lines until :end
	let openHasMore = false;
	const firstKey = keys.item[0];
	/** Where each key of the current item (or of the top of the file) was set, to catch repeats. */
	/** @type {Map<string, number>} */
	let itemKeys = new Map();
	/** @type {Map<string, number>} */
	const topLines = new Map();
	/** @type {Map<string, number>[]} */
	const itemKeyLines = [];

	const closeOpen = (/** @type {number} */ at) => {
		if (open && openHasMore) {
			throw new CopyError(
				file,
				open.line,
				`"${open.key}" runs over several lines but is not closed with ":end" before line ${at} — add a line ":end" after its last paragraph`
			);
		}
		open = null;
		openHasMore = false;
	};

	for (let i = 0; i < lines.length; i++) {
		const n = i + 1;
		const raw = lines[i];
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		if (/^:end\b/i.test(line)) {
			if (!open)
				throw new CopyError(file, n, '":end" with no open multi-line value above it — remove it');
			open = null;
			openHasMore = false;
			continue;
		}
		const section = /^\[\s*([^\]]*)\s*\]$/.exec(line);
		if (section) {
			closeOpen(n);
			const name = section[1].trim();
			if (name === '') {
				if (!inSection)
					throw new CopyError(file, n, '"[]" closes a list that was never opened — remove it');
				inSection = false;
				closed = true;
				continue;
			}
			if (name !== keys.section) {
				throw new CopyError(
					file,
					n,
					`unknown list "[${name}]" — the only list here is [${keys.section}]`
				);
			}
			if (closed || inSection)
				throw new CopyError(file, n, `[${keys.section}] opened twice — merge the lists`);
			inSection = true;
			sectionLine = n;
			continue;
		}
		if (/^[{*\\]/.test(line) && !open) {
			throw new CopyError(
				file,
				n,
				`unexpected ArchieML syntax "${line.slice(0, 20)}" — plain "key: value" lines only`
			);
		}
		const key = /^([A-Za-z0-9_.-]+)\s*:/.exec(line);
		if (key) {
			const within = open; // the multi-line value this line would end
			closeOpen(n);
			const name = key[1];
			const allowed = inSection ? keys.item : keys.top;
			if (!allowed.includes(name)) {
				// Inside a paragraph, "Word: …" reads as a key (ArchieML): say how to keep it text.
				const hint =
					within && ['text', 'quote', 'description'].includes(within.key)
						? `; a paragraph that starts with "${name}:" must be written "\\${name}:"`
						: '';
				throw new CopyError(
					file,
					n,
					`unknown key "${name}"${inSection ? ` in [${keys.section}]` : ''}${didYouMean(name, allowed)} — expected one of: ${allowed.join(', ')}${hint}`
				);
			}
			if (inSection && name === firstKey) {
				itemLines.push(n);
				itemKeys = new Map();
				itemKeyLines.push(itemKeys);
			}
			// A key set twice: ArchieML would silently keep the last. In a list this is most often a
			// missing "id:" line, which folds the next item into this one.
			const seen = inSection ? itemKeys : topLines;
			const before = seen.get(name);
			if (before !== undefined) {
				throw new CopyError(
					file,
					n,
					inSection
						? `"${name}:" is set twice in one item (lines ${before} and ${n}) — if a new item starts here, it needs its own "${firstKey}:" line first`
						: `"${name}:" is set twice (lines ${before} and ${n}) — keep one`
				);
			}
			seen.set(name, n);
			if (inSection && itemLines.length === 0) {
				throw new CopyError(
					file,
					n,
					`each item in [${keys.section}] must start with "${firstKey}:"`
				);
			}
			open = { key: name, line: n };
			continue;
		}
		if (open) {
			openHasMore = true;
			continue;
		}
		throw new CopyError(
			file,
			n,
			`stray text "${line.slice(0, 30)}…" outside any key — put it in a "text:" value or remove it`
		);
	}
	closeOpen(lines.length + 1);
	if (inSection) {
		throw new CopyError(
			file,
			sectionLine,
			`[${keys.section}] is never closed — add a line "[]" after its last item`
		);
	}
	return { itemLines, topLines, itemKeyLines };
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function str(value) {
	return typeof value === 'string' ? value.trim() : '';
}

/** @param {string} value */
function list(value) {
	return value
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

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
	const { itemLines, topLines } = lint(text, file, {
		top: STORY_KEYS,
		section: 'steps',
		item: STEP_KEYS
	});
	/** @type {Record<string, unknown>} */
	const doc = archieml.load(text);
	/** @type {Record<string, string>} */
	const meta = {};
	for (const key of STORY_KEYS) {
		meta[key] = str(doc[key]);
		if (!meta[key] && !OPTIONAL_STORY_KEYS.includes(key))
			throw new CopyError(file, null, `missing "${key}:" at the top of the file — add it`);
	}
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
		const view = str(raw.view);
		if (!view) throw new CopyError(file, line, `${where} has no view — add "view: <view id>"`);
		/** @param {string} text */
		const rich = (text) =>
			parseInline(text, (message) => warn(`${file}:${line ?? '?'}: ${where}: ${message}`));
		const paragraphs = str(raw.text)
			.split(/\n\s*\n/)
			.map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
			.filter(Boolean)
			.map(rich);
		const quote = str(raw.quote) ? rich(str(raw.quote)) : undefined;
		if (paragraphs.length === 0 && !quote) {
			throw new CopyError(
				file,
				line,
				`${where} has no text — add "text:" with its paragraphs, ending with ":end"`
			);
		}
		return { id, view, paragraphs, ...(quote ? { quote } : {}), line: line ?? 0 };
	});
	return {
		meta: /** @type {import('./types').StoryMeta} */ (/** @type {unknown} */ (meta)),
		metaLines: Object.fromEntries(topLines),
		steps
	};
}

/**
 * Parses the map views. Throws CopyError on any problem.
 * @param {string} input
 * @param {string} file
 * @returns {ViewSpec[]}
 */
export function parseViews(input, file) {
	const text = normalise(input);
	if (text.trim() === '')
		throw new CopyError(file, null, 'the file is empty — it should hold the map views');
	const { itemLines, itemKeyLines } = lint(text, file, {
		top: [],
		section: 'views',
		item: VIEW_KEYS
	});
	/** @type {Record<string, unknown>} */
	const doc = archieml.load(text);
	const raws = Array.isArray(doc.views) ? doc.views : [];
	if (raws.length === 0) throw new CopyError(file, null, 'no views — add a [views] list');
	/** @type {Set<string>} */
	const seen = new Set();
	return raws.map((/** @type {Record<string, unknown>} */ raw, i) => {
		const line = itemLines[i] ?? 0;
		const id = str(raw.id);
		const where = `view ${i + 1}${id ? ` "${id}"` : ''}`;
		if (!id || !SLUG.test(id))
			throw new CopyError(
				file,
				line,
				`${where}: needs an "id:" of lowercase letters, digits and hyphens`
			);
		if (seen.has(id))
			throw new CopyError(
				file,
				line,
				`${where}: duplicate view id "${id}" — give each view its own id`
			);
		seen.add(id);
		/** @type {ViewSpec['frame']} */
		let frame;
		if (str(raw.bbox)) {
			const box = list(str(raw.bbox)).map(Number);
			if (box.length !== 4 || box.some((v) => !Number.isFinite(v))) {
				throw new CopyError(
					file,
					line,
					`${where}: bbox must be four numbers "west, south, east, north"`
				);
			}
			const [w, s, e, n] = box;
			for (const lat of [s, n]) {
				if (lat < -90 || lat > 90)
					throw new CopyError(
						file,
						line,
						`${where}: latitude ${lat} out of range −90..90 — fix the bbox`
					);
			}
			for (const lon of [w, e]) {
				if (lon < -180 || lon > 180)
					throw new CopyError(
						file,
						line,
						`${where}: longitude ${lon} out of range −180..180 — fix the bbox`
					);
			}
			if (s >= n || w >= e)
				throw new CopyError(file, line, `${where}: bbox must be west < east and south < north`);
			frame = { bbox: [w, s, e, n] };
		} else {
			const ids = list(str(raw.frame));
			if (ids.length === 0)
				throw new CopyError(
					file,
					line,
					`${where}: says nothing to frame — add "frame: <feature ids>" or "bbox: w, s, e, n"`
				);
			frame = { ids };
		}
		const margin = str(raw.margin) === '' ? 0 : Number(str(raw.margin));
		if (!Number.isFinite(margin) || margin < 0)
			throw new CopyError(file, line, `${where}: margin must be a number of km ≥ 0`);
		// Checked against the map's layers in checkStory (data/map/layers.json names them).
		const layers = list(str(raw.layers));
		const description = str(raw.description);
		if (!description)
			throw new CopyError(
				file,
				line,
				`${where}: missing "description:", one sentence telling what the map shows`
			);
		const route = str(raw.route) || undefined;
		return {
			id,
			frame,
			margin,
			layers,
			highlight: list(str(raw.highlight)),
			labels: list(str(raw.labels)),
			notes: list(str(raw.notes)),
			...(route ? { route } : {}),
			description,
			line,
			keyLines: Object.fromEntries(itemKeyLines[i] ?? [])
		};
	});
}

/**
 * Cross-checks steps, views and the map data: every step names a view, every view names features that
 * exist. Throws CopyError naming the file and line.
 * @param {Story} story
 * @param {ViewSpec[]} views
 * @param {{ kinds: Map<string, FeatureKind>, groups: Set<string> }} map what the map data holds: each
 *   feature id and its kind, and the layer names a view can draw
 * @param {{ story: string, views: string }} files
 * @param {{ file: string, facts: import('./types').Fact[] }} [facts] the dated facts the map shows
 */
export function checkStory(
	story,
	views,
	map,
	files,
	facts = { file: 'data/facts/dates.json', facts: [] }
) {
	const features = map.kinds;
	for (const fact of facts.facts) {
		if (fact.feature && !features.has(fact.feature)) {
			throw new CopyError(
				facts.file,
				null,
				`fact "${fact.id}": feature "${fact.feature}" is not in the map data — check the spelling`
			);
		}
	}
	const viewIds = new Set(views.map((v) => v.id));
	if (!viewIds.has(story.meta.image)) {
		throw new CopyError(
			files.story,
			story.metaLines?.image ?? null,
			`"image: ${story.meta.image}" names no map view${didYouMean(story.meta.image, viewIds)} — known views: ${[...viewIds].join(', ')}`
		);
	}
	for (const step of story.steps) {
		if (!viewIds.has(step.view)) {
			throw new CopyError(
				files.story,
				step.line,
				`step "${step.id}": unknown view "${step.view}"${didYouMean(step.view, viewIds)} — known views: ${[...viewIds].join(', ')}`
			);
		}
	}
	for (const view of views) {
		/** The line of the view's `key:`, where a wrong id in it is (its `id:` line if unknown). */
		const at = (/** @type {string} */ key) => view.keyLines?.[key] ?? view.line;
		/** @param {string} id @param {string} role @param {string} key */
		const need = (id, role, key) => {
			if (!features.has(id)) {
				throw new CopyError(
					files.views,
					at(key),
					`view "${view.id}": ${role} "${id}" is not in the map data${didYouMean(id, features.keys())} — check the spelling, or add it to data/map/layers.json (or data/geo) and run npm run data`
				);
			}
		};
		for (const layer of view.layers) {
			if (!map.groups.has(layer)) {
				throw new CopyError(
					files.views,
					at('layers'),
					`view "${view.id}": unknown layer "${layer}"${didYouMean(layer, map.groups)} — the layers are: ${[...map.groups].join(', ')} (data/map/layers.json)`
				);
			}
		}
		if ('ids' in view.frame) view.frame.ids.forEach((id) => need(id, 'frame', 'frame'));
		view.highlight.forEach((id) => need(id, 'highlight', 'highlight'));
		view.labels.forEach((id) => need(id, 'label', 'labels'));
		for (const id of view.notes) {
			if (!view.labels.includes(id)) {
				throw new CopyError(
					files.views,
					at('notes'),
					`view "${view.id}": note for "${id}", which it does not label — add "${id}" to its labels`
				);
			}
			if (!facts.facts.some((f) => f.feature === id)) {
				throw new CopyError(
					files.views,
					at('notes'),
					`view "${view.id}": no dated fact about "${id}" in ${facts.file} — add one with its sources, or remove the note`
				);
			}
		}
		if (view.route) {
			need(view.route, 'route', 'route');
			if (features.get(view.route) !== 'line') {
				throw new CopyError(
					files.views,
					at('route'),
					`view "${view.id}": route "${view.route}" must be a line feature — the lines are: ${[
						...features
					]
						.filter(([, kind]) => kind === 'line')
						.map(([id]) => id)
						.join(', ')}`
				);
			}
		}
	}
}
