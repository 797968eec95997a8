// Loads the piece's content at build time: the copy parsed into steps, the views drawn into world units.
// The copy files (data/copy/, or a fixture named by STORY_FILE / VIEWS_FILE): data/scripts/vite-plugin-copy.js.
import { files as FILES, storyText, viewsText } from 'virtual:story-copy';
import topology from '$data/build/map.topo.json';
import type { Topology } from 'topojson-specification';
import { parseStory, parseViews, checkStory } from '$lib/story/copy.js';
import { mapContents } from '$lib/story/features.js';
import { MapData } from '$lib/map/geometry';
import type { Story } from '$lib/story/types';
import type { Box, MapView } from '$lib/map/types';

export interface StoryData {
	story: Story;
	views: Record<string, MapView>;
	/** What the locator inset shows. */
	locatorBox: Box;
}

export function loadStory(): StoryData {
	const story = parseStory(storyText, FILES.story);
	const specs = parseViews(viewsText, FILES.views);
	checkStory(story, specs, mapContents(topology, 'data/build/map.topo.json'), FILES);
	const map = new MapData(topology as unknown as Topology);
	const views = Object.fromEntries(specs.map((spec) => [spec.id, map.view(spec)]));
	return { story, views, locatorBox: map.locatorBox() };
}
