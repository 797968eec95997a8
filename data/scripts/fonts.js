/**
 * The map labels' font, made by `npm run data` from the Liberation Sans files in data/fonts:
 * - a WOFF2 subset of each face (no hinting), for readers whose device has neither Arial nor
 *   Liberation Sans (Liberation Sans is metric-compatible with Arial: same advance widths);
 * - the advance width of every character of the subset, so that labels are placed at build time
 *   with the widths the browser will draw them at (the page sets them with kerning and ligatures off,
 *   so a label's width is the sum of its characters' advances).
 * A label with a character outside the subset is an error at build time (label-styles.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { Blob, Face, Font } from 'harfbuzzjs';
import { FACES } from '../../src/lib/map/label-styles.js';

/** The characters the subset holds: Basic Latin, Latin-1, Latin Extended-A and punctuation. */
export const CHARSET_RANGES = /** @type {[number, number][]} */ ([
	[0x20, 0x7e],
	[0xa0, 0x17f],
	[0x2010, 0x2027],
	[0x2032, 0x2033]
]);

/** The font files, by face (see FACES in label-styles.js). */
const FILES = {
	regular: 'data/fonts/LiberationSans-Regular.ttf',
	bold: 'data/fonts/LiberationSans-Bold.ttf',
	italic: 'data/fonts/LiberationSans-Italic.ttf'
};

function charset() {
	/** @type {string[]} */
	const chars = [];
	for (const [a, b] of CHARSET_RANGES)
		for (let c = a; c <= b; c++) chars.push(String.fromCodePoint(c));
	return chars;
}

/**
 * @param {string} root the repository
 * @returns {Promise<{ files: Record<string, Uint8Array>, metrics: import('../../src/lib/map/label-styles.js').FontMetrics }>}
 *   files by name (fonts/<face>.woff2), and the advances in font units
 */
export async function buildFonts(root) {
	const chars = charset();
	/** @type {Record<string, Uint8Array>} */
	const files = {};
	/** @type {Record<string, Record<string, number>>} */
	const advances = {};
	let unitsPerEm = 0;
	for (const face of FACES) {
		const ttf = readFileSync(join(root, FILES[face]));
		files[`fonts/${face}.woff2`] = await subsetFont(ttf, chars.join(''), {
			targetFormat: 'woff2',
			noHinting: true
		});
		const hbFace = new Face(new Blob(ttf), 0);
		const font = new Font(hbFace);
		unitsPerEm = hbFace.upem;
		advances[face] = {};
		for (const ch of chars) {
			const glyph = font.nominalGlyph(/** @type {number} */ (ch.codePointAt(0)));
			if (glyph !== undefined) advances[face][ch] = font.glyphHAdvance(glyph);
		}
	}
	return { files, metrics: { unitsPerEm, advances } };
}
