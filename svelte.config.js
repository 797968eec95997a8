import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR: where the static site is written (tests build a base-path variant elsewhere).
		adapter: adapter({
			strict: true,
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build'
		}),
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
