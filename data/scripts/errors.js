/** A validation failure in the map data: its message is one line naming the file, the feature and the fix. */
export class DataError extends Error {
	name = 'DataError';
}
