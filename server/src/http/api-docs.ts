import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type Router } from 'express';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/**
 * Interactive API documentation at `<base>/docs`. The page and its start script are files, not inline code, so
 * the strict Content-Security-Policy holds here too.
 */
export function apiDocsRoutes(openApiUrl: string): Router {
  const router = express.Router({ strict: true });
  router.get('/docs', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Transitiemonitor Common Ground API</title>
  <link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
  <main id="swagger-ui" data-url="${openApiUrl}"></main>
  <script src="docs/swagger-ui-bundle.js"></script>
  <script src="docs/start.js"></script>
</body>
</html>`);
  });
  router.get('/docs/start.js', (_req, res) => {
    res.type('text/javascript').send(
      "const root = document.getElementById('swagger-ui');\n" +
        "window.SwaggerUIBundle({ url: root.dataset.url, domNode: root, deepLinking: true });\n",
    );
  });
  router.use('/docs', express.static(swaggerUiDir, { index: false, redirect: false, maxAge: '1d' }));
  return router;
}
