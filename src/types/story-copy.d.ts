declare module 'virtual:story-copy' {
	/** The copy files the build reads (data/copy/*.aml, or the fixtures STORY_FILE / VIEWS_FILE name). */
	export const files: { story: string; views: string };
	/** The story copy's text (ArchieML). */
	export const storyText: string;
	/** The map views' text (ArchieML). */
	export const viewsText: string;
}
