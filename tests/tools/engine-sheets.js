// Contact sheets of the engine screenshots (tests/tools/engine-screenshots.ts): for each size and view,
// one PNG with Chromium, WebKit and Firefox side by side, light on top and dark below, at half size:
//   node tests/tools/engine-sheets.js     (the screenshots' config also runs it when it is done)
// Reads and writes tests/screenshots/engines/ (git-ignored): sheet-<size>-<view>.png.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { parseStory } from '../../src/lib/story/copy.js';

export const OUT = fileURLToPath(new URL('../screenshots/engines', import.meta.url));
export const ENGINES = ['chromium', 'webkit', 'firefox'];
export const SIZES = ['desktop', 'phone'];
export const THEMES = /** @type {const} */ (['light', 'dark']);

/** @param {string} engine @param {string} size @param {string} theme @param {string} view */
export const shotName = (engine, size, theme, view) => `${engine}-${size}-${theme}-${view}.png`;

/** How much smaller than the screenshots the sheets' pictures are (a box average). */
const SCALE = 2;
const GAP = 8;
const BACKGROUND = [119, 119, 119];
const TEXT = [255, 255, 255];

// ---------------------------------------------------------------------------------------------------
// A 5×7 pixel font, for the sheets' captions: enough letters to name the engines, themes and views.

/** @type {Record<string, string>} */
const GLYPHS = {
	A: '01110,10001,10001,11111,10001,10001,10001',
	B: '11110,10001,10001,11110,10001,10001,11110',
	C: '01110,10001,10000,10000,10000,10001,01110',
	D: '11110,10001,10001,10001,10001,10001,11110',
	E: '11111,10000,10000,11110,10000,10000,11111',
	F: '11111,10000,10000,11110,10000,10000,10000',
	G: '01110,10001,10000,10111,10001,10001,01111',
	H: '10001,10001,10001,11111,10001,10001,10001',
	I: '01110,00100,00100,00100,00100,00100,01110',
	J: '00111,00010,00010,00010,00010,10010,01100',
	K: '10001,10010,10100,11000,10100,10010,10001',
	L: '10000,10000,10000,10000,10000,10000,11111',
	M: '10001,11011,10101,10101,10001,10001,10001',
	N: '10001,10001,11001,10101,10011,10001,10001',
	O: '01110,10001,10001,10001,10001,10001,01110',
	P: '11110,10001,10001,11110,10000,10000,10000',
	Q: '01110,10001,10001,10001,10101,10010,01101',
	R: '11110,10001,10001,11110,10100,10010,10001',
	S: '01111,10000,10000,01110,00001,00001,11110',
	T: '11111,00100,00100,00100,00100,00100,00100',
	U: '10001,10001,10001,10001,10001,10001,01110',
	V: '10001,10001,10001,10001,10001,01010,00100',
	W: '10001,10001,10001,10101,10101,10101,01010',
	X: '10001,10001,01010,00100,01010,10001,10001',
	Y: '10001,10001,01010,00100,00100,00100,00100',
	Z: '11111,00001,00010,00100,01000,10000,11111',
	0: '01110,10001,10011,10101,11001,10001,01110',
	1: '00100,01100,00100,00100,00100,00100,01110',
	2: '01110,10001,00001,00010,00100,01000,11111',
	3: '11111,00010,00100,00010,00001,10001,01110',
	4: '00010,00110,01010,10010,11111,00010,00010',
	5: '11111,10000,11110,00001,00001,10001,01110',
	6: '00110,01000,10000,11110,10001,10001,01110',
	7: '11111,00001,00010,00100,01000,01000,01000',
	8: '01110,10001,10001,01110,10001,10001,01110',
	9: '01110,10001,10001,01111,00001,00010,01100',
	'-': '00000,00000,00000,11111,00000,00000,00000',
	' ': '00000,00000,00000,00000,00000,00000,00000'
};
const FONT_PX = 2;
const LINE = 7 * FONT_PX + 6;

/** @param {PNG} img @param {number} x @param {number} y @param {number[]} rgb */
function setPixel(img, x, y, [r, g, b]) {
	if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
	const i = (y * img.width + x) * 4;
	img.data[i] = r;
	img.data[i + 1] = g;
	img.data[i + 2] = b;
	img.data[i + 3] = 255;
}

