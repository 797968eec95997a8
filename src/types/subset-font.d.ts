declare module 'subset-font' {
	/** Subsets a font to the given characters (harfbuzz), optionally converting it. */
	export default function subsetFont(
		font: Uint8Array,
		text: string,
		options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; noHinting?: boolean }
	): Promise<Uint8Array>;
}
