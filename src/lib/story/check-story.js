// The cross-check of the parsed copy against the map data: the share image and every step name a
// view, every view's layers, frame, highlights, labels and route exist in the map data, and every
// note has a dated fact. Messages name the line in the story or views file that is wrong.
import { CopyError } from './copy-error.js';
import { didYouMean } from './nearest.js';

/** @typedef {import('./types').Story} Story */
/** @typedef {import('./types').ViewSpec} ViewSpec */
/** @typedef {import('./types').FeatureKind} FeatureKind */

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
				step.keyLines?.view ?? step.line,
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
