import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { storyCopy } from './data/scripts/vite-plugin-copy.js';

export default defineConfig({
	plugins: [storyCopy(), sveltekit()],
	server: { fs: { allow: ['data'] } },
	// scrollama's own ES modules (its package.json "module"), not the UMD build its "browser" field
	// names, which Vite would pick: no CommonJS wrapper and helpers in the page's JavaScript.
	resolve: { alias: [{ find: /^scrollama$/, replacement: 'scrollama/index.js' }] },
	// The one module loaded later (the relief's blend-free drawing) has no dependencies to preload:
	// Vite's preload helper would be 0.3 KB of first-view JavaScript for nothing.
	build: { modulePreload: false },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// One worker per core (Vitest leaves one core free by default): the longest file, the CLI's,
		// mostly waits on the builds it runs, while the other files run beside it.
		maxWorkers: availableParallelism()
	}
});
