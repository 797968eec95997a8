import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// EMBED_INLINE=1: the second pass of `npm run build` (scripts/build-embed.js). It builds only the embed,
// with every script and style inlined, so the embed document needs no other file: it comes alive in a
// sandbox="allow-scripts" iframe, whose null origin cannot load module scripts from a host that sends
// no CORS headers.
const embedInline = process.env.EMBED_INLINE === '1';

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
			// SvelteKit checks the form at start-up (a leading /, no trailing one) and stops with its own message.
			base: /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? ''),
			relative: true
		},
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		},
		// A strict Content Security Policy. Hash mode (nonce mode cannot prerender): SvelteKit hashes
		// its inline scripts into the policy of each page's <meta http-equiv>; scripts/headers.js
		// copies that policy into build/_headers so static hosts send it as a header, with what a
		// <meta> cannot carry (frame-ancestors). Style attributes place the map's labels, hence
		// 'unsafe-inline' for styles only.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['none'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				// blob: for the relief's blend-free drawing, made in the page (src/lib/map/raster-shade.ts).
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'font-src': ['self'],
				// The embed preview frames the embed; nothing else is framed.
				'frame-src': ['self'],
				'base-uri': ['none'],
				'form-action': ['none']
			}
		},
		...(embedInline && {
			outDir: '.svelte-kit-embed',
			output: { bundleStrategy: /** @type {const} */ ('inline') },
			prerender: {
				entries: ['/embed/'],
				handleHttpError: 'fail',
				handleMissingId: 'fail',
				handleUnseenRoutes: 'ignore'
			}
		}),
		alias: {
			$data: 'data'
		}
	}
};

export default config;
