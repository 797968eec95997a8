// The base map's SVG markup, drawn on the server only. The browser never downloads the geometry a
// second time: the prerendered paths stay in the page (Svelte keeps server-rendered {@html} content
// as it is on hydration) and the camera moves over them. `import.meta.env.SSR` is replaced at build
// time, so the TopoJSON and the drawing code are dropped from the browser bundle. In `npm run dev` the
// browser draws it too (server-markup.ts).
import topology from '$data/build/map.topo.json';
import type { Topology } from 'topojson-specification';
import { MapData } from './geometry';
import type { Basemap } from './types';

/** The raster layers' pictures (data/build/*.jpg), by file name: each a hashed asset of the build. */
const images = Object.fromEntries(
	Object.entries(
		import.meta.glob<string>('$data/build/*.jpg', { eager: true, query: '?url', import: 'default' })
	).map(([path, url]) => [path.split('/').pop()!, url])
);

export const basemap: Basemap | null =
	import.meta.env.SSR || import.meta.env.DEV
		? new MapData(topology as unknown as Topology).basemap((file) => images[file])
		: null;
