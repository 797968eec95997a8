import { describe, expect, it } from 'vitest';
import topology from '../../data/build/map.topo.json';
import type { Topology } from 'topojson-specification';
import { loadStory } from '../../src/lib/server/story';
import { MapData } from '../../src/lib/map/geometry';
import { SHARE_SIZE, sharePng, shareSvg } from '../../src/lib/server/share-image';
import { APPROXIMATE_NOTE } from '../../src/lib/map/sources';

const { story, views } = loadStory();
const basemap = new MapData(topology as unknown as Topology).basemap();
const view = views[story.meta.image];
const svg = shareSvg(story.meta, view, basemap);
const text = svg
	.replace(/<[^>]+>/g, ' ')
	.replace(/&amp;/g, '&')
	.replace(/\s+/g, ' ');

describe('the share image (og:image) is drawn from the map view the copy names', () => {
	it('shows the headline and dek from the copy', () => {
		for (const word of story.meta.title.split(' ')) expect(text).toContain(word);
		expect(text).toContain(story.meta.dek);
	});

	it('draws the view’s shapes, highlights and labels, and marks what is drawn by hand', () => {
		for (const layer of view.layers) {
			const raster = basemap.layers.find((l) => l.id === layer.id)?.image;
			expect(svg).toContain(raster ? 'href="data:image/jpeg;base64,' : `<g class="${layer.role}">`);
		}
		for (const h of view.highlight) {
			expect(svg).toContain(`href="#m-${h.id}"`);
			expect(svg).toContain(`id="m-${h.id}"`); // what the highlight draws is in the image
		}
		for (const label of view.labels) expect(text.toLowerCase()).toContain(label.text.toLowerCase());
		expect(view.approximate).toBe(true);
		expect(text).toContain(APPROXIMATE_NOTE);
		expect(text).toContain('Natural Earth');
		expect(text).toContain('GeoNames');
	});

	it('says “approximate” only when the view shows something drawn by hand', () => {
		const plain = Object.values(views).find((v) => !v.approximate)!;
		expect(shareSvg(story.meta, plain, basemap)).not.toContain('approximate');
	});

	it('renders to a 1200×630 PNG', () => {
		const png = Buffer.from(sharePng(story.meta, view, basemap));
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		// IHDR: width and height, big-endian, at bytes 16 and 20.
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
			SHARE_SIZE.width,
			SHARE_SIZE.height
		]);
	});
});
