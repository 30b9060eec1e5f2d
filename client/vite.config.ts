import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      // The NL Design System bundle sets `displayName` on every component it defines; counted as side effects,
      // those writes would keep all ~90 components in the first download although a screen uses a dozen.
      treeshake: { propertyWriteSideEffects: false },
    },
  },
});
