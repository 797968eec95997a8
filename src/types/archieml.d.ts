declare module 'archieml' {
	/** Parses ArchieML text into an object (http://archieml.org). */
	export function load(text: string, options?: { comments?: boolean }): Record<string, unknown>;
	const archieml: { load: typeof load };
	export default archieml;
}
