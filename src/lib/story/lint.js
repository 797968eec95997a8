// The line-level lint of an ArchieML copy file, run before ArchieML reads it: the keys each part may
// hold, multi-line values closed with ":end", the one list opened and closed, no key set twice, and
// the line where each key and each item is, for the schemas' messages to point at.
import { CopyError } from './copy-error.js';
import { didYouMean } from './nearest.js';

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
export function lint(text, file, keys) {
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