/** @param {PNG} img @param {string} text @param {number} x @param {number} y */
function write(img, text, x, y) {
	for (const ch of text.toUpperCase()) {
		const rows = (GLYPHS[ch] ?? GLYPHS[' ']).split(',');
		rows.forEach((row, gy) =>
			[...row].forEach((bit, gx) => {
				if (bit !== '1') return;
				for (let dy = 0; dy < FONT_PX; dy++)
					for (let dx = 0; dx < FONT_PX; dx++)
						setPixel(img, x + gx * FONT_PX + dx, y + gy * FONT_PX + dy, TEXT);
			})
		);
		x += 6 * FONT_PX;
	}
}

// ---------------------------------------------------------------------------------------------------
// Pictures

/** @param {PNG} img @param {number} x0 @param {number} y0 @param {number} w @param {number} h @param {number[]} rgb */
function fill(img, x0, y0, w, h, rgb) {
	for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) setPixel(img, x, y, rgb);
}

/** Draws `src` into `dst` at (x0, y0), `SCALE` times smaller (the mean of each SCALE × SCALE box),
 * at most `maxW` × `maxH`.
 * @param {PNG} dst @param {PNG} src @param {number} x0 @param {number} y0 @param {number} maxW @param {number} maxH */
function blitDown(dst, src, x0, y0, maxW, maxH) {
	const w = Math.min(maxW, Math.floor(src.width / SCALE));
	const h = Math.min(maxH, Math.floor(src.height / SCALE));
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const sum = [0, 0, 0];
			for (let dy = 0; dy < SCALE; dy++)
				for (let dx = 0; dx < SCALE; dx++) {
					const i = ((y * SCALE + dy) * src.width + x * SCALE + dx) * 4;
					for (let c = 0; c < 3; c++) sum[c] += src.data[i + c];
				}
			setPixel(
				dst,
				x0 + x,
				y0 + y,
				sum.map((s) => Math.round(s / (SCALE * SCALE)))
			);
		}
}

/** The story's views in its order, from the copy (as tests/browser/helpers.ts reads it). */
export function storyViews() {
	const file = fileURLToPath(new URL('../../data/copy/story.aml', import.meta.url));
	const { steps } = /** @type {{ steps: { view: string }[] }} */ (
		/** @type {unknown} */ (parseStory(readFileSync(file, 'utf8'), 'data/copy/story.aml'))
	);
	return [...new Set(steps.map((s) => s.view))];
}

/** Makes every sheet there are screenshots for; returns the files written. */
export function makeSheets() {
	if (!existsSync(OUT)) return [];
	mkdirSync(OUT, { recursive: true });
	const files = readdirSync(OUT);
	// The list view's shots are named list-<view>: whichever views the screenshot run chose.
	const lists = [
		...new Set(files.map((f) => f.match(/-(list-[a-z0-9-]+)\.png$/)?.[1]).filter(Boolean))
	];
	const views = [...storyViews(), .../** @type {string[]} */ (lists)];
	const written = [];
	for (const size of SIZES)
		for (const view of views) {
			/** @type {(PNG | null)[][]} */
			const grid = THEMES.map((theme) =>
				ENGINES.map((engine) => {
					const file = `${OUT}/${shotName(engine, size, theme, view)}`;
					return existsSync(file) ? PNG.sync.read(readFileSync(file)) : null;
				})
			);
			const any = grid.flat().find((p) => p);
			if (!any) continue;
			const cellW = Math.floor(any.width / SCALE);
			const cellH = Math.floor(any.height / SCALE);
			const width = GAP + ENGINES.length * (cellW + GAP);
			const height = LINE + GAP + THEMES.length * (LINE + cellH + GAP);
			const sheet = new PNG({ width, height });
			fill(sheet, 0, 0, width, height, BACKGROUND);
			write(sheet, `${size} ${any.width}x${any.height}  ${view}`, GAP, GAP);
			grid.forEach((row, r) =>
				row.forEach((png, c) => {
					const x = GAP + c * (cellW + GAP);
					const y = LINE + GAP + r * (LINE + cellH + GAP);
					write(sheet, `${ENGINES[c]} ${THEMES[r]}`, x, y);
					if (png) blitDown(sheet, png, x, y + LINE, cellW, cellH);
					else {
						fill(sheet, x, y + LINE, cellW, cellH, [60, 60, 60]);
						write(sheet, 'missing', x + GAP, y + LINE + GAP);
					}
				})
			);
			const name = `sheet-${size}-${view}.png`;
			writeFileSync(`${OUT}/${name}`, PNG.sync.write(sheet));
			written.push(name);
		}
	return written;
}

/** As the screenshots' globalTeardown: the sheets, once every project has run. */
export default async function teardown() {
	const written = makeSheets();
	console.log(`${written.length} contact sheets in ${OUT}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await teardown();
