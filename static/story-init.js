// Runs in <head>, before the first paint: says that scripts run (the scrolling layout needs them;
// without, readers get the list layout) and applies choices that would otherwise redraw the page
// after it loads: ?theme=light|dark from a host page, and the reader's saved list and animation
// preferences.
(function () {
	var html = document.documentElement;
	html.classList.add('js');
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
