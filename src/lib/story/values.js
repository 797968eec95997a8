// Reading the values of a parsed copy file, shared by the story's and the views' schemas.

/** An id an editor writes, which becomes part of an address or a lookup: lowercase words and hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * @param {unknown} value
 * @returns {string}
 */
export function str(value) {
	return typeof value === 'string' ? value.trim() : '';
}
