import { type Catalogue, CatalogueSchema, type Indicator } from '@ptce/shared/catalogue.schema';
import raw from '../catalogue.json' with { type: 'json' };

/**
 * The project's indicator catalogue (`data/catalogue.json`), parsed with `CatalogueSchema`.
 * The JSON is imported statically, so bundlers (esbuild, Vite) inline it and no file path
 * is resolved at run time. Returns a fresh deep copy on each call: callers may mutate it.
 * @throws ZodError if the JSON no longer matches the schema (a packaging defect).
 */
export function loadCatalogue(): Catalogue {
  return CatalogueSchema.parse(raw);
}

/**
 * The catalogue's indicators by code.
 * @param catalogue defaults to {@link loadCatalogue}'s result.
 */
export function indicatorsByCode(catalogue: Catalogue = loadCatalogue()): Map<string, Indicator> {
  return new Map(catalogue.indicators.map((i) => [i.code, i]));
}
