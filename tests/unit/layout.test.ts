// The phone layout's breakpoint is written in two places: src/lib/layout.js, which the page's code and
// the tests import, and the stylesheets' @media rules, which cannot import it (a media query takes no
// custom property, and the phone layout must hold without scripts and in print). These fail when a
// stylesheet's breakpoint drifts from layout.js, or when code writes one of its own.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHONE_QUERY } from '../../src/lib/layout.js';

/** A width media feature, such as `(max-width: 700px)`. */
const WIDTH = /\((?:max|min)-width\s*:[^)]*\)/g;

interface Found {
	where: string;
	query: string;
	/** In a stylesheet (a .css file or a component's <style>), not in code. */
	css: boolean;
}

/** The width media features written in a source file, each with its file:line. */
function widthQueries(file: string, source: string): Found[] {
	const styles: [number, number][] = file.endsWith('.css')
		? [[0, source.length]]
		: file.endsWith('.svelte')
			? [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => [
					m.index,
					m.index + m[0].length
				])
			: [];
	return [...source.matchAll(WIDTH)].map((m) => ({
		where: `${file}:${source.slice(0, m.index).split('\n').length}`,
		query: m[0].replace(/\s+/g, ' '),
		css: styles.some(([from, to]) => m.index >= from && m.index < to)
	}));
}

/** Every source file under src/ but layout.js itself. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return sources(path);
		return /\.(svelte|css|ts|js|html)$/.test(e.name) && path !== join('src', 'lib', 'layout.js')
			? [path]
			: [];
	});
}

const found = sources('src').flatMap((file) => widthQueries(file, readFileSync(file, 'utf8')));

describe("the phone layout's breakpoint", () => {
	it('is in the stylesheets as layout.js has it', () => {
		const drifted = found
			.filter((f) => f.css && f.query !== PHONE_QUERY)
			.map(
				(f) =>
					`${f.where}: @media ${f.query} is not layout.js's PHONE_QUERY ${PHONE_QUERY}: make the two the same`
			);
		expect(drifted).toEqual([]);
		// The phone layout is CSS (it must hold without scripts): it is there, at the shared breakpoint.
		const story = readFileSync('src/lib/Story.svelte', 'utf8');
		expect(story, 'Story.svelte lays out phones').toContain(`@media screen and ${PHONE_QUERY} {`);
	});

	it('is not written out in code, which imports PHONE_QUERY', () => {
		const written = found
			.filter((f) => !f.css)
			.map(
				(f) =>
					`${f.where}: ${f.query} written out: import { PHONE_QUERY } from '$lib/layout.js' instead`
			);
		expect(written).toEqual([]);
	});

	it('finds width queries in a stylesheet and in code, each on its line', () => {
		const svelte = [
			'<script>',
			"\tmatchMedia('(max-width: 40em)');",
			'</script>',
			'<style>',
			'\t@media screen and (max-width:  701px) {}',
			'</style>'
		].join('\n');
		expect(widthQueries('A.svelte', svelte)).toEqual([
			{ where: 'A.svelte:2', query: '(max-width: 40em)', css: false },
			{ where: 'A.svelte:5', query: '(max-width: 701px)', css: true }
		]);
		expect(widthQueries('a.css', '@media (min-width: 30rem) {}')).toEqual([
			{ where: 'a.css:1', query: '(min-width: 30rem)', css: true }
		]);
		// A property is not a media feature.
		expect(widthQueries('b.css', '.card { max-width: 34rem }')).toEqual([]);
	});
});
