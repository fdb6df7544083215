/** The server's Node flags (scripts/server-flags.mjs). */
export function serverNodeFlags(cores?: number): string[];
