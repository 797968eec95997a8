// Inline markup in the copy, through an allow-list: links (<a href>), emphasis (<em>, <i>) and strong
// emphasis (<strong>, <b>). The copy becomes a small tree of text and those three elements, which the
// page renders as elements, never as raw HTML. Anything else is inert and nothing is lost: another tag
// (<script>, <img onerror=…>, a stray "</em>", a tag left open) stays in the text as the characters
// the editor typed, a link whose address is not http(s), mailto or on this site keeps its words but
// not its address, and attributes other than href are dropped. Each such case is reported (`warn`),
// so the build can say where.

/** @typedef {import('./types').Inline} Inline */

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^<>]*?)?)\s*(\/?)>/g;
const NAMES = /** @type {const} */ ({ em: 'em', i: 'em', strong: 'strong', b: 'strong', a: 'a' });
const ATTRIBUTE = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Addresses a link may have: the web, mail, or a place on this site (a #step, a path). */
const SAFE_HREF = /^(?:https?:\/\/|mailto:|#|\/(?!\/)|\.{1,2}\/)/i;

/**
 * The copy's inline markup as a tree.
 * @param {string} text
 * @param {(message: string) => void} [warn] told of each piece of markup made inert
 * @returns {Inline[]}
 */
export function parseInline(text, warn = () => {}) {
	/** @type {{ tag: 'em' | 'strong' | 'a', href?: string, source: string, children: Inline[] }[]} */
	const stack = [];
	/** @type {Inline[]} */
	const root = [];
	const here = () => (stack.length ? stack[stack.length - 1].children : root);
	/** @param {string} s */
	const addText = (s) => {
		if (!s) return;
		const list = here();
		if (typeof list[list.length - 1] === 'string') list[list.length - 1] += s;
		else list.push(s);
	};

	let at = 0;
	for (const m of text.matchAll(TAG)) {
		addText(text.slice(at, m.index));
		at = m.index + m[0].length;
		const [source, closing, rawName, attributes] = m;
		const name = NAMES[/** @type {keyof typeof NAMES} */ (rawName.toLowerCase())];
		if (!name) {
			warn(
				`"${source}" is not allowed in the copy — it is shown as text; allowed: <a href>, <em>, <strong>`
			);
			addText(source);
			continue;
		}
		if (closing) {
			const open = stack.findLastIndex((e) => e.tag === name);
			if (open < 0) {
				warn(`"${source}" closes nothing — it is shown as text`);
				addText(source);
				continue;
			}
			// Close what is open down to it (an inner tag left open ends with its parent).
			while (stack.length > open) close();
			continue;
		}
		/** @type {{ tag: 'em' | 'strong' | 'a', href?: string, source: string, children: Inline[] }} */
		const element = { tag: name, source, children: [] };
		for (const [, key, ...values] of (attributes ?? '').matchAll(ATTRIBUTE)) {
			const value = values.find((v) => v !== undefined) ?? '';
			if (name === 'a' && key.toLowerCase() === 'href') {
				// Browsers ignore tabs, newlines and leading spaces in a URL's scheme: so do we.
				const href = value.replace(/[\u0000-\u0020]/g, '');
				if (SAFE_HREF.test(href)) element.href = value.trim();
				else
					warn(
						`link "${value}" is not an http(s), mailto or on-site address — its words are kept, its address dropped`
					);
			} else {
				warn(`attribute "${key}" on <${rawName}> is not allowed — dropped`);
			}
		}
		if (m[4]) continue; // <em/>: nothing to hold
		stack.push(element);
	}
	addText(text.slice(at));
	while (stack.length) {
		warn(`"${stack[stack.length - 1].source}" is never closed — it ends with the paragraph`);
		close();
	}
	return root;

	function close() {
		const element = /** @type {(typeof stack)[number]} */ (stack.pop());
		const list = here();
		if (element.tag === 'a' && !element.href) {
			// A link without a usable address: its words, without the link.
			for (const child of element.children)
				typeof child === 'string' ? addText(child) : list.push(child);
			return;
		}
		list.push(
			element.tag === 'a'
				? { tag: 'a', href: /** @type {string} */ (element.href), children: element.children }
				: { tag: element.tag, children: element.children }
		);
	}
}

/**
 * The text a reader sees.
 * @param {Inline[]} nodes
 * @returns {string}
 */
export function plain(nodes) {
	return nodes.map((n) => (typeof n === 'string' ? n : plain(n.children))).join('');
}
