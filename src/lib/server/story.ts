// Loads the piece's content at build time: the copy parsed into steps, the views drawn into world units.
import storyText from '$data/copy/story.aml?raw';
import viewsText from '$data/copy/views.aml?raw';
import topology from '$data/build/map.topo.json';
import type { Topology } from 'topojson-specification';
import { parseStory, parseViews, checkStory } from '$lib/story/copy.js';
import { featureKinds } from '$lib/story/features.js';
import { MapData } from '$lib/map/geometry';
import type { Story } from '$lib/story/types';
import type { Box, MapView } from '$lib/map/types';

const FILES = { story: 'data/copy/story.aml', views: 'data/copy/views.aml' };

export interface StoryData {
	story: Story;
	views: Record<string, MapView>;
	/** What the locator inset shows. */
	locatorBox: Box;
}

export function loadStory(): StoryData {
	const story = parseStory(storyText, FILES.story);
	const specs = parseViews(viewsText, FILES.views);
	checkStory(story, specs, featureKinds(topology, 'data/build/map.topo.json'), FILES);
	const map = new MapData(topology as unknown as Topology);
	const views = Object.fromEntries(specs.map((spec) => [spec.id, map.view(spec)]));
	return { story, views, locatorBox: map.locatorBox() };
}
