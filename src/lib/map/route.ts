/**
 * The first `t` (0–1) of a polyline, by length, as SVG path data; empty while nothing of it shows.
 * Never a zero-length line: with round caps under a non-scaling stroke, WebKit grows one with the zoom.
 */
export function partialLine(points: [number, number][], t: number): string {
	if (points.length < 2) return '';
	const lengths = [0];
	for (let i = 1; i < points.length; i++) {
		const [x0, y0] = points[i - 1];
		const [x1, y1] = points[i];
		lengths.push(lengths[i - 1] + Math.hypot(x1 - x0, y1 - y0));
	}
	const target = Math.min(1, Math.max(0, t)) * lengths[lengths.length - 1];
	const out: [number, number][] = [points[0]];
	for (let i = 1; i < points.length; i++) {
		if (lengths[i] <= target) {
			out.push(points[i]);
			continue;
		}
		const span = lengths[i] - lengths[i - 1];
		const f = span > 0 ? (target - lengths[i - 1]) / span : 0;
		const [x0, y0] = points[i - 1];
		const [x1, y1] = points[i];
		out.push([x0 + (x1 - x0) * f, y0 + (y1 - y0) * f]);
		break;
	}
	const at = out
		.map(([x, y]) => `${+x.toFixed(2)},${+y.toFixed(2)}`)
		.filter((p, i, all) => p !== all[i - 1]);
	return at.length < 2 ? '' : 'M' + at.join('L');
}
