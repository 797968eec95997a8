// Draws every view of the copy from the map data, as the build will, and stops at the first thing
// that would go wrong there (a label that cannot be placed, a character the map font lacks), with
// one line naming the view's file and line: the check `npm run data` and the build's first step run
// after the copy check. The views are drawn by TypeScript modules (src/lib/story/views.ts), loaded
// through Vite's module runner.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { runnerImport } from 'vite';

/**
 * @param {string} root the project folder
 * @param {{ topology: unknown, views: import('../../src/lib/story/types').ViewSpec[], facts: import('../../src/lib/story/types').Fact[], viewsFile: string, metrics?: unknown }} input
 *   what to draw: the map data and font metrics (read from data/build if not given), the parsed
 *   views and facts
 */
export async function checkMap(root, input) {
	const { module } = await runnerImport(
		/** @type {string} */ (join(root, 'src/lib/story/views.ts')),
		{
			configFile: false,
			root,
			logLevel: 'error',
			resolve: { alias: { $lib: join(root, 'src/lib'), $data: join(root, 'data') } }
		}
	);
	const metrics =
		input.metrics ?? JSON.parse(readFileSync(join(root, 'data/build/font-metrics.json'), 'utf8'));
	const { buildViews } = /** @type {typeof import('../../src/lib/story/views')} */ (module);
	return buildViews(
		/** @type {any} */ (input.topology),
		/** @type {any} */ (metrics),
		input.views,
		input.facts,
		input.viewsFile
	);
}
