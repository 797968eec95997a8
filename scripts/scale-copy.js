// Synthetic copies for `npm run bench -- --scale`: the real copy with its steps repeated (new ids, the
// same views), and with its views repeated too (each repetition of the steps on views of its own), so
// that the bench measures what a longer piece costs the page, all else equal.
import { parseStory, parseViews } from '../src/lib/story/copy.js';

// Brackets and keys as src/lib/story/lint.js reads them: spaces allowed inside and around.
/** The name of the list a `[name]` line opens ('' for the closing `[]`). @param {string} line */
const listName = (line) => /^\[\s*([^\]]*?)\s*\]$/.exec(line.trim())?.[1];
const ID = /^(\s*id\s*:\s*)(\S+)/;
const VIEW = /^(\s*view\s*:\s*)(\S+)/;

/**
 * The lines of the list `[name]` … `[]` in an ArchieML file, split into its blocks (each from an
 * `id:` line to the next), with what comes before and after the blocks.
 * @param {string} text @param {string} name @param {string} file
 */
function blocks(text, name, file) {
	const lines = text.split('\n');
	const open = lines.findIndex((l) => listName(l) === name);
	const close = lines.findIndex((l, i) => i > open && listName(l) === '');
	if (open < 0 || close < 0) throw new Error(`${file}: no [${name}] … [] list to repeat`);
	const starts = lines.flatMap((l, i) => (i > open && i < close && ID.test(l) ? [i] : []));
	if (!starts.length) throw new Error(`${file}: the [${name}] list has no "id:" line`);
	return {
		head: lines.slice(0, starts[0]),
		items: starts.map((s, k) => lines.slice(s, starts[k + 1] ?? close)),
		tail: lines.slice(close)
	};
}

/** The id of the r-th repetition (0: the original). @param {string} id @param {number} r */
const nth = (id, r) => (r === 0 ? id : `${id}-x${r + 1}`);
/**
 * The line with the value of its key (ID or VIEW) renamed for the r-th repetition.
 * @param {RegExp} key @param {string} line @param {number} r
 */
const rename = (key, line, r) =>
	line.replace(key, (_, /** @type {string} */ head, /** @type {string} */ id) => head + nth(id, r));

/**
 * The copy with its steps repeated `times` times, and with `views` each repetition on its own copies
 * of the views. Both results are parsed as the build parses them before they are returned.
 * @param {{ story: string, views: string }} copy the files' text
 * @param {{ times: number, views?: boolean }} how
 * @returns {{ story: string, views: string, steps: number, viewCount: number }}
 */
export function scaleCopy(copy, { times, views = false }) {
	if (!Number.isInteger(times) || times < 1)
		throw new Error(`scaleCopy: times ${times} is not 1, 2, …`);
	const story = blocks(copy.story, 'steps', 'story.aml');
	const stepLines = [];
	for (let r = 0; r < times; r++)
		for (const item of story.items)
			stepLines.push(
				...item.map((l) => (views ? rename(VIEW, rename(ID, l, r), r) : rename(ID, l, r)))
			);
	const storyText = [...story.head, ...stepLines, ...story.tail].join('\n');

	let viewsText = copy.views;
	if (views) {
		const list = blocks(copy.views, 'views', 'views.aml');
		const viewLines = [];
		for (let r = 0; r < times; r++)
			for (const item of list.items) viewLines.push(...item.map((l) => rename(ID, l, r)));
		viewsText = [...list.head, ...viewLines, ...list.tail].join('\n');
	}
	const parsed = parseStory(storyText, 'story.aml (scaled)');
	const parsedViews = /** @type {unknown[]} */ (parseViews(viewsText, 'views.aml (scaled)'));
	return {
		story: storyText,
		views: viewsText,
		steps: parsed.steps.length,
		viewCount: parsedViews.length
	};
}
