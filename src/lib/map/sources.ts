/** A map's source line, said the same way wherever a map is shown: the credits of what it draws
 *  (each layer's, from data/map/layers.json). */
export function sourceLine(credits: string[]): string {
	return `Sources: ${credits.join('; ')}`;
}

/** What the dashed outlines and starred names mean. */
export const APPROXIMATE_NOTE = '* Dashed and starred: approximate, drawn by hand';
