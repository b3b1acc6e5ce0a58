// Zod schemas built on first use instead of at module load (cold start, README "Performance").
// Building a zod 4 schema runs code for every field (checks, defaults, internals): the schemas of
// the stored records and of the messages cost the background ~10–25 ms of its ~110 ms start
// (CPU profile of background.js's evaluation, mostly zod), although the first answers a woken
// worker gives (detector, page match, sidebar view) need only a few small ones.

/** `build` run once, on the first call; its result kept. */
export function once<T>(build: () => T): () => T {
  let built: { v: T } | undefined;
  return () => (built ??= { v: build() }).v;
}

/**
 * A stand-in for the object `build` returns (a zod schema), built on first use: every property
 * read (`.parse`, `.safeParse`, `.shape`, `.omit`…), `in`, `instanceof` and key listing go to the
 * built object. Use the real object, not the stand-in, inside other schemas (a stand-in inside a
 * schema costs a proxy step per parse of that field).
 */
export function lazySchema<T extends object>(build: () => T): T {
  const get = once(build);
  return new Proxy({} as T, {
    get: (_t, p) => Reflect.get(get(), p),
    has: (_t, p) => Reflect.has(get(), p),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, p) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), p);
      if (d) d.configurable = true; // a proxy may not report a property its target lacks as fixed
      return d;
    },
  });
}
