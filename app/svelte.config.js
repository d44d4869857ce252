import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    // Root-relative links (/structures) rather than ../structures: the app is always served at the root.
    paths: { relative: false },
    // Nothing is ever loaded from another origin: no CDN, no web fonts, no third-party scripts.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // The one inline style SvelteKit writes: its route announcer for screen readers
        // (app.css hides it as well, should a SvelteKit upgrade change this hash).
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        // Plus the map tiles' origin, added to each response by hooks.server.ts: it comes from
        // PUBLIC_MAP_TILES_URL, known only at run time (see src/lib/server/csp.ts).
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
  },
};

export default config;
