declare module 'virtual:story-copy' {
	/** The copy files the build reads (data/copy/*.aml, or the fixtures STORY_FILE / VIEWS_FILE name). */
	export const files: { story: string; views: string };
	/** The story copy's text (ArchieML). */
	export const storyText: string;
	/** The map views' text (ArchieML). */
	export const viewsText: string;
}

declare module 'virtual:story-steps' {
	/** Each step, with its text, by id; null in the built page's browser bundle (step-text.ts). */
	export const steps: Record<string, import('$lib/story/types').Step> | null;
	/** The credits' words; null in the browser (+page.svelte writes the credits on the server). */
	export const credits: import('$lib/story/types').CreditsWords | null;
}
