/**
 * Loaded beside the stylesheet (see `vite.config.ts`) and run as soon as it arrives, while the page still waits for
 * the stylesheet and fonts to paint. The first number or date formatter of a page makes the JavaScript engine list
 * every locale it knows, once: about 26 ms of processor time on the bench's host, four times that on Lighthouse's
 * phone. Done here, it fills time the main thread would spend waiting for the network; done by the app after the
 * first paint (`prepareFormatters`), it was one of the longest tasks of its start. What stays for the app is each
 * formatter's own data, 1-4 ms.
 */
Intl.NumberFormat.supportedLocalesOf('nl-NL');
