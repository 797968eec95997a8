// Every view of the copy drawn from the map data, or a CopyError naming the view's line and what
// stops it: a label that cannot be placed is never left off in silence. The build draws the views
// with it, and `npm run data` and the build's first check run it too (data/scripts/check-map.js).
import type { Topology } from 'topojson-specification';
import { CopyError } from './copy-error.js';
import type { FontMetrics } from '$lib/map/label-styles.js';
import { MapData } from '$lib/map/geometry';
import type { Box, DatedNote, MapView, ViewSpec } from '$lib/map/types';

export function buildViews(
	topology: Topology,
	metrics: FontMetrics,
	specs: ViewSpec[],
	facts: DatedNote[],
	viewsFile: string
): { views: Record<string, MapView>; locatorBox: Box } {
	const map = new MapData(topology, metrics);
	const views: Record<string, MapView> = {};
	for (const spec of specs) {
		let drawn;
		try {
			drawn = map.view(spec, facts);
		} catch (e) {
			throw new CopyError(viewsFile, spec.line, `view "${spec.id}": ${(e as Error).message}`);
		}
		const [first] = drawn.problems;
		if (first) {
			const more = drawn.problems.length - 1;
			throw new CopyError(
				viewsFile,
				spec.keyLines?.labels ?? spec.line,
				`view "${spec.id}": label "${first.id}" cannot be placed: ${first.why} — drop a label, reorder them (the first placed first) or give the view more room${
					more
						? ` (and ${more} more: ${drawn.problems
								.slice(1)
								.map((p) => `"${p.id}"`)
								.join(', ')})`
						: ''
				}`
			);
		}
		views[spec.id] = drawn.view;
	}
	return { views, locatorBox: map.locatorBox() };
}
