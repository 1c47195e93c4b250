import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

/**
 * The web chat widget partners embed with one script tag: its own small build into
 * web/dist/webchat.js (one classic script, no framework, the Lao font inlined), made right after
 * the app's, so every build of the app (npm, Docker, the tests) has it.
 */
function webchatWidget(): Plugin {
  return {
    name: 'saiduan-webchat-widget',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        define: { 'process.env.NODE_ENV': '"production"' },
        build: {
          outDir: `${root}/dist`,
          emptyOutDir: false,
          sourcemap: false,
          assetsInlineLimit: 64 * 1024,
          lib: {
            entry: `${root}/src/webchat/main.ts`,
            formats: ['iife'],
            name: 'SaiduanWebchat',
            fileName: () => 'webchat.js',
          },
        },
      });
    },
  };
}

// The API serves web/dist in production (SERVE_WEB); in dev, Vite proxies the API and sockets.
export default defineConfig({
  root,
  plugins: [react(), webchatWidget()],
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
