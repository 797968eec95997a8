import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory } from '../../src/lib/story/copy.js';
import { render } from 'svelte/server';
import topology from '../../data/build/map.topo.json';
import type { Topology } from 'topojson-specification';
import Story from '../../src/lib/Story.svelte';
import Meta from '../../src/lib/Meta.svelte';
import { plain } from '../../src/lib/story/inline.js';
import { loadStory } from '../../src/lib/server/story';
import { MapData } from '../../src/lib/map/geometry';
import { COPY } from '../copy-files.js';

const data = loadStory();
const basemap = new MapData(topology as unknown as Topology).basemap();
const { body } = render(Story, { props: { ...data, basemap } });
const decode = (html: string) =>
	html
		// Links, emphasis and Svelte's hydration comments are inside the text (“<em>word</em>.”);
		// other tags part it.
		.replace(/<!--[^]*?-->|<\/?(?:a|em|strong)\b[^>]*>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ');

describe('the server-rendered story (what readers get before any script runs)', () => {
	it('holds every paragraph, in order', () => {
		const text = decode(body);
		let from = 0;
		for (const step of data.story.steps) {
			for (const p of [...step.paragraphs, ...(step.quote ? [step.quote] : [])].map(plain)) {
				const at = text.indexOf(p, from);
				expect(at, p.slice(0, 40)).toBeGreaterThanOrEqual(from);
				from = at + p.length;
			}
		}
	});

	it('draws the first view as SVG, settled on that view', () => {
		const first = data.story.steps[0].view;
		expect(body).toContain(`data-view="${first}"`);
		expect(body).toContain('aria-busy="false"');
		expect(body).toMatch(/<path id="m-syria"[^>]* d="m[-\d., lzm]+"/);
		const live = body.slice(body.indexOf('data-story-map'));
		const viewBox =
			/<svg class="drawing[^"]*"[^>]* viewBox="([^"]+)" preserveAspectRatio="xMidYMid meet"/.exec(
				live
			)?.[1];
		const [x0, y0, x1, y1] = data.views[first].box;
		expect(viewBox?.split(' ').map(Number)).toEqual(
			[x0, y0, x1 - x0, y1 - y0].map((n) => +n.toFixed(3))
		);
		expect(body).toContain(data.views[first].description);
	});

	it('has a still map of every view after its text, in reading order (for no-JS readers, list, print)', () => {
		const shown = [...body.matchAll(/data-static-view="([^"]+)"/g)].map((m) => m[1]);
		const runs = data.story.steps.map((s) => s.view).filter((v, i, all) => all[i + 1] !== v);
		expect(shown).toEqual(runs);
		expect(new Set(shown)).toEqual(new Set(Object.keys(data.views)));
		// Each still map sits after the paragraphs of its steps.
		const lastText = plain(
			data.story.steps.findLast((s) => s.view === 'checkpoint')!.paragraphs.at(-1)!
		);
		const textAt = decode(body).indexOf(lastText.slice(0, 60));
		const mapAt = decode(body.slice(0, body.indexOf('data-static-view="checkpoint"'))).length;
		expect(mapAt).toBeGreaterThan(textAt);
	});

	it('gives every step a linkable id and data-step hook', () => {
		for (const step of data.story.steps) {
			expect(body).toContain(`id="${step.id}" data-step="${step.id}"`);
		}
	});

	it('labels hand-drawn places as approximate', () => {
		const yarmouk = loadStory().views['damascus-south'].labels.find((l) => l.id === 'yarmouk');
		expect(yarmouk?.approximate).toBe(true);
		const { body: south } = render(Story, {
			props: {
				...data,
				basemap,
				story: { ...data.story, steps: data.story.steps.filter((s) => s.view === 'damascus-south') }
			}
		});
		expect(decode(south)).toContain('Yarmouk*');
		expect(decode(south)).toContain('approximate, drawn by hand');
	});
});

describe('share tags', () => {
	it('point at share.png under the canonical address, with or without its final slash', () => {
		const text = readFileSync(COPY.story, 'utf8');
		for (const canonical of [
			'https://news.example/graphics/ic/',
			'https://news.example/graphics/ic'
		]) {
			const { meta } = parseStory(
				text.replace(/^canonical: .*$/m, `canonical: ${canonical}`),
				'story.aml'
			);
			expect(meta.canonical).toBe('https://news.example/graphics/ic/');
			const { head } = render(Meta, { props: { meta, imageAlt: 'the desert' } });
			expect(head).toContain('content="https://news.example/graphics/ic/share.png"');
			expect(head).toContain('content="Map: the desert"');
		}
	});
});
