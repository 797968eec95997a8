// The views file's schema (data/copy/views.aml): its [views], each saying what the map frames, draws,
// highlights and labels, parsed into typed view specs that keep the line of each key.
import archieml from 'archieml';
import { CopyError } from './copy-error.js';
import { lint, normalise } from './lint.js';
import { SLUG, str } from './values.js';

/** @typedef {import('./types').ViewSpec} ViewSpec */

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

/** @param {string} value */
function list(value) {
	return value
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
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
		/** The line of one of the view's keys, or of the view, where a message about that key points. */
		const at = (/** @type {string} */ key) => itemKeyLines[i]?.get(key) ?? line;
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
					at('bbox'),
					`${where}: bbox must be four numbers "west, south, east, north"`
				);
			}
			const [w, s, e, n] = box;
			for (const lat of [s, n]) {
				if (lat < -90 || lat > 90)
					throw new CopyError(
						file,
						at('bbox'),
						`${where}: latitude ${lat} out of range −90..90 — fix the bbox`
					);
			}
			for (const lon of [w, e]) {
				if (lon < -180 || lon > 180)
					throw new CopyError(
						file,
						at('bbox'),
						`${where}: longitude ${lon} out of range −180..180 — fix the bbox`
					);
			}
			if (s >= n || w >= e)
				throw new CopyError(
					file,
					at('bbox'),
					`${where}: bbox must be west < east and south < north`
				);
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
			throw new CopyError(file, at('margin'), `${where}: margin must be a number of km ≥ 0`);
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
