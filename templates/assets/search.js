// Full-text search with Pagefind's index (built into pagefind/ when the site is built).
// Results list the matching sections of each page, each linking to its heading.

// One shared load: every keystroke may ask for the index while it is still arriving.
let loading = null;

function load(root) {
  loading = loading || (async () => {
    const pagefind = await import(new URL('pagefind/pagefind.js', root).href);
    await pagefind.options({ baseUrl: root.pathname });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

export function attach(input, list, root) {
  let generation = 0;
  const status = document.getElementById('search-status');

  const show = (items) => {
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      show([]);
      status.textContent = '';
      return;
    }
    let found;
    try {
      const index = await load(root);
      found = await index.debouncedSearch(query, {}, 120);
    } catch (error) {
      loading = null; // try again on the next keystroke
      status.textContent = 'Search is not available: ' + error.message;
      return;
    }
    if (found === null || mine !== generation) {
      return; // superseded by a newer query
    }
    const pages = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
    if (mine !== generation) {
      return;
    }
    const items = [];
    for (const page of pages) {
      const sections = page.sub_results && page.sub_results.length ? page.sub_results.slice(0, 3) : [page];
      for (const section of sections) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = section.url;
        const title = document.createElement('span');
        title.className = 'search-title';
        title.textContent = section === page ? page.meta.title : page.meta.title + ' › ' + section.title;
        const excerpt = document.createElement('span');
        excerpt.className = 'search-excerpt';
        // Pagefind's excerpt is text with <mark> around matches; keep only that markup.
        excerpt.innerHTML = section.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, '');
        a.append(title, excerpt);
        li.append(a);
        items.push(li);
      }
    }
    status.textContent = items.length ? items.length + ' results' : 'No results for “' + query + '”';
    show(items);
  };

  input.addEventListener('input', run);
  input.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll('a')];
    if (event.key === 'ArrowDown' && links.length) {
      event.preventDefault();
      links[0].focus();
    } else if (event.key === 'Escape') {
      input.value = '';
      run();
    }
  });
  list.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll('a')];
    const i = links.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && i < links.length - 1) {
      event.preventDefault();
      links[i + 1].focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (i > 0 ? links[i - 1] : input).focus();
    } else if (event.key === 'Escape') {
      input.focus();
    }
  });
  if (input.value) {
    run();
  }
}
