// Builds the React example into the local server's public directory (scripts/local-server.ts
// passes --outDir), served at /react-host/ next to the widget and the API.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/react-host/',
  build: { emptyOutDir: true },
});
