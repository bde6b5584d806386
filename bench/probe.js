/* global window, document, history, location, Element, requestAnimationFrame, getComputedStyle, MutationObserver */
/**
 * Runs in the page before any of its scripts (Playwright init script). Plain JavaScript on
 * purpose: functions compiled by tsx carry helpers that do not exist in the browser.
 *
 * window.__benchConfig (set by the init script before this one): { token, watch: {name: css} }.
 * Times are performance.now() values, i.e. ms since this document's navigation started.
 * "paint" is the first moment after the frame that showed the element (rAF, then a task).
 */
(() => {
  const config = window.__benchConfig || {};
  if (config.token) sessionStorage.setItem('waldur-kc.token', config.token);
  if (performance.setResourceTimingBufferSize) performance.setResourceTimingBufferSize(10000);

  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task API: the figure says so.
  }

  const afterPaint = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });

  const isShown = (element) => {
    if (!element || !element.isConnected) return false;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    return getComputedStyle(element).visibility !== 'hidden';
  };

  /**
   * Resolves with {dom, paint} once an element matching `selector` is shown (and, when `text`
   * is given, the first such element's text includes it).
   */
  const appear = (selector, timeoutMs = 60000, text = null) =>
    new Promise((resolve, reject) => {
      let done = false;
      let observer = null;
      const finish = (element) => {
        done = true;
        if (observer) observer.disconnect();
        clearTimeout(timer);
        const dom = performance.now();
        void afterPaint().then((paint) => resolve({ dom, paint, text: (element.textContent || '').slice(0, 120) }));
      };
      const check = () => {
        if (done) return;
        if (text === null) {
          const element = document.querySelector(selector);
          if (isShown(element)) finish(element);
          return;
        }
        for (const element of document.querySelectorAll(selector)) {
          if ((element.textContent || '').includes(text) && isShown(element)) return finish(element);
        }
      };
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        if (observer) observer.disconnect();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${selector}`));
      }, timeoutMs);
      observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      check();
    });

  // The last key pressed anywhere in the page (capture phase, before the app sees it).
  const keys = { last: null, count: 0 };
  window.addEventListener(
    'keydown',
    () => {
      keys.last = performance.now();
      keys.count += 1;
    },
    true,
  );

  // Trusted clicks (real input, from the benchmark's mouse), when the page dispatched them.
  const clicks = [];
  window.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const button = event.target instanceof Element ? event.target.closest('button, a') : null;
      clicks.push({
        at: performance.now(),
        issued: event.timeStamp,
        target: button ? (button.getAttribute('aria-label') || button.textContent || '').trim().slice(0, 60) : '',
      });
    },
    true,
  );

  /**
   * When the page first responded to a click, by kind: "opened" when the URL first names a group
   * (`?group=`, the app's group panel and the floor's), "pulled" when a pull of members is sent.
   */
  const responses = {};
  const noteUrl = () => {
    if (responses.opened === undefined && new URL(location.href).searchParams.has('group')) responses.opened = performance.now();
  };
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name];
    history[name] = function (...args) {
      const result = original.apply(this, args);
      noteUrl();
      return result;
    };
  }
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init && init.method) || (input instanceof Request ? input.method : 'GET');
    if (responses.pulled === undefined && method.toUpperCase() === 'POST' && url.includes('/pull_members/'))
      responses.pulled = performance.now();
    return originalFetch.call(this, input, init);
  };

  /**
   * The first click that got a response of `kind`: the last trusted click dispatched before
   * that response, with the clicks before it that got none (dead clicks). Null until then.
   */
  const usable = (kind) => {
    const at = responses[kind];
    if (at === undefined) return null;
    const before = clicks.filter((click) => click.at <= at);
    const click = before[before.length - 1];
    return click
      ? {
          at: click.at,
          issued: click.issued,
          responded: at,
          dead: before.length - 1,
          target: click.target,
          // Every click until then: [issued, dispatched], ms from navigation start.
          clicks: before.map((c) => [Math.round(c.issued), Math.round(c.at)]),
        }
      : null;
  };

  /** The centre of the first element matching `selector` if it is shown, else null; and whether `kind` responded. */
  const target = (selector, kind) => {
    const element = document.querySelector(selector);
    const box = isShown(element) ? element.getBoundingClientRect() : null;
    return {
      point: box ? { x: box.left + Math.min(box.width / 2, 40), y: box.top + box.height / 2 } : null,
      responded: responses[kind] !== undefined,
    };
  };

  const found = {};
  const waiting = {};
  for (const [name, spec] of Object.entries(config.watch || {})) {
    const selector = typeof spec === 'string' ? spec : spec.selector;
    const text = typeof spec === 'string' ? null : spec.text;
    waiting[name] = appear(selector, 240000, text).then((hit) => (found[name] = hit));
    waiting[name].catch(() => {});
  }

  const resources = () =>
    performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name,
      initiatorType: entry.initiatorType,
      start: entry.startTime,
      responseEnd: entry.responseEnd,
      encoded: entry.encodedBodySize,
      decoded: entry.decodedBodySize,
      transfer: entry.transferSize,
    }));

  const findTab = (name) => [...document.querySelectorAll('[role="tab"]')].find((tab) => tab.textContent.trim() === name);

  /** Clicks a tab and times it until `selector` is shown: {dom, paint} in ms after the click. */
  const clickTab = async (name, selector, timeoutMs = 30000) => {
    const tab = findTab(name);
    if (!tab) throw new Error(`No tab named ${name}`);
    const started = performance.now();
    const seen = appear(selector, timeoutMs);
    tab.click();
    const hit = await seen;
    return { dom: hit.dom - started, paint: hit.paint - started };
  };

  /** Clicks the button named `name` and times it until `selector` (with `text`) is shown. */
  const clickButton = async (name, selector, text = null, timeoutMs = 60000) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
    if (!button) throw new Error(`No button named ${name}`);
    if (button.disabled) throw new Error(`The button ${name} is disabled`);
    const started = performance.now();
    const seen = appear(selector, timeoutMs, text);
    button.click();
    const hit = await seen;
    return { start: started, dom: hit.dom - started, paint: hit.paint - started, text: hit.text };
  };

  /**
   * Scrolls the scroll container of the list `label` to its end, `step` pixels a frame, and
   * counts rendered rows on the way. Long tasks are read afterwards from `longTasks`.
   */
  const scrollList = async (label, step) => {
    const list = document.querySelector(`[role="list"][aria-label="${label}"]`);
    if (!list) throw new Error(`No list ${label}`);
    const scroller = list.parentElement;
    const rows = () => list.querySelectorAll('[role="listitem"]').length;
    const start = performance.now();
    let frames = 0;
    let maxRows = rows();
    let guard = 0;
    let last = performance.now();
    let longestFrame = 0;
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && guard < 100000) {
      scroller.scrollTop += step;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      longestFrame = Math.max(longestFrame, now - last);
      last = now;
      frames += 1;
      guard += 1;
      maxRows = Math.max(maxRows, rows());
    }
    // Let the virtualiser settle on the last rows (it may re-measure them once).
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      longestFrame = Math.max(longestFrame, now - last);
      last = now;
      maxRows = Math.max(maxRows, rows());
    }
    const end = performance.now();
    const items = [...list.querySelectorAll('[role="listitem"]')];
    const positions = items.map((item) => Number(item.getAttribute('aria-posinset')));
    const setSize = Number(items[0] ? items[0].getAttribute('aria-setsize') : 0);
    return { label, start, end, frames, maxRows, setSize, lastShown: Math.max(0, ...positions), longestFrame };
  };

  window.__bench = {
    found,
    waiting,
    keys,
    longTasks,
    appear,
    afterPaint,
    resources,
    clickTab,
    clickButton,
    scrollList,
    findTab,
    clicks,
    responses,
    usable,
    target,
  };
})();
