import { describe, expect, it } from 'vitest';
import { parseInline, plain } from '../../src/lib/story/inline.js';

/** Parses, collecting the warnings. */
function parse(text: string) {
	const warnings: string[] = [];
	const nodes = parseInline(text, (w) => warnings.push(w));
	return { nodes, warnings };
}

describe('inline markup in the copy goes through an allow-list', () => {
	it('keeps links, emphasis and strong emphasis as elements', () => {
		const { nodes, warnings } = parse(
			'A <a href="https://example.org/x">link</a>, <em>this</em>, <i>that</i>, <strong>bold</strong> and <b>more</b>.'
		);
		expect(nodes).toEqual([
			'A ',
			{ tag: 'a', href: 'https://example.org/x', children: ['link'] },
			', ',
			{ tag: 'em', children: ['this'] },
			', ',
			{ tag: 'em', children: ['that'] },
			', ',
			{ tag: 'strong', children: ['bold'] },
			' and ',
			{ tag: 'strong', children: ['more'] },
			'.'
		]);
		expect(warnings).toEqual([]);
	});

	it('accepts mailto, #step and on-site addresses', () => {
		for (const href of ['mailto:desk@example.org', '#abu-kamal', '/graphics/', '../embed/']) {
			expect(parse(`<a href="${href}">x</a>`).nodes).toEqual([{ tag: 'a', href, children: ['x'] }]);
		}
	});

	it('shows other tags as the text typed, and says so', () => {
		const { nodes, warnings } = parse('Hi<script>alert(1)</script> <img src=x onerror="alert(1)">');
		expect(nodes).toEqual(['Hi<script>alert(1)</script> <img src=x onerror="alert(1)">']);
		expect(warnings).toHaveLength(3);
		expect(warnings[0]).toMatch(/"<script>" is not allowed in the copy — it is shown as text/);
	});

	it('keeps a dangerous link’s words but not its address', () => {
		for (const href of [
			'javascript:alert(1)',
			'  JaVaScRiPt:alert(1)',
			'java\tscript:alert(1)',
			'data:text/html,x',
			'vbscript:x',
			'//evil.example/',
			'&#106;avascript:alert(1)'
		]) {
			const { nodes, warnings } = parse(`a <a href="${href}">link</a>.`);
			expect(nodes, href).toEqual(['a link.']);
			expect(warnings[0]).toMatch(/its words are kept, its address dropped/);
		}
	});

	it('drops event handlers and other attributes', () => {
		const { nodes, warnings } = parse(
			'<a href="https://example.org/" onclick="x()" target="_self" style="color:red">go</a> <em onmouseover="x()">e</em>'
		);
		expect(nodes).toEqual([
			{ tag: 'a', href: 'https://example.org/', children: ['go'] },
			' ',
			{ tag: 'em', children: ['e'] }
		]);
		expect(warnings.map((w) => /attribute "(\w+)"/.exec(w)?.[1])).toEqual([
			'onclick',
			'target',
			'style',
			'onmouseover'
		]);
	});

	it('closes what is left open, keeps stray closing tags as text, and loses no words', () => {
		const text =
			'<strong>open <em>inner</strong> after </em> and <a href="https://x.org/" unfinished';
		const { nodes, warnings } = parse(text);
		expect(nodes).toEqual([
			{ tag: 'strong', children: ['open ', { tag: 'em', children: ['inner'] }] },
			' after </em> and <a href="https://x.org/" unfinished'
		]);
		expect(warnings).toEqual(['"</em>" closes nothing — it is shown as text']);
		expect(plain(nodes)).toBe('open inner after </em> and <a href="https://x.org/" unfinished');
		expect(parse('<em>never closed').warnings).toEqual([
			'"<em>" is never closed — it ends with the paragraph'
		]);
	});

	it('leaves plain text alone', () => {
		const text = 'Abu Kamal, 3 < 4 > 2, “quotes” & ampersands.';
		expect(parse(text)).toEqual({ nodes: [text], warnings: [] });
	});
});
