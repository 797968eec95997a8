// Markup written once on the server and kept as it is in the browser. Svelte keeps the server-rendered
// content of an {@html} block on hydration when the client's value is not empty, so the browser passes
// this stand-in and neither builds nor walks that part of the page: a static part of the page costs
// nothing to hydrate. Used for the base map's geometry, the palettes' stylesheet, the head's tags and
// the steps' text and still maps; and, with its hydration comments kept, for the live map, which
// hydrates on its own just after the page (hydratableMarkup, hydrateLater). It holds only where the
// page was loaded as a document: +layout.svelte makes every navigation to another page one.
//
// In `npm run dev` (`import.meta.env.DEV`) the browser renders all of it itself instead, from the same
// data (basemap.ts, step-text.ts): the dev server's hot reloads mount components afresh, and kept
// markup would be blank; and the client's value of each {@html} block then matches the server's, so
// there are no hydration warnings. Each site tests `import.meta.env.DEV` itself, not a constant of
// this module: the build replaces it with `false` in place, so the bundle drops the branch and what
// it imports (an imported constant is not folded, measured: 3.3 KB gzip more first-view JS).
import { hydrate, unmount, type Component } from 'svelte';
import { render } from 'svelte/server';

/** What the browser passes to an {@html} block whose server-rendered content it keeps. */
export const KEEP_SERVER_MARKUP = ' ';

/**
 * A component's markup, rendered on the server (at build time, as the page is prerendered). Its own
 * hydration comments are left out: inside {@html} they would only be text for the browser to skip.
 * The component may have no effects or handlers: in the browser its markup is never brought to life.
 */
// (Props as svelte/server's render types them: a component's Props interface has no index signature.)
export function serverMarkup<Props extends Record<string, any>>(
	component: Component<Props>,
	props: Props
): string {
	return render(component, { props }).body.replace(/<!--[^]*?-->/g, '');
}

/** What a hydratable block's empty comments (`<!---->`, Svelte's anchors) are written as inside an
 *  {@html} block, whose end Svelte finds as the first empty comment. */
const ESCAPED_ANCHOR = '~';

/**
 * A component's markup, rendered on the server with its hydration comments, to be hydrated on its own
 * later (`hydrateLater`) rather than with the page: it goes inside an {@html} block whose
 * server-rendered content the browser keeps.
 */
export function hydratableMarkup<Props extends Record<string, unknown>>(
	component: Component<Props>,
	props: Props
): string {
	return render(component, { props }).body.replaceAll('<!---->', `<!--${ESCAPED_ANCHOR}-->`);
}

/**
 * Hydrates a component written by `hydratableMarkup` into `target`, in a task of its own after the
 * page's hydration: the page's one long task becomes two shorter ones. Returns a function that
 * cancels or unmounts it.
 */
export function hydrateLater<Props extends Record<string, unknown>>(
	component: Component<Props>,
	target: HTMLElement,
	props: Props,
	hydrated: () => void
): () => void {
	let instance: ReturnType<typeof hydrate> | null = null;
	const timer = setTimeout(() => {
		const walker = document.createTreeWalker(target, NodeFilter.SHOW_COMMENT);
		for (let c = walker.nextNode(); c; c = walker.nextNode())
			if ((c as Comment).data === ESCAPED_ANCHOR) (c as Comment).data = '';
		instance = hydrate(component, { target, props });
		hydrated();
	});
	return () => {
		clearTimeout(timer);
		if (instance) void unmount(instance);
	};
}

/**
 * Without scripts the live map's pictures (the relief) never get their address: the still maps, which
 * <use> its layers, find these filters first, by the same ids, with the address in place. With
 * scripts, a <noscript>'s content is not parsed at all, so nothing here loads early. Server only.
 */
export function noscriptFilters(basemap: { layers: { noscript?: string }[] }): string {
	const filters = basemap.layers.map((l) => l.noscript ?? '').join('');
	return `<noscript><svg class="noscript-defs" width="0" height="0" aria-hidden="true">${filters}</svg></noscript>`;
}
