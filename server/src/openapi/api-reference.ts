import type { RouteDoc } from './route-doc';

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A self-contained, readable HTML reference of the API (no script, no external asset). */
export function apiReferenceHtml(routes: RouteDoc[]): string {
  const tags = [...new Set(routes.map((r) => r.tag))];
  const sections = tags
    .map((tag) => {
      const items = routes
        .filter((r) => r.tag === tag)
        .map(
          (
            r,
          ) => `<article id="${esc(`${r.method}-${r.path}`)}"><h3><code>${r.method.toUpperCase()} ${esc(r.path)}</code></h3>
<p>${esc(r.summary)}${r.auth === 'public' ? ' <em>(public)</em>' : ''}</p>${r.description ? `<p>${esc(r.description)}</p>` : ''}
<p>Réponse ${r.ok.status} : ${esc(r.ok.description)}${r.errors.length ? ` · erreurs ${r.errors.join(', ')}` : ''}</p></article>`,
        )
        .join('\n');
      return `<section><h2>${esc(tag)}</h2>${items}</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API ptce-suivi</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1b1f24}code{background:#f4f6f8;padding:.1rem .3rem}article{border-top:1px solid #d0d7de;padding:.3rem 0}h3{font-size:1rem;margin:.6rem 0 .2rem}</style></head>
<body><main><h1>API ptce-suivi</h1>
<p>Document OpenAPI 3.1 complet : <a href="/api/openapi.json">/api/openapi.json</a>. Authentification : cookie de session (<code>POST /api/session</code>) ou jeton personnel <code>Authorization: Bearer …</code>. Les erreurs suivent toujours l’enveloppe <code>{ "error": { "code", "message", "issues"? } }</code>.</p>
${sections}</main></body></html>`;
}
