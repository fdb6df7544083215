import fc from 'fast-check';
import { hostileJson, unknownKey } from './hostile-values';
import { JsonEntries } from './json-text';

type Path = Array<string | number>;

/** Every place in a JSON tree (the root is `[]`), depth first. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...at, i]));
  } else if (value !== null && typeof value === 'object' && !(value instanceof JsonEntries))
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

/** A copy of `value` with `edit` applied to the node at `path`. */
function edit(value: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? edit(v, rest, change) : v));
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(obj).map(([k, v]) => [k, k === head ? edit(v, rest, change) : v]),
  );
}

type Mutation =
  | { kind: 'replace'; with: unknown }
  | { kind: 'drop' }
  | { kind: 'extra'; key: string; with: unknown }
  | { kind: 'duplicate'; with: unknown }
  | { kind: 'wrap' }
  | { kind: 'repeat'; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 10, arbitrary: hostileJson.map((w) => ({ kind: 'replace' as const, with: w })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'drop' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      key: unknownKey,
      with: hostileJson,
    }),
  },
  { weight: 1, arbitrary: hostileJson.map((w) => ({ kind: 'duplicate' as const, with: w })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrap' as const }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(2, 5001).map((times) => ({ kind: 'repeat' as const, times })),
  },
);

function apply(node: unknown, m: Mutation, lastKey: string | number | undefined): unknown {
  switch (m.kind) {
    case 'replace':
      return m.with;
    case 'drop':
      return undefined;
    case 'wrap':
      return [node];
    case 'repeat':
      return Array.isArray(node) && node.length > 0
        ? Array.from({ length: m.times }, () => node[0])
        : node;
    case 'extra':
      return node !== null && typeof node === 'object' && !Array.isArray(node)
        ? new JsonEntries([...Object.entries(node), [m.key, m.with]])
        : node;
    case 'duplicate':
      // A key written twice: JSON.parse keeps the last one.
      return node !== null && typeof node === 'object' && !Array.isArray(node)
        ? new JsonEntries([
            ...Object.entries(node),
            [String(lastKey ?? Object.keys(node)[0] ?? 'x'), m.with],
          ])
        : node;
  }
}

/** `base` with exactly one place changed: a hostile value, a missing or unknown key, a wrapper. */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return base.chain((value) => {
    const paths = pathsOf(value);
    return fc.tuple(fc.integer({ min: 0, max: paths.length - 1 }), mutation).map(([i, m]) => {
      const path = paths[i]!;
      // Keys are added on the parent object of a leaf, so that "extra" always lands somewhere.
      const target =
        (m.kind === 'extra' || m.kind === 'duplicate') && path.length > 0
          ? path.slice(0, -1)
          : path;
      return edit(value, target, (node) => apply(node, m, path.at(-1)));
    });
  });
}
