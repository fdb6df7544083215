import {
  type Catalogue,
  CatalogueResponseSchema,
  type Indicator,
} from '@ptce/shared/catalogue.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

const getCatalogue = () => api('/api/catalogue', CatalogueResponseSchema);

export const catalogueQuery = () =>
  queryOptions({ queryKey: keys.catalogue(), queryFn: getCatalogue, staleTime: 10 * 60_000 });

export const useCatalogue = () => useQuery(catalogueQuery());

/** The catalogue's indicators by code. */
export function indexIndicators(c: Catalogue): Map<string, Indicator> {
  return new Map(c.indicators.map((i) => [i.code, i]));
}
