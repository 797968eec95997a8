// An editor's ordinary corrections, scripted: applied to copies of the copy files, then the copy checks
// (as `npm run data` and the build run them) and every copy-derived unit test are run on them, reading
// the edited copy through STORY_FILE / VIEWS_FILE. Changes that keep the article's words must leave
// every test green; changes to the article's words (rewording, moving, dropping a sentence) must be
// caught by the fidelity guard alone, with a message that says what changed and how to make it
// deliberate. The browser tests read the copy the same way (tests/browser/helpers.ts): the README says
// how to run them on an edited copy.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStory, parseViews } from '../../src/lib/story/copy.js';
import { checkCopy } from '../../data/scripts/check-copy.js';
import { checkMap } from '../../data/scripts/check-map.js';
import { COPY } from '../copy-files.js';

/** The unit tests that derive what they expect from the story file. */
const FROM_THE_STORY = [
	'tests/unit/copy.test.ts',
	'tests/unit/did-you-mean.test.ts',
	'tests/unit/render.test.ts',
	// The broken-copy fixtures, made from the edited copy.
	'tests/unit/fixtures.test.ts'
];
/** And from the views file too. */
const COPY_DERIVED = [
	...FROM_THE_STORY,
	'tests/unit/labels.test.ts',
	'tests/unit/geometry.test.ts'
];
const FIDELITY = 'the fidelity guard';

const storyText = readFileSync(COPY.story, 'utf8');
const viewsText = readFileSync(COPY.views, 'utf8');
const story = parseStory(storyText, COPY.story);
const views = parseViews(viewsText, COPY.views);

/** Replaces `from`, which must be in `text`, so that no scripted change silently does nothing. */
function edit(text: string, from: string | RegExp, to: string): string {
	const out = text.replace(from, to);
	if (out === text) throw new Error(`the scripted change found no ${from} in the copy`);
	return out;
}

/** A view's block in the views file, from its id: line to the blank line after it. */
const blockOf = (id: string) =>
	viewsText.match(new RegExp(`^id: ${id}\\n[^]*?\\n(?=\\n|$)`, 'm'))![0];
/** A step's block in the story file. */
const stepBlock = (id: string) =>
	storyText.match(new RegExp(`^id: ${id}\\n[^]*?\\n:end\\n`, 'm'))![0];

/** The corrections that keep every word of the article. */
function keepingTheWords() {
	let s = storyText;
	let v = viewsText;
	// 1. A new view, made from an existing one, and a new step that shows it, after the second step.
	const model =
		views.find((view) => !view.route && view.id === story.steps.at(-2)!.view) ?? views[0];
	v = edit(
		v,
		blockOf(model.id),
		`${blockOf(model.id)}\nid: editor-new-view\n${blockOf(model.id)
			.split('\n')
			.slice(1)
			.join('\n')
			.replace(/^description: .*$/m, 'description: A view an editor added.')}`
	);
	s = edit(
		s,
		stepBlock(story.steps[1].id),
		`${stepBlock(story.steps[1].id)}\nid: editor-new-step\nview: editor-new-view\ntext: A step an editor added, with <a href="https://example.org/">a link</a> and <em>emphasis</em>.\n:end\n`
	);
	// 2. A link and an emphasis on the words of an existing step.
	const target = story.steps[2];
	const [firstLine] = stepBlock(target.id).match(/^text: .*$/m)!;
	const [, word1, word2] = firstLine.match(/^text: (\S+) (\S+)/)!;
	s = edit(
		s,
		firstLine,
		firstLine.replace(
			`text: ${word1} ${word2}`,
			`text: <em>${word1}</em> <a href="https://example.org/">${word2}</a>`
		)
	);
	// 3. A view renamed, in the views file and in every step that shows it.
	const renamed = story.steps[0].view;
	v = edit(v, new RegExp(`^id: ${renamed}$`, 'm'), `id: ${renamed}-renamed`);
	s = s.replace(new RegExp(`^view: ${renamed}$`, 'gm'), `view: ${renamed}-renamed`);
	return { story: s, views: v };
}

