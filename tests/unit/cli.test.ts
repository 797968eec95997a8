import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { VARIANT_DIR, VARIANT_ENV, writeVariantCopy } from '../variant.js';
import { parseViews } from '../../src/lib/story/copy.js';
import { mapContents } from '../../src/lib/story/features.js';
import { copyFixtures, writeFixtures } from '../fixtures/copy-fixtures.js';

/** Runs a command as an editor would, with a fixture swapped in for the copy. */
function run(command: string[], env: Record<string, string>) {
	const result = spawnSync(command[0], command.slice(1), {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		timeout: 120_000
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

// Two broken copies, made from the copy as it is now (tests/fixtures/copy-fixtures.ts): a step naming
// an unknown view, and a view labelling a place the map data does not have.
const { fixtures } = copyFixtures();
const fixture = (name: string) => fixtures.find((f) => f.name === name)!;
const unknownView = fixture('unknown-view.aml');
const missingPlace = fixture('missing-place.aml');
const written = writeFixtures('cli', {
	[unknownView.name]: unknownView.text,
	[missingPlace.name]: missingPlace.text
});
afterAll(written.remove);
/** The line an editor is shown: "file:line: message". */
const shown = (f: typeof unknownView) =>
	new RegExp(
		`^${escape(`${written.path(f.name)}:${f.line}: `)}${f.message.source.replace(/^\^/, '')}`
	);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('broken copy stops the commands with one readable line', () => {
	it('npm run data names the file, the line, the step and the fix', { timeout: 60_000 }, () => {
		const { code, err } = run(['node', 'data/scripts/build-geo.js'], {
			STORY_FILE: written.path(unknownView.name)
		});
		expect(code).toBe(1);
		const lines = err.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(shown(unknownView));
		expect(err).not.toMatch(/\n\s+at /); // no stack trace
	});

	it(
		'npm run data rejects a view that names a place missing from the map data',
		{ timeout: 60_000 },
		() => {
			const { code, err } = run(['node', 'data/scripts/build-geo.js'], {
				VIEWS_FILE: written.path(missingPlace.name)
			});
			expect(code).toBe(1);
			expect(err.trim()).toMatch(shown(missingPlace));
		}
	);

	it('the build fails before prerendering, with the same line', { timeout: 120_000 }, () => {
		const { code, out, err } = run(['npx', 'vite', 'build', '--outDir', '/tmp/never-written'], {
			STORY_FILE: written.path(unknownView.name)
		});
		expect(code).toBe(1);
		const line = (out + err).split('\n').find((l) => l.includes(written.path(unknownView.name)));
		expect(line?.slice(line.indexOf(written.path(unknownView.name)))).toMatch(shown(unknownView));
		expect(out + err).not.toMatch(/\n\s+at /);
	});
});

// Builds run one after another in this file: they share .svelte-kit/.
const BASE = VARIANT_ENV.BASE_PATH;

describe('npm run data -- --list', () => {
	it('prints every id the copy can name, by kind, and builds nothing', { timeout: 30_000 }, () => {
		const { code, out } = run(['node', 'data/scripts/build-geo.js', '--list'], {});
		expect(code).toBe(0);
		expect(out, 'no build: its summary line').not.toContain('npm run data:');
		const line = (kind: string) =>
			(out.split('\n').find((l) => l.startsWith(`${kind} (`)) ?? '')
				.replace(/^.*?\): /, '')
				.split(', ');
		const views = parseViews(readFileSync('data/copy/views.aml', 'utf8'), 'views.aml');
		expect(line('views')).toEqual(views.map((v) => v.id));
		const { kinds, groups } = mapContents(
			JSON.parse(readFileSync('data/build/map.topo.json', 'utf8')),
			'map.topo.json'
		);
		const named = ['places', 'areas', 'lines'].flatMap(line);
		expect(named.sort()).toEqual([...kinds.keys()].sort());
		expect(line('lines').every((id) => kinds.get(id) === 'line')).toBe(true);
		expect(line('layers')).toEqual([...groups]);
		// Every label the views ask for is among the ids listed.
		for (const view of views) for (const id of view.labels) expect(named).toContain(id);
	});

	it('answers a mistyped option with one line that says the fix', () => {
		const { code, err } = run(['node', 'data/scripts/build-geo.js', '--lsit'], {});
		expect(code).toBe(1);
		expect(err.trim().split('\n')).toEqual([
			expect.stringContaining('unknown option "--lsit" — did you mean "--list"?')
		]);
	});
});

describe('served from a subfolder (BASE_PATH)', () => {
	it(
		'every asset and data URL of the page and the embed resolves under the subfolder',
		{ timeout: 120_000 },
		() => {
			// The variant build the browser tests of hostile copy also serve (tests/browser/hostile.spec.ts).
			const out = VARIANT_DIR;
			rmSync(out, { recursive: true, force: true });
			writeVariantCopy();
			const build = spawnSync('npm', ['run', 'build'], {
				env: { ...process.env, ...VARIANT_ENV, BUILD_DIR: out },
				encoding: 'utf8'
			});
			expect(build.status, build.stderr).toBe(0);
			for (const [page, url] of [
				['index.html', `${BASE}/`],
				['embed/index.html', `${BASE}/embed/`]
			]) {
				const html = readFileSync(join(out, page), 'utf8');
				// The markup's references (not strings inside inline scripts).
				const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
				const refs = [...markup.matchAll(/<[a-z][^>]*?\s(?:src|href)="([^"#]+)"/g)]
					.map((m) => m[1])
					.filter((r) => !/^(https?:|data:|mailto:)/.test(r));
				// The page: icon, init script, styles, scripts; the self-contained embed: icon, init script.
				expect(refs.length).toBeGreaterThanOrEqual(page === 'index.html' ? 4 : 2);
				for (const ref of refs) {
					// Where a browser at `url` would fetch it from: it must be inside the subfolder and exist.
					const resolved = new URL(ref, `http://host${url}`).pathname;
					expect(resolved.startsWith(`${BASE}/`), `${page}: ${ref} → ${resolved}`).toBe(true);
					const file = normalize(join(out, resolved.slice(BASE.length)));
					const exists = existsSync(file) || existsSync(join(file, 'index.html'));
					expect(exists, `${page}: ${ref} → ${resolved} (no such file in the build)`).toBe(true);
				}
			}
			// The embed is the self-contained one (scripts inline), built for the subfolder too.
			const embed = readFileSync(join(out, 'embed/index.html'), 'utf8');
			expect(embed).not.toMatch(/<script[^>]*type="module"|import\(/);
			expect(embed).toContain('data-story-map');
			// SvelteKit's own client paths point under the subfolder too.
			expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(
				`base: new URL(".", location).pathname.slice(0, -1)`
			);
		}
	);
});
