// "Did you mean …?" for an editor's misspelt id: the valid ids nearest to it.

/**
 * Levenshtein distance, case-insensitive.
 * @param {string} a
 * @param {string} b
 */
export function distance(a, b) {
	a = a.toLowerCase();
	b = b.toLowerCase();
	let row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++)
			next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		row = next;
	}
	return row[b.length];
}

/**
 * ` — did you mean "…"?` naming the valid id nearest to `word`, or nothing when none is near: within
 * a third of its length, and at least 2 edits (a swapped pair of letters is two).
 * @param {string} word
 * @param {Iterable<string>} valid
 */
export function didYouMean(word, valid) {
	const limit = Math.max(2, Math.floor(word.length / 3));
	let best = '';
	let bestDistance = Infinity;
	for (const id of valid) {
		const d = distance(word, id);
		if (d < bestDistance) [best, bestDistance] = [id, d];
	}
	return bestDistance <= limit && bestDistance > 0 ? ` — did you mean "${best}"?` : '';
}
