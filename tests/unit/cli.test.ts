import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

/** Runs a command as an editor would, with a fixture swapped in for the copy. */
function run(command: string[], env: Record<string, string>) {
	const result = spawnSync(command[0], command.slice(1), {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		timeout: 120_000
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('broken copy stops the commands with one readable line', () => {
	it('npm run data names the file, the line, the step and the fix', () => {
		const { code, err } = run(['node', 'data/scripts/build-geo.js'], {
			STORY_FILE: 'tests/fixtures/copy/unknown-view.aml'
		});
		expect(code).toBe(1);
		const lines = err.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^tests\/fixtures\/copy\/unknown-view\.aml:15: step "threat": unknown view "regoin" — known views: region, /
		);
		expect(err).not.toMatch(/\n\s+at /); // no stack trace
	});

	it('npm run data rejects a view that names a place missing from the map data', () => {
		const { code, err } = run(['node', 'data/scripts/build-geo.js'], {
			VIEWS_FILE: 'tests/fixtures/copy/missing-place.aml'
		});
		expect(code).toBe(1);
		expect(err.trim()).toMatch(
			/missing-place\.aml:\d+: view "region": label "atlantis" is not in the map data/
		);
	});

	it('the build fails before prerendering, with the same line', { timeout: 120_000 }, () => {
		const { code, out, err } = run(['npx', 'vite', 'build', '--outDir', '/tmp/never-written'], {
			STORY_FILE: 'tests/fixtures/copy/unknown-view.aml'
		});
		expect(code).toBe(1);
		expect(out + err).toMatch(/unknown-view\.aml:15: step "threat": unknown view "regoin"/);
		expect(out + err).not.toMatch(/\n\s+at /);
	});
});
