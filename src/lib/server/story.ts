// Loads the piece's content at build time: the copy parsed into steps, the views drawn into world units.
// The copy files (data/copy/, or a fixture named by STORY_FILE / VIEWS_FILE): data/scripts/vite-plugin-copy.js.
import { files as FILES, storyText, viewsText } from 'virtual:story-copy';
import topology from '$data/build/map.topo.json';
import factsJson from '$data/facts/dates.json';
import { parseFacts } from '$lib/story/facts.js';
import type { Topology } from 'topojson-specification';
import { parseStory, parseViews, checkStory } from '$lib/story/copy.js';
import { mapContents } from '$lib/story/features.js';
import metrics from '$data/build/font-metrics.json';
import { buildViews } from '$lib/story/views';
import type { PageStory, Story } from '$lib/story/types';
import type { Box, MapView } from '$lib/map/types';

export interface StoryData {
	story: Story;
	views: Record<string, MapView>;
	/** What the locator inset shows. */
	locatorBox: Box;
}

/** What a page is given: the story's metadata and each step's id and view (its text is written into
 *  the page on the server, step-text.ts, and is not sent to the browser a second time; in `npm run
 *  dev`, each step whole). */
export interface PageData {
	story: PageStory;
	views: Record<string, MapView>;
	locatorBox: Box;
}

export function pageData(): PageData {
	const { story, views, locatorBox } = loadStory();
	return {
		story: {
			meta: story.meta,
			// In `npm run dev` the browser renders the text itself (server-markup.ts), from here.
			steps: import.meta.env.DEV ? story.steps : story.steps.map(({ id, view }) => ({ id, view })),
			...(import.meta.env.DEV ? { credits: story.credits } : {})
		},
		views,
		locatorBox
	};
}

export function loadStory(): StoryData {
	const story = parseStory(storyText, FILES.story);
	const specs = parseViews(viewsText, FILES.views);
	const facts = parseFacts(factsJson, 'data/facts/dates.json');
	checkStory(story, specs, mapContents(topology, 'data/build/map.topo.json'), FILES, {
		file: 'data/facts/dates.json',
		facts
	});
	const { views, locatorBox } = buildViews(
		topology as unknown as Topology,
		metrics,
		specs,
		facts,
		FILES.views
	);
	return { story, views, locatorBox };
}
