/** The map's source line, said the same way wherever a map is shown. */
export const SOURCE_LINE =
	'Sources: Natural Earth (de facto borders: the Golan Heights fall inside Israel); GeoNames (CC BY 4.0)';

/** What the dashed outlines and starred names mean. */
export const APPROXIMATE_NOTE = '* Dashed and starred: approximate, drawn by hand';
