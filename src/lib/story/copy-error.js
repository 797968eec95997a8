// A problem with the copy: its message is one line, "file:line: what is wrong — the fix". Its own
// module so that code using it (the facts' check) does not pull in the copy's parser.
export class CopyError extends Error {
	/**
	 * @param {string} file
	 * @param {number | null} line
	 * @param {string} problem
	 */
	constructor(file, line, problem) {
		super(`${file}${line ? `:${line}` : ''}: ${problem}`);
		this.name = 'CopyError';
		this.file = file;
		this.line = line;
	}
}
