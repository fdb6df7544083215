import { CatalogueResponseSchema } from '@ptce/shared/catalogue.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

const getCatalogue = () => api('/api/catalogue', CatalogueResponseSchema);

const catalogueQuery = () =>
  queryOptions({ queryKey: keys.catalogue(), queryFn: getCatalogue, staleTime: 10 * 60_000 });

export const useCatalogue = () => useQuery(catalogueQuery());
