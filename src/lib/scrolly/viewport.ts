/** Where the reader's screen is, when it is not the window's: its top, in px from the top of the
 *  window (negative when the screen is below it), and its height. The scroller reads its steps against
 *  it; whoever knows where the screen is (an embed's host page) passes it. */
export interface Viewport {
	top: number;
	height: number;
}
