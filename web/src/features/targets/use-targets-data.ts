import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { buildFigures, type Figures } from '@ptce/shared/figures/figures';
import type { PoleDetail } from '@ptce/shared/poles.schema';
import type { Target } from '@ptce/shared/targets.schema';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCatalogue } from '../../api/catalogue';
import { usePole } from '../../api/poles';
import { useTargets } from '../../api/targets';
import { seriesQuery } from '../../api/values';

interface TargetsData {
  pole: PoleDetail;
  catalogue: Catalogue;
  targets: Target[];
  /** The shared figures of the year before, whose achieved values the page shows. */
  lastYear: Figures;
}

/** The pole, catalogue, `year`'s targets and the figures of the year before. */
export function useTargetsData(pole: string, year: number) {
  const poleQ = usePole(pole);
  const catalogueQ = useCatalogue();
  const targetsQ = useTargets(pole, year);
  const from = `${year - 1}Q1`;
  const to = `${year - 1}Q4`;
  const valuesQ = useQuery(seriesQuery(pole, from, to));
  const lastYear = useMemo(
    () =>
      catalogueQ.data && valuesQ.data
        ? buildFigures(catalogueQ.data, valuesQ.data, { from, to })
        : undefined,
    [catalogueQ.data, valuesQ.data, from, to],
  );
  const all = [poleQ, catalogueQ, targetsQ, valuesQ];
  const data: TargetsData | undefined =
    poleQ.data && catalogueQ.data && targetsQ.data && lastYear
      ? { pole: poleQ.data, catalogue: catalogueQ.data, targets: targetsQ.data, lastYear }
      : undefined;
  return {
    data,
    error: all.find((q) => q.error)?.error ?? null,
    isPending: all.some((q) => q.isPending),
    refetch: () => Promise.all(all.map((q) => q.refetch())),
  };
}
