// The share image (og:image), prerendered to build/share.png: see $lib/server/share-image.
import { loadStory } from '$lib/server/story';
import { basemap } from '$lib/map/basemap';
import { sharePng } from '$lib/server/share-image';

export const prerender = true;

export function GET(): Response {
	const { story, views } = loadStory();
	const png = sharePng(story.meta, views[story.meta.image], basemap!);
	return new Response(png, { headers: { 'content-type': 'image/png' } });
}
