// Runs in <head>, before the first paint: says that scripts run (the scrolling layout needs them;
// without, readers get the list layout) and applies choices that would otherwise redraw the page
// after it loads: ?theme=light|dark from a host page, and the reader's saved list and animation
// preferences.
(function () {
	var html = document.documentElement;
	html.classList.add('js');

	// If the app's scripts fail to load (a 404, a truncated file), the scrolling layout would wait for
	// a map that never moves: fall back to the article with a still map after each part, and say so
	// once. The app sets data-started when it runs; after that, errors are not ours to handle here.
	/** @param {string} reason what failed, for the console */
	function fallBack(reason) {
		if (html.hasAttribute('data-started') || !html.classList.contains('js')) return;
		html.classList.remove('js');
		console.warn(
			'Invisible Caliphate: the interactive map could not start (' +
				reason +
				'); showing the article with a still map after each part.'
		);
	}
	window.addEventListener('unhandledrejection', function (event) {
		var reason = event.reason;
		var message = String((reason && reason.message) || reason);
		// A failed or broken module import, as SvelteKit's start-up makes them.
		if (
			/imported module|module script|SyntaxError|Unexpected/i.test(
				message + ' ' + (reason && reason.name)
			)
		) {
			if (html.hasAttribute('data-started')) return;
			event.preventDefault();
			fallBack(message);
		}
	});
	try {
		var theme = new URLSearchParams(location.search).get('theme');
		if (theme === 'light' || theme === 'dark') html.setAttribute('data-theme', theme);
		else if (theme !== null)
			console.warn(
				'Invisible Caliphate: ?theme= takes "light" or "dark", not "' +
					theme +
					'"; using the reader\'s setting'
			);
		if (localStorage.getItem('invisible-caliphate:layout') === 'list')
			html.setAttribute('data-layout', 'list');
		if (localStorage.getItem('invisible-caliphate:animation') === 'off')
			html.setAttribute('data-animation', 'off');
	} catch (e) {
		// Storage can be blocked (private modes, sandboxed iframes): keep the defaults.
	}
})();