/** Corrections to the article's own words: two steps swapped, and a word reworded. */
function changingTheWords() {
	const [a, b] = [story.steps[3], story.steps[4]];
	let s = edit(
		storyText,
		`${stepBlock(a.id)}\n${stepBlock(b.id)}`,
		`${stepBlock(b.id)}\n${stepBlock(a.id)}`
	);
	const [firstLine] = stepBlock(story.steps[1].id).match(/^text: .*$/m)!;
	s = edit(s, firstLine, firstLine.replace(/\b(\p{L}{5,})\b/u, 'reworded'));
	return { story: s, views: viewsText };
}

/** Writes the edited copy into a folder of the project (the tests resolve it from there). */
function write(name: string, files: { story: string; views: string }) {
	const dir = join('.editor-copy', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'story.aml'), files.story);
	writeFileSync(join(dir, 'views.aml'), files.views);
	return { story: join(dir, 'story.aml'), views: join(dir, 'views.aml') };
}

interface Result {
	name: string;
	status: string;
	message: string;
}

/** Runs these unit tests on the edited copy; returns every test's result. */
function runOn(files: { story: string; views: string }, tests: string[]): Result[] {
	const out = join('.editor-copy', `${files.story.split('/').at(-2)}.json`);
	const run = spawnSync(
		process.execPath,
		[
			'node_modules/vitest/vitest.mjs',
			'run',
			...tests,
			'--reporter=json',
			// This run shares the machine with the rest of the unit tests (it is one of them): its tests
			// get the time they would have alone.
			'--testTimeout=30000',
			`--outputFile=${out}`
		],
		{
			env: { ...process.env, STORY_FILE: files.story, VIEWS_FILE: files.views },
			encoding: 'utf8',
			timeout: 240_000
		}
	);
	let report: {
		testResults: {
			assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
		}[];
	};
	try {
		report = JSON.parse(readFileSync(out, 'utf8'));
	} catch {
		throw new Error(`the copy-derived tests did not report (exit ${run.status}): ${run.stderr}`);
	}
	return report.testResults.flatMap((f) =>
		f.assertionResults.map((t) => ({
			name: t.fullName,
			status: t.status,
			message: t.failureMessages.join('\n').split('\n').slice(0, 6).join('\n')
		}))
	);
}

const failures = (results: Result[]) =>
	results.filter((r) => r.status !== 'passed').map((r) => `${r.name}\n${r.message}`);

describe('an editor’s corrections', () => {
	it(
		'that keep the article’s words (a new step and view, a link and emphasis, a renamed view) pass the copy checks and every copy-derived test',
		{ timeout: 300_000 },
		async () => {
			const files = write('keeping', keepingTheWords());
			const edited = parseStory(readFileSync(files.story, 'utf8'), files.story);
			expect(edited.steps.map((s) => s.id)).toContain('editor-new-step');
			const { views, facts, topology } = checkCopy(process.cwd(), files);
			await checkMap(process.cwd(), { topology, views, facts, viewsFile: files.views });
			const results = runOn(files, COPY_DERIVED);
			expect(results.length).toBeGreaterThan(50);
			expect(failures(results)).toEqual([]);
		}
	);

	it(
		'that change the article’s words (two steps swapped, a word reworded) fail the fidelity guard alone, which says so',
		{ timeout: 300_000 },
		async () => {
			const files = write('changing', changingTheWords());
			const { views, facts, topology } = checkCopy(process.cwd(), files);
			await checkMap(process.cwd(), { topology, views, facts, viewsFile: files.views });
			// The views file is as it was: the tests of the story file.
			const results = runOn(files, FROM_THE_STORY);
			const failed = results.filter((r) => r.status !== 'passed');
			expect(failed.map((r) => r.name)).toEqual([expect.stringContaining(FIDELITY)]);
			expect(failed[0].message).toContain(`${files.story} no longer holds sentence`);
			expect(failed[0].message).toContain('invisible-caliphate.original.txt');
		}
	);
});
