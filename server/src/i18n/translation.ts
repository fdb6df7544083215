/** The `{name}` placeholders of a message template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** Another language's catalogue for a French one: exactly its keys, each a template. */
export type Translation<Fr extends Record<string, string>> = { readonly [K in keyof Fr]: string };
