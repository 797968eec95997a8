type Rect = [number, number, number, number];

/**
 * The camera's window drawn on the locator inset as four edges (top, bottom, left, right), each a CSS
 * transform of a bar 1 px long and 2 px thick: moved to the edge, then stretched along it, so the bar
 * keeps its thickness at any zoom. The inset shows `box` (x, y, width, height in world units) fitted
 * into a square of `size` px as SVG's `xMidYMid meet` fits a viewBox; the edges straddle the window's
 * outline as a 2 px stroke would.
 */
export function locatorTransforms(win: Rect, box: Rect, size: number): string[] {
	const s = Math.min(size / box[2], size / box[3]);
	const ox = (size - box[2] * s) / 2 - box[0] * s;
	const oy = (size - box[3] * s) / 2 - box[1] * s;
	const x = ox + win[0] * s - 1;
	const y = oy + win[1] * s - 1;
	const w = win[2] * s + 2;
	const h = win[3] * s + 2;
	const at = (px: number, py: number) => `translate(${px.toFixed(2)}px,${py.toFixed(2)}px)`;
	return [
		`${at(x, y)} scaleX(${w.toFixed(3)})`,
		`${at(x, y + h - 2)} scaleX(${w.toFixed(3)})`,
		`${at(x, y)} scaleY(${h.toFixed(3)})`,
		`${at(x + w - 2, y)} scaleY(${h.toFixed(3)})`
	];
}
