import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

/**
 * The NL Design System bundle is one module that sets `displayName` on each of its ~90 components at the top level.
 * Those writes count as side effects, which keeps every component in the first download although a screen uses a
 * dozen. Production needs no display names (they serve React DevTools), so the build leaves them out.
 */
function dropUtrechtDisplayNames(): Plugin {
  return {
    name: 'tm-drop-utrecht-display-names',
    apply: 'build',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').includes('@utrecht/component-library-react/dist/index.mjs')) return null;
      return { code: code.replace(/^[A-Za-z0-9_$]+\.displayName = '[^'\n]*';$/gm, ''), map: null };
    },
  };
}

/**
 * The fonts of `src/app/fonts.css` are found by the browser only once the stylesheet has arrived; preloading them
 * from the page's head starts their download together with the stylesheet, so text swaps to them sooner.
 */
function preloadFonts(): Plugin {
  return {
    name: 'tm-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }): HtmlTagDescriptor[] {
        return Object.keys(bundle ?? {})
          .filter((file) => file.endsWith('.woff2'))
          .sort()
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `/${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head',
          }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), dropUtrechtDisplayNames(), preloadFonts()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', sourcemap: true },
});
