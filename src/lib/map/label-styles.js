// The map's type hierarchy, in one place: countries, seas, water, areas, then places by rank. The
// labels are placed at build time with these sizes and the font's own advance widths
// (data/build/font-metrics.json, made by npm run data), and drawn with the same (label CSS is made
// from here). Plain JavaScript, for the data build too.

/** @typedef {'regular' | 'bold' | 'italic'} Face */
/** @typedef {{ unitsPerEm: number, advances: Record<string, Record<string, number>> }} FontMetrics */
/**
 * @typedef {object} LabelFont
 * @property {Face} face
 * @property {number} size    px
 * @property {number} [tracking]  letter-spacing, em
 * @property {boolean} [upper]  set in capitals
 */

/** The faces of the map font: Liberation Sans, metric-compatible with Arial. */
export const FACES = /** @type {Face[]} */ (['regular', 'bold', 'italic']);

/** CSS line height of a label, as a share of its size. */
export const LINE_HEIGHT = 1.2;

/** @type {Record<string, LabelFont>} */
const STYLES = {
	country: { face: 'regular', size: 12, tracking: 0.14, upper: true },
	sea: { face: 'italic', size: 12, tracking: 0.06 },
	water: { face: 'italic', size: 12 },
	area: { face: 'italic', size: 13 },
	capital: { face: 'bold', size: 14 },
	city: { face: 'bold', size: 13 },
	town: { face: 'regular', size: 12 }
};

/** The smaller second line of a label that carries a dated note. */
export const NOTE_FONT = /** @type {LabelFont} */ ({ face: 'regular', size: 11 });

/**
 * A label's font: by its style, and a place's by its rank; a highlighted place is set in bold.
 * @param {{ style: string, rank?: string, highlight?: boolean }} label
 * @returns {LabelFont}
 */
export function labelFont({ style, rank, highlight }) {
	const font = STYLES[style === 'place' ? (rank ?? 'town') : style];
	if (!font) throw new Error(`no label style "${style}"`);
	return style === 'place' && highlight ? { ...font, face: 'bold' } : font;
}

/**
 * The CSS for a label's font (its font family, colour and the like are the stylesheet's).
 * @param {LabelFont} font
 */
export function cssFont(font) {
	const italic = font.face === 'italic' ? 'italic ' : '';
	const weight = font.face === 'bold' ? 700 : 400;
	return [
		`font:${italic}${weight} ${font.size}px/${LINE_HEIGHT} var(--font-map)`,
		...(font.tracking ? [`letter-spacing:${font.tracking}em`] : []),
		...(font.upper ? ['text-transform:uppercase'] : [])
	].join(';');
}

/**
 * The width a text is drawn at, px: the sum of its characters' advances, plus the tracking after
 * each character (as CSS adds it). A character the font subset lacks is an error, never a guess.
 * @param {FontMetrics} metrics
 * @param {string} text
 * @param {LabelFont} font
 */
export function textWidth(metrics, text, font) {
	const advances = metrics.advances[font.face];
	const chars = [...(font.upper ? text.toUpperCase() : text)];
	let units = 0;
	for (const ch of chars) {
		const a = advances[ch];
		if (a === undefined) {
			throw new Error(
				`the map font has no "${ch}" (U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}), in the label "${text}" — spell it with another character, or add its range to CHARSET_RANGES in data/scripts/fonts.js and run npm run data`
			);
		}
		units += a;
	}
	return (units / metrics.unitsPerEm) * font.size + chars.length * (font.tracking ?? 0) * font.size;
}
