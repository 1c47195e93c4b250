import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

// The API serves web/dist in production (SERVE_WEB); in dev, Vite proxies the API and sockets.
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: `${root}/dist`, emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': api,
      '/auth': api,
      '/docs': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
