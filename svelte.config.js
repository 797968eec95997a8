import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ strict: true }),
		paths: {
			// Serve from a subfolder with BASE_PATH=/graphics/invisible-caliphate npm run build
			base: process.env.BASE_PATH ?? '',
			relative: true
		},
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		},
		alias: {
			$data: 'data'
		}
	}
};

export default config;
