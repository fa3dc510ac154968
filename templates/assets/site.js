// Theme toggle (remembered), mobile navigation, copy buttons, search, offline support.
// Search is loaded only when used, so an ordinary page stays small. Diagrams need no script:
// they are inline SVG from the build, one per theme, switched by site.css.

const root = new URL(document.documentElement.dataset.root || './', location.href);

// Theme: theme.js has already applied the saved or system theme before paint.
const toggle = document.querySelector('.theme-toggle');
if (toggle) {
  const sync = () => toggle.setAttribute('aria-pressed', String(document.documentElement.dataset.theme === 'dark'));
  sync();
  toggle.addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try { localStorage.setItem('theme', next); } catch (e) { /* private mode: not remembered */ }
    sync();
    document.dispatchEvent(new CustomEvent('themechange', { detail: next }));
  });
}

// Navigation drawer on small screens.
const navToggle = document.querySelector('.nav-toggle');
const sidebar = document.getElementById('sidebar');
if (navToggle && sidebar) {
  navToggle.addEventListener('click', () => {
    const open = sidebar.classList.toggle('open');
    navToggle.setAttribute('aria-expanded', String(open));
  });
}

// Long sidebar lists: a page carries only its neighbourhood, cut short around it; the whole tree
// is one shared file with a content-hashed name (cached once for the whole site), fetched only
// when this page's lists were cut. Without JavaScript the "more" rows lead to the contents page.
if (sidebar && sidebar.dataset.tree && sidebar.querySelector('.nav-more')) {
  fetch(new URL(sidebar.dataset.tree, location.href))
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((tree) => showWholeLists(sidebar, tree))
    .catch((error) => console.warn('sidebar keeps its short lists:', error.message));
}

// Entries are [title, site path or null, children?]; the same rows as the page's own, uncut.
function showWholeLists(nav, tree) {
  const here = nav.dataset.page;
  const chain = [];
  const find = (list) => list.some((entry) => {
    chain.push(entry);
    if (entry[1] === here || (entry[2] && find(entry[2]))) { return true; }
    chain.pop();
    return false;
  });
  find(tree);
  const prefix = document.documentElement.dataset.root || '';
  const rows = document.createDocumentFragment();
  const add = (list, level) => list.forEach((entry) => {
    const li = document.createElement('li');
    li.className = `nav-level-${level}`;
    const label = document.createElement(entry[1] === null ? 'span' : 'a');
    label.textContent = entry[0];
    if (entry[1] !== null) {
      label.href = prefix + entry[1];
      if (entry === chain[chain.length - 1] && entry[1] === here) { label.setAttribute('aria-current', 'page'); }
    }
    li.appendChild(label);
    rows.appendChild(li);
    if (entry[2] && chain.includes(entry)) { add(entry[2], level + 1); }
  });
  add(tree, 1);
  const list = nav.querySelector('ol');
  list.replaceChildren(rows);
  const current = list.querySelector('[aria-current="page"]');
  if (current && nav.scrollHeight > nav.clientHeight) {
    nav.scrollTop = current.offsetTop - nav.clientHeight / 2;
  }
}

// A copy button on every code block.
document.querySelectorAll('pre > code').forEach((code) => {
  const pre = code.parentElement;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', 'Copy code to clipboard');
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(code.textContent).then(() => {
      button.textContent = 'Copied';
      setTimeout(() => { button.textContent = 'Copy'; }, 1500);
    }, () => { button.textContent = 'Select and copy'; });
  });
  pre.classList.add('has-copy');
  pre.appendChild(button);
});

// Search: the index and its code load on first use; "/" focuses the box from anywhere.
const searchInput = document.getElementById('search-input');
if (searchInput) {
  let search = null;
  const start = () => {
    search = search || import('./search.js').then((m) => m.attach(searchInput, document.getElementById('search-results'), root));
    return search;
  };
  searchInput.addEventListener('focus', start, { once: true });
  document.addEventListener('keydown', (event) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      searchInput.focus();
    }
  });
}

// The server-mode page's "Try it" panel: its code loads only on that page.
const tryIt = document.querySelector('[data-try-it]');
if (tryIt) {
  import('./tryit.js').then((m) => m.attach(tryIt, root), (error) => console.warn('try-it panel unavailable:', error.message));
}

// Offline: a service worker precaches the whole site after the first visit.
// What this page fetched before the service worker controlled it (on a first visit: its scripts,
// the editor, Python if the reader ran it at once) went past the worker's cache: the worker is
// told those URLs once it is active, and again whenever the Python runner has loaded Python.
if ('serviceWorker' in navigator && document.documentElement.dataset.offline === 'on') {
  const uncontrolled = !navigator.serviceWorker.controller;
  navigator.serviceWorker.register(new URL('sw.js', root), { scope: root.pathname }).then(() => {
    if (!uncontrolled) return;
    const storeFetched = () => navigator.serviceWorker.ready.then((registration) => registration.active.postMessage({
      type: 'store-fetched',
      urls: performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => url.startsWith(root.href)),
    }));
    storeFetched();
    document.addEventListener('python-loaded', storeFetched);
    document.addEventListener('editor-loaded', storeFetched);
  }).catch(() => { /* offline support is optional */ });
}

// Live Python examples: the small runner loads here; Python and the editor only when used.
if (document.querySelector('[data-python-runner]')) {
  import('./python-runner.js').then((m) => m.attachAll(), (error) => console.warn('Python examples stay read-only:', error.message));
}
