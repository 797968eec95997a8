import type { GeoContext } from 'd3-geo';

/**
 * SVG path data for d3-geo, written short: relative commands (`m`, `l`, `z`) with coordinates rounded
 * to a fixed number of decimals, and zero-length segments left out. The rounding is done on absolute
 * coordinates, so it never accumulates along a line. Relative steps of a few units compress far better
 * than absolute coordinates in the thousands.
 */

/** Decimals to write a point with: a number for every point, or one for each point (a part of the
 *  map only wide views show needs fewer than one a street-level view shows). */
export type Digits = number | ((x: number, y: number) => number);

/** Pass to `geoPath(projection, new SvgPath(digits))`, then read `.result()` after each call. */
export class SvgPath implements GeoContext {
	#d = '';
	#x = 0;
	#y = 0;
	#startX = 0;
	#startY = 0;
	/** Whether the last command was a line-to (further pairs may follow without repeating `l`). */
	#inLine = false;
	readonly #digitsAt: (x: number, y: number) => number;
	/** The most decimals any point is written with: a step between two points is the difference of
	 *  two rounded numbers, exact at this many decimals (and written with no trailing zeros). */
	readonly #digits: number;

	constructor(digits: Digits, most = typeof digits === 'number' ? digits : 6) {
		this.#digitsAt = typeof digits === 'number' ? () => digits : digits;
		this.#digits = most;
	}

	#round(v: number, digits: number): number {
		const scale = 10 ** digits;
		return Math.round(v * scale) / scale;
	}

	/** A point rounded to its decimals. */
	#point(x: number, y: number): [number, number] {
		const d = this.#digitsAt(x, y);
		return [this.#round(x, d), this.#round(y, d)];
	}

	/** A number as short as it goes: no trailing zeros, no "-0". */
	#num(v: number): string {
		const s = v.toFixed(this.#digits);
		const t = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
		return t === '-0' ? '0' : t;
	}

	/** A coordinate pair; a leading minus is its own separator. */
	#pair(dx: number, dy: number): string {
		const y = this.#num(dy);
		return `${this.#num(dx)}${y.startsWith('-') ? '' : ','}${y}`;
	}

	/** Where the next subpath starts: written only once a segment leaves it, so a subpath that never
	 *  moves (a border reduced to a point) draws nothing and shifts nothing. */
	#pending: [number, number] | null = null;

	moveTo(x: number, y: number): void {
		this.#pending = this.#point(x, y);
		this.#inLine = false;
	}

	lineTo(x: number, y: number): void {
		const [rx, ry] = this.#point(x, y);
		if (this.#pending) {
			const [px, py] = this.#pending;
			this.#pending = null;
			if (rx === px && ry === py) {
				// Still at the start: keep waiting for a segment that goes somewhere.
				this.#pending = [px, py];
				return;
			}
			this.#d += `m${this.#pair(px - this.#x, py - this.#y)}`;
			this.#x = this.#startX = px;
			this.#y = this.#startY = py;
		}
		if (rx === this.#x && ry === this.#y) return;
		const pair = this.#pair(rx - this.#x, ry - this.#y);
		this.#d += this.#inLine ? (pair.startsWith('-') ? pair : ` ${pair}`) : `l${pair}`;
		this.#x = rx;
		this.#y = ry;
		this.#inLine = true;
	}

	closePath(): void {
		if (this.#pending) {
			this.#pending = null;
			return;
		}
		this.#d += 'z';
		this.#x = this.#startX;
		this.#y = this.#startY;
		this.#inLine = false;
	}

	/** Points are drawn as dots elsewhere: a point feature adds nothing here. */
	arc(): void {}

	beginPath(): void {}

	/** The path data written since the last call, and a fresh start. */
	result(): string {
		const d = this.#d;
		this.#d = '';
		this.#x = this.#y = this.#startX = this.#startY = 0;
		this.#pending = null;
		this.#inLine = false;
		return d;
	}
}
