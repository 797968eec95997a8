import { loadStory } from '$lib/server/story';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => loadStory();
