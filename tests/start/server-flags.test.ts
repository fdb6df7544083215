import { describe, expect, it } from 'vitest';
import { serverNodeFlags } from '../../scripts/server-flags.mjs';

describe('the server’s Node flags', () => {
  it('cap the heap and give V8 one helper thread fewer than the cores, between 1 and 4', () => {
    const helpers = (cores: number) =>
      serverNodeFlags(cores)
        .find((f) => f.startsWith('--v8-pool-size='))
        ?.split('=')[1];
    expect([1, 2, 3, 4, 5, 8, 64].map(helpers)).toEqual(['1', '1', '2', '3', '4', '4', '4']);
    expect(serverNodeFlags(2)).toEqual(
      expect.arrayContaining(['--max-semi-space-size=8', '--max-old-space-size=128']),
    );
  });
});
