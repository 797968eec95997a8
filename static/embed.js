/*
 * Invisible "Caliphate": embed script for host pages.
 *   <div data-invisible-caliphate style="min-height:1200vh"></div>
 *   <script src="https://example.org/graphics/invisible-caliphate/embed.js" async></script>
 * Fills each marked element with an iframe of the story that takes the height the story reports.
 * The min-height reserves the story's room before this script runs, so the host page does not jump.
 * It listens only to its own iframes, and ignores messages of the wrong shape and heights that are
 * not numbers or are out of range.
 */
(function () {
	'use strict';
	// Loaded by an HTML <script src>. (An SVG <script> has no src: the check below returns on it.)
	var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
	if (!script || !script.src) return;
	var base = new URL('./', script.src).href;
	var MIN_HEIGHT = 200;
	var MAX_HEIGHT = 200000;
	var count = 0;

	/**
	 * The height in a pym.js or AMP embed-size message from the frame `childId`, else NaN.
	 * @param {unknown} data a message's data, of any shape
	 * @param {string} childId
	 * @returns {number}
	 */
	function heightFrom(data, childId) {
		if (data && typeof data === 'object') {
			var amp = /** @type {{ sentinel?: unknown, type?: unknown, height?: unknown }} */ (data);
			if (amp.sentinel === 'amp' && amp.type === 'embed-size') {
				return typeof amp.height === 'number' ? amp.height : NaN;
			}
		}
		if (typeof data === 'string') {
			var parts = data.split('xPYMx');
			if (
				parts.length === 4 &&
				parts[0] === 'pym' &&
				parts[1] === childId &&
				parts[2] === 'height'
			) {
				return /^\d+(\.\d+)?$/.test(parts[3]) ? Number(parts[3]) : NaN;
			}
		}
		return NaN;
	}

	/** @param {Element & ElementCSSInlineStyle} el */
	function mount(el) {
		if (el.getAttribute('data-invisible-caliphate') === 'mounted') return;
		el.setAttribute('data-invisible-caliphate', 'mounted');
		var id = 'invisible-caliphate-' + ++count;
		var iframe = document.createElement('iframe');
		iframe.src = base + 'embed/?childId=' + id;
		iframe.title =
			el.getAttribute('data-title') || 'Invisible “Caliphate”: a story told with a map';
		iframe.setAttribute('loading', 'lazy');
		// Start at the room the page reserved for the story (or about twelve screens, its usual length),
		// so the host page does not move when the frame appears.
		// (Less than a screen is fallback content, say a link to the story, not reserved room.)
		var reserved = el.getBoundingClientRect().height;
		var start =
			Number(el.getAttribute('data-height')) ||
			(reserved > window.innerHeight ? reserved : Math.round(window.innerHeight * 12));
		iframe.style.cssText = 'display:block;width:100%;border:0;height:' + start + 'px';
		el.appendChild(iframe);
		el.style.minHeight = '';

		// Tell the story where this page's screen is, so it can pin its map and follow this page's scroll.
		var origin = new URL(base).origin;
		var queued = false;
		function sendViewport() {
			queued = false;
			if (!iframe.contentWindow) return;
			var rect = iframe.getBoundingClientRect();
			iframe.contentWindow.postMessage(
				{
					sentinel: 'invisible-caliphate',
					type: 'viewport',
					top: rect.top,
					height: window.innerHeight
				},
				origin
			);
		}
		function queue() {
			// A host that swaps its pages without reloading (a single-page app) may remove the frame:
			// then stop listening.
			if (!iframe.isConnected) return stop();
			if (!queued) {
				queued = true;
				requestAnimationFrame(sendViewport);
			}
		}
		/** @param {MessageEvent} event */
		function onMessage(event) {
			if (!iframe.isConnected) return stop();
			if (event.source !== iframe.contentWindow) return;
			var height = heightFrom(event.data, id);
			if (!(height >= MIN_HEIGHT && height <= MAX_HEIGHT)) return;
			iframe.style.height = Math.ceil(height) + 'px';
			queue();
		}
		function stop() {
			window.removeEventListener('scroll', queue);
			window.removeEventListener('resize', queue);
			window.removeEventListener('message', onMessage);
		}
		window.addEventListener('scroll', queue, { passive: true });
		window.addEventListener('resize', queue);
		window.addEventListener('message', onMessage);
		iframe.addEventListener('load', queue);
	}

	// HTML, SVG and MathML elements all have a style attribute.
	var els = /** @type {NodeListOf<Element & ElementCSSInlineStyle>} */ (
		document.querySelectorAll('[data-invisible-caliphate]')
	);
	for (var i = 0; i < els.length; i++) mount(els[i]);
})();
