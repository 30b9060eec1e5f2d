import react from '@vitejs/plugin-react';
import { PurgeCSS } from 'purgecss';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';

type OutputAsset = Rollup.OutputAsset;

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

/**
 * `src/prepare-intl.ts` as a script of its own in the page's head, run as soon as it arrives (`async`): the app's
 * entry, a module script, runs only once the stylesheet is in, where this does its work while the first paint still
 * waits for the stylesheet and fonts. At low priority, so that it never competes with them: a module script is
 * otherwise fetched at high priority, which Lighthouse reads as render-blocking and whose run it then adds to the
 * first paint's path.
 */
function prepareIntlBeforePaint(): Plugin {
  const source = 'src/prepare-intl.ts';
  return {
    name: 'tm-prepare-intl-before-paint',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: source, name: 'prepare-intl' });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }): HtmlTagDescriptor[] {
        const chunk = Object.values(bundle ?? {}).find((file) => file.type === 'chunk' && file.facadeModuleId?.endsWith(source));
        if (!chunk) throw new Error(`${source} was not built`);
        return [{ tag: 'script', attrs: { type: 'module', async: true, fetchpriority: 'low', src: `/${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/**
 * The component library's stylesheet and the theme's tokens arrive whole (570 KB, 50 KB gzipped): a render-blocking
 * download that shares a slow line with the fonts the first screen paints in, and thousands of rules and tokens for
 * every style recalculation. Once the scripts are bundled, only the library components the app uses are in them, so
 * the build keeps the rules whose classes appear in the built scripts or the page, and the tokens those rules read.
 * Also kept: the app's own classes, and every class that begins like one the scripts build from a value
 * (`utrecht-form-label--${type}`, `tm-status--${status}`): its full name is not in any script. The stylesheet is
 * emitted anew so that its name follows its new content, as browsers keep `/assets` for a year.
 */
function unusedStylesLeftOut(): Plugin {
  const builtClassPrefixes = (code: string) =>
    [...new Set([...code.matchAll(/([a-z][\w-]*-)(?:\$\{|["']\s*\+|["']\.concat\()/g)].map(([, prefix]) => prefix!))].map(
      (prefix) => new RegExp(`^${prefix}`),
    );
  const replaced: string[] = [];
  return {
    name: 'tm-unused-styles-left-out',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      const content = files.map((file) => (file.type === 'chunk' ? file.code : file.fileName.endsWith('.html') ? String(file.source) : '')).join('\n');
      const sheets = files.filter((file): file is OutputAsset => file.type === 'asset' && file.fileName.endsWith('.css'));
      for (const sheet of sheets) {
        const [purged] = await new PurgeCSS().purge({
          content: [{ raw: content, extension: 'js' }],
          css: [{ raw: String(sheet.source) }],
          variables: true,
          safelist: { standard: [/^tm-/, ...builtClassPrefixes(content)] },
        });
        // Named by the bundler from the new content, like every other asset.
        const fileName = this.getFileName(this.emitFile({ type: 'asset', name: sheet.names[0] ?? 'style.css', source: purged!.css }));
        for (const page of files) if (page.type === 'asset' && page.fileName.endsWith('.html')) page.source = String(page.source).replaceAll(sheet.fileName, fileName);
        delete bundle[sheet.fileName];
        replaced.push(sheet.fileName);
      }
    },
    // Scripts name stylesheets they preload only when each chunk has its own (`cssCodeSplit`); with one for the
    // whole app none does, and this says so should that change.
    writeBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        const named = chunk.type === 'chunk' && replaced.find((old) => chunk.code.includes(old));
        if (named) this.error(`${chunk.fileName} preloads ${named}, which the build replaced by its purged copy`);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), dropUtrechtDisplayNames(), prepareIntlBeforePaint(), preloadFonts(), unusedStylesLeftOut()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // One stylesheet for the whole app (it is one already: every screen's styles are global), which no script names.
    cssCodeSplit: false,
    // Tells the bench and the tests which scripts a page loads first (scripts/initial-javascript.ts).
    manifest: true,
    // The browser finds a chunk's imports as it reads the chunk. Vite's preloading inserts a link per imported chunk
    // whenever a screen's code is asked for, which cost a slow phone more main-thread time than the round trip saves:
    // Lighthouse's total blocking time 350-650 ms -> 70-430 ms, time to interactive no later (mobile, bench database).
    modulePreload: false,
  },
});
