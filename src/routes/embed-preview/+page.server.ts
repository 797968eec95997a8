import { loadStory } from '$lib/server/story';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ meta: loadStory().story.meta });
