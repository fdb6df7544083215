import { type MouseEvent, useRef, useState } from 'react';
import { fetchRaw } from '../../lib/api-client';

/** How long a saved manifest's object URL lives: the browser has started saving by then. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Download links that check before the browser saves anything: a click first GETs
 * `checkUrl` (the manifest of the same filters), so an expired session or refused filters
 * show as an error (a 401 also sends to the login page, through `fetchRaw`) instead of
 * saving the error envelope as the file. Once the check passes, the click is replayed on the
 * plain link and the browser streams the export to disk itself; a link whose `href` is
 * `checkUrl` is saved from the answer already in hand, as `manifestName`.
 */
export function useCheckedDownload(checkUrl: string, manifestName: string) {
  const approved = useRef<HTMLAnchorElement | null>(null);
  const [pending, setPending] = useState(false);
  // The error of the filters checked: other filters start clean.
  const [failed, setFailed] = useState<{ url: string; error: unknown } | null>(null);

  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    const link = e.currentTarget;
    if (approved.current === link) {
      approved.current = null;
      return;
    }
    e.preventDefault();
    if (pending) return;
    const href = link.getAttribute('href');
    setPending(true);
    setFailed(null);
    fetchRaw(checkUrl)
      .then(async (res) => {
        if (href === checkUrl) return saveBlob(await res.blob(), manifestName);
        await res.body?.cancel();
        // Filters changed or page left meanwhile: that file was not the one checked.
        if (!link.isConnected || link.getAttribute('href') !== href) return;
        approved.current = link;
        link.click();
      })
      .catch((error: unknown) => setFailed({ url: checkUrl, error }))
      .finally(() => setPending(false));
  };

  return { onClick, pending, error: failed?.url === checkUrl ? failed.error : null };
}

function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
