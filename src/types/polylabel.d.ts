declare module 'polylabel' {
	/** The pole of inaccessibility of a polygon (rings of [x, y]): the inside point farthest from its
	 *  edges, to within `precision`; `distance` is how far that is. */
	export default function polylabel(
		polygon: number[][][],
		precision?: number
	): [number, number] & { distance: number };
}
