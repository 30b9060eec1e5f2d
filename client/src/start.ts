/**
 * The page's entry: its stylesheet, then the app. Where the server sent a first screen (`app/first-screen`), the app's
 * scripts are asked for once that screen has painted, so that on a slow line the stylesheet and the fonts it paints
 * in have the line to themselves; the screen needs no script to be read. A page without one needs the app to show
 * anything, and a hidden tab paints nothing to wait for: those start it at once.
 */
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './app/fonts.css';
import './app/app.css';

const startApp = () => import('./main.tsx');

if (document.querySelector('[data-first-screen]') && document.visibilityState === 'visible') {
  // The frame's callbacks run just before it paints; the timeout, just after.
  requestAnimationFrame(() => setTimeout(startApp));
} else {
  void startApp();
}
