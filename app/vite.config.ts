import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  ssr: {
    // The shared domain code (@mutua/server/domain/*) defines TypeBox schemas: let Vite bundle
    // TypeBox rather than leave it to adapter-node's second pass, which is noisy about its cycles.
    noExternal: ['typebox'],
  },
});
