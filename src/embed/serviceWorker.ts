/**
 * Registers public/sw.js (offline use after the first visit) in production builds only: the
 * development server's modules change on every edit and must never be served from a cache.
 * Relative to the page, so the app works from any sub-path. A failure only costs offline use.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const register = () => {
    navigator.serviceWorker
      .register(new URL('sw.js', document.baseURI), { scope: './' })
      .catch((e: Error) => console.info(`hypersphere-lab: no offline copy (${e.message})`));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
