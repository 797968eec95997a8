import { pageData } from '$lib/server/story';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => pageData();
