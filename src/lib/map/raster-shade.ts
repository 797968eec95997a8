// The shaded relief's look drawn with no blend.
//
// The picture is overlay-neutral grey g (128 means no change; data/scripts/relief.js) laid over the
// map in hard-light (RELIEF_BLEND) at the theme's opacity α. Hard-light at opacity α is, exactly,
// black at alpha α(1 − 2g) where the picture is darker than neutral and white at alpha α(2g − 1) where
// it is lighter, laid on with no blend at all. A blend (or a filter's image) has the browser raster the
// whole drawing again as one isolated group at every redraw of a flight: drawn as a plain image, the
// relief cost a phone's Chromium about 5 long frames a scroll in flight instead of 9 (README, "the
// relief").

/**
 * Turns an overlay-neutral grey picture (RGBA, the red channel read) into black and white at the
 * alpha that hard-light at full opacity would darken or lighten by, in place.
 */
export function shadePixels(data: Uint8ClampedArray): void {
	for (let i = 0; i < data.length; i += 4) {
		const d = 2 * data[i] - 255;
		const ink = d > 0 ? 255 : 0;
		data[i] = data[i + 1] = data[i + 2] = ink;
		data[i + 3] = Math.abs(d) * (data[i + 3] / 255);
	}
}

/** A picture's blend-free drawing: the grey picture at `src`, shaded (shadePixels) as a PNG, by its
 *  object URL. */
export async function shadeImage(src: string): Promise<string> {
	const picture = new Image();
	picture.src = src;
	await picture.decode();
	const canvas = document.createElement('canvas');
	canvas.width = picture.naturalWidth;
	canvas.height = picture.naturalHeight;
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) throw new Error(`no 2D canvas to shade ${src}`);
	context.drawImage(picture, 0, 0);
	const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
	shadePixels(pixels.data);
	context.putImageData(pixels, 0, 0);
	const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
	if (!blob) throw new Error(`could not encode the shaded ${src}`);
	const url = URL.createObjectURL(blob);
	// Decoded before it is drawn, so that it does not come in a frame late.
	const shaded = new Image();
	shaded.src = url;
	await shaded.decode();
	return url;
}

/**
 * Readies the blend-free drawing of every raster layer in a drawing (each a rectangle painted by a
 * filter's image, geometry.ts), once their pictures' addresses are set; resolves to the function that
 * puts them in place of the filters' rectangles. An image is a candidate for the largest contentful
 * paint, a filter's is not: put them in once the reader has moved the story on.
 */
export async function shadeRasters(svg: SVGSVGElement): Promise<() => void> {
	// A frame sandboxed without its origin (an embed's iframe on another site) cannot read its own
	// pictures back from a canvas: there the relief keeps its blend, which looks the same.
	if (self.origin === 'null') return () => undefined;
	const rects = [...svg.querySelectorAll<SVGRectElement>('rect[filter]')];
	const shaded = await Promise.all(
		rects.map(async (rect) => {
			const id = rect.getAttribute('filter')!.slice(5, -1);
			const picture = svg.querySelector(`[id="${id}"] feImage`)?.getAttribute('href');
			if (!picture) throw new Error(`the raster layer's filter #${id} has no picture yet`);
			const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
			for (const a of ['x', 'y', 'width', 'height']) image.setAttribute(a, rect.getAttribute(a)!);
			image.setAttribute('preserveAspectRatio', 'none');
			image.setAttribute('href', await shadeImage(picture));
			return { rect, image };
		})
	);
	return () => shaded.forEach(({ rect, image }) => rect.replaceWith(image));
}

/** Resolves once the drawing is at rest: MapDrawing marks it `moving` while the camera flies. */
function atRest(svg: SVGSVGElement): Promise<void> {
	return new Promise((done) => {
		const check = () => {
			if (svg.classList.contains('moving')) return;
			observer.disconnect();
			done();
		};
		const observer = new MutationObserver(check);
		observer.observe(svg, { attributes: true, attributeFilter: ['class'] });
		check();
	});
}

/** Readies the blend-free drawing and puts it in with the camera at rest (a drawing changed in
 *  flight is rastered again mid-flight); a failure leaves the blend and says so. */
export function shadeInPlace(svg: SVGSVGElement): Promise<void> {
	return shadeRasters(svg).then(
		(swap) => atRest(svg).then(swap),
		(e: Error) =>
			console.error(`The relief stays drawn by its blend (slower in flight): ${e.message}`)
	);
}
