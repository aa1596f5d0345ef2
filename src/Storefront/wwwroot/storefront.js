// Live order status without a server circuit: while the page holds a section marked data-refresh-every, fetch the page
// again after that many milliseconds and swap in the fresh section (it stops marking itself once the order is final).
(() => {
  let timer;
  function watch() {
    clearTimeout(timer);
    const live = document.querySelector('[data-refresh-every]');
    if (!live) return;
    timer = setTimeout(async () => {
      try {
        const response = await fetch(location.href, { headers: { accept: 'text/html' } });
        if (response.ok) {
          const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(live.id);
          if (fresh && live.isConnected) live.replaceWith(fresh);
        }
      } catch {
        // Offline for a moment: the next round tries again.
      }
      watch();
    }, Number(live.dataset.refreshEvery));
  }
  document.addEventListener('DOMContentLoaded', watch);
  // Enhanced navigation swaps pages without loading them: look again after each one.
  window.Blazor?.addEventListener('enhancedload', watch);
  if (document.readyState !== 'loading') watch();
})();
