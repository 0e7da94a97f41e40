// Scout's web app script: the keyboard map, moving through results and
// cards, and the pipeline board's moves (dragging with the pointer, `]` / `[`).
// Everything here speeds up something that is also a plain link or form,
// so the app works without it.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
const announce = (text) => {
  const live = document.getElementById('announce');
  if (live) live.textContent = text;
};

// --- results and cards: j / k, x, Enter ------------------------------------
const items = () => [...document.querySelectorAll('[data-item]')];
let current = -1;
const focusItem = (i) => {
  const all = items();
  if (!all.length) return;
  current = Math.max(0, Math.min(all.length - 1, i));
  all.forEach((el, j) => el.classList.toggle('current', j === current));
  all[current].focus();
  all[current].scrollIntoView({ block: 'nearest' });
};
const currentItem = () => {
  const active = document.activeElement?.closest('[data-item]');
  if (active) current = items().indexOf(active);
  return items()[current];
};

// --- the board: move a card to the next / previous column ------------------
const columns = () => [...document.querySelectorAll('.board-column')];
const countOf = (column) => column.querySelectorAll('.board-card').length;
const refreshCounts = () => {
  for (const col of columns()) {
    const count = col.querySelector('.column-count');
    if (count) count.textContent = countOf(col);
  }
};
async function moveCard(card, column) {
  const from = card.closest('.board-column');
  if (!column || column === from) return;
  const stage = column.dataset.stage;
  const body = new URLSearchParams({ _csrf: csrf, statusHandle: stage });
  const answer = await fetch(card.dataset.moveUrl, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body,
  }).catch(() => null);
  if (!answer || !answer.ok) {
    const why = answer ? (await answer.json().catch(() => ({}))).message : null;
    announce(why || 'The card could not be moved; nothing changed. Try again.');
    card.classList.add('refused');
    setTimeout(() => card.classList.remove('refused'), 1500);
    return;
  }
  column.querySelector('.column-cards').prepend(card);
  const select = card.querySelector('select[name="statusHandle"]');
  if (select) select.value = stage;
  refreshCounts();
  card.focus();
  announce(`${card.dataset.name} moved to ${column.dataset.label}`);
}
const step = (card, by) => {
  const cols = columns();
  const at = cols.indexOf(card.closest('.board-column'));
  moveCard(card, cols[at + by]);
};

// Dragging follows the pointer (mouse, pen or touch): the card is carried
// under it and dropped on the column beneath. Pointer events rather than
// HTML5 drag and drop, whose ghost image and events differ across browsers
// and cannot be driven by real input in automated tests.
const DRAG_AFTER_PX = 6;
for (const card of document.querySelectorAll('.board-card[data-movable]')) {
  card.addEventListener('dragstart', (e) => e.preventDefault());
  card.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || e.target.closest('select, button, input, textarea, label')) return;
    const start = { x: e.clientX, y: e.clientY };
    // a column off screen comes into view when the card is carried to the edge
    const board = card.closest('.board');
    const startScroll = board ? board.scrollLeft : 0;
    const EDGE_PX = 48;
    let dragging = false;
    let over = null;
    const columnAt = (x, y) => {
      card.style.pointerEvents = 'none';
      const col = document.elementFromPoint(x, y)?.closest('.board-column');
      card.style.pointerEvents = '';
      return col;
    };
    const onMove = (m) => {
      const dx = m.clientX - start.x;
      const dy = m.clientY - start.y;
      if (!dragging && Math.hypot(dx, dy) < DRAG_AFTER_PX) return;
      if (!dragging) {
        dragging = true;
        card.setPointerCapture(m.pointerId);
        card.classList.add('dragging');
      }
      if (board) {
        const edges = board.getBoundingClientRect();
        if (m.clientX > edges.right - EDGE_PX) board.scrollLeft += 16;
        else if (m.clientX < edges.left + EDGE_PX) board.scrollLeft -= 16;
      }
      const scrolled = board ? board.scrollLeft - startScroll : 0;
      card.style.transform = `translate(${dx + scrolled}px, ${dy}px)`;
      const col = columnAt(m.clientX, m.clientY);
      if (col !== over) {
        over?.classList.remove('drop-target');
        over = col;
        over?.classList.add('drop-target');
      }
    };
    const onEnd = (u) => {
      card.removeEventListener('pointermove', onMove);
      card.removeEventListener('pointerup', onEnd);
      card.removeEventListener('pointercancel', onEnd);
      over?.classList.remove('drop-target');
      if (!dragging) return;
      card.classList.remove('dragging');
      card.style.transform = '';
      // the click that ends a drag does not open the card
      card.dataset.dragged = '';
      setTimeout(() => delete card.dataset.dragged, 0);
      if (u.type === 'pointerup' && over) moveCard(card, over);
    };
    card.addEventListener('pointermove', onMove);
    card.addEventListener('pointerup', onEnd);
    card.addEventListener('pointercancel', onEnd);
  });
  card.addEventListener('click', (c) => {
    if (card.dataset.dragged === undefined) return;
    c.preventDefault();
    c.stopPropagation();
  }, { capture: true });
}
// the plain form on each card: move without leaving the board
for (const form of document.querySelectorAll('form.move')) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const card = form.closest('.board-card');
    const stage = new FormData(form).get('statusHandle');
    moveCard(card, columns().find((c) => c.dataset.stage === stage));
  });
}

// --- the keyboard map --------------------------------------------------------
let pendingG = false;
document.addEventListener('keydown', (e) => {
  const typing = e.target.closest('input, textarea, select, [contenteditable]');
  if (e.key === 'Escape') {
    if (typing) e.target.blur();
    return;
  }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (pendingG) {
    pendingG = false;
    if (e.key === 'p') location.href = '/projects';
    if (e.key === 'l') location.href = '/lists';
    return;
  }
  const card = document.activeElement?.closest('.board-card');
  switch (e.key) {
    case '/': {
      const box = document.getElementById('q');
      if (box) { e.preventDefault(); box.focus(); box.select(); }
      break;
    }
    case 'j': e.preventDefault(); focusItem(currentItem() ? current + 1 : 0); break;
    case 'k': e.preventDefault(); focusItem(currentItem() ? current - 1 : 0); break;
    case 'x': {
      const box = currentItem()?.querySelector('input[type="checkbox"]');
      if (box) { box.checked = !box.checked; box.dispatchEvent(new Event('change', { bubbles: true })); }
      break;
    }
    case 'Enter': {
      const item = currentItem();
      if (item && document.activeElement === item) item.querySelector('a[data-open]')?.click();
      break;
    }
    case ']': if (card) { e.preventDefault(); step(card, 1); } break;
    case '[': if (card) { e.preventDefault(); step(card, -1); } break;
    case 'a': e.preventDefault(); startAdding('add-to-project'); break;
    case 'l': e.preventDefault(); startAdding('add-to-list'); break;
    case 'g': pendingG = true; break;
    case '?': document.getElementById('keys')?.showModal(); break;
    default:
  }
});

// --- add to a project / a list from the keyboard: `a` or `l` takes the
// selection (or, with none, the focused result), then a project or list is
// picked with the arrows and Enter adds (on "New…", Enter asks for a name).
function startAdding(selectId) {
  const select = document.getElementById(selectId);
  if (!select) return;
  const picked = document.querySelectorAll('input[name="talent"]:checked').length;
  const box = currentItem()?.querySelector('input[name="talent"]');
  if (!picked && box) {
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  }
  select.focus();
  announce('Choose with the arrow keys, then press Enter to add.');
}
for (const action of document.querySelectorAll('form.actions span.action')) {
  action.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const select = action.querySelector('select');
    const name = action.querySelector('input[type="text"]');
    e.preventDefault();
    if (e.target === select && select.value === 'new' && name && !name.value.trim()) {
      name.focus();
      return;
    }
    action.closest('form').requestSubmit(action.querySelector('button[type="submit"]'));
  });
}

// --- selection: how many are selected ---------------------------------------
const selectionBar = document.querySelector('.selection-bar');
if (selectionBar) {
  const count = selectionBar.querySelector('.selected-count');
  const update = () => {
    const n = document.querySelectorAll('input[name="talent"]:checked').length;
    count.textContent = n === 1 ? '1 selected' : `${n} selected`;
    selectionBar.classList.toggle('active', n > 0);
  };
  document.addEventListener('change', (e) => {
    if (e.target.matches('input[name="talent"]')) update();
  });
  update();
}

// --- more results as the person scrolls (no repeats: the server skips
// what this search already showed) -------------------------------------------
async function loadMore(link) {
  if (link.dataset.loading) return;
  link.dataset.loading = '1';
  link.textContent = 'Loading…';
  const answer = await fetch(link.href, { headers: { 'X-Scout-Fragment': '1' } }).catch(() => null);
  if (!answer || !answer.ok) {
    link.textContent = 'Could not load more — try again';
    delete link.dataset.loading;
    return;
  }
  const holder = document.createElement('div');
  holder.innerHTML = await answer.text();
  const cards = holder.querySelector('#more-cards');
  document.getElementById('results')?.append(cards.content);
  const next = holder.querySelector('p.more');
  link.closest('p.more').replaceWith(next);
  announce(`${document.querySelectorAll('#results .card').length} results shown`);
  watchMore();
}
function watchMore() {
  const link = document.querySelector('a[data-more]');
  if (!link) return;
  link.addEventListener('click', (e) => { e.preventDefault(); loadMore(link); });
  const seen = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) { seen.disconnect(); loadMore(link); }
  }, { rootMargin: '400px' });
  seen.observe(link);
}
watchMore();

// --- CVs: dropped or chosen files go one by one, each with its progress
// and its own outcome (one bad file never stops the others) --------------
const upload = document.querySelector('form.upload');
if (upload) {
  const zone = upload.querySelector('.drop-zone');
  const picker = upload.querySelector('input[type="file"]');
  const rows = upload.querySelector('ol.files');
  const sendOne = (file) => new Promise((done) => {
    const row = document.createElement('li');
    row.className = 'file sending';
    row.textContent = `${file.name} — 0%`;
    rows.append(row);
    const body = new FormData();
    body.append('_csrf', csrf);
    const role = upload.querySelector('select[name="roleId"]').value;
    if (role) body.append('roleId', role);
    body.append('files', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/leads');
    xhr.setRequestHeader('X-Scout-Fragment', '1');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) row.textContent = `${file.name} — ${Math.round((100 * e.loaded) / e.total)}%`;
    };
    xhr.onload = () => {
      const holder = document.createElement('ol');
      holder.innerHTML = xhr.responseText;
      const answer = holder.querySelector('li');
      if (answer && xhr.status < 500) row.replaceWith(answer);
      else { row.className = 'file failed'; row.textContent = `${file.name} — the server could not take it in; try again`; }
      done();
    };
    xhr.onerror = () => { row.className = 'file failed'; row.textContent = `${file.name} — not sent (connection lost); try again`; done(); };
    xhr.send(body);
  });
  const sendAll = async (files) => {
    for (const f of files) await sendOne(f);
    announce(`${files.length} file${files.length === 1 ? '' : 's'} processed`);
  };
  upload.addEventListener('submit', (e) => {
    if (!picker.files.length) return;
    e.preventDefault();
    sendAll([...picker.files]);
    picker.value = '';
  });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('drop-target'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop-target'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('drop-target');
    sendAll([...e.dataTransfer.files]);
  });
}

// --- chips: the prompt's words light up with their chip; a filter's value
// gets suggestions from the reference data as it is typed -----------------
for (const chip of document.querySelectorAll('.chips li[data-chip]')) {
  const words = document.querySelector(`.prompt-words span[data-chip="${chip.dataset.chip}"]`);
  if (!words) continue;
  const light = (on) => words.classList.toggle('on', on);
  chip.addEventListener('mouseenter', () => light(true));
  chip.addEventListener('mouseleave', () => light(false));
  chip.addEventListener('focusin', () => light(true));
  chip.addEventListener('focusout', () => light(false));
}
let listCount = 0;
for (const input of document.querySelectorAll('input[data-suggest], input[data-suggest-from]')) {
  const list = document.createElement('datalist');
  list.id = `suggest-${listCount++}`;
  input.after(list);
  input.setAttribute('list', list.id);
  let timer = null;
  const typeOf = () => input.dataset.suggest || document.getElementById(input.dataset.suggestFrom)?.value;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const params = new URLSearchParams({ type: typeOf() || '', q: input.value });
      const answer = await fetch(`/suggest?${params}`).catch(() => null);
      if (answer?.ok) list.innerHTML = await answer.text();
    }, 120);
  });
}

// --- the drawer: a board card opens the candidate, a result card the
// profile, beside the list (which stays in place; the address bar shows the
// opened page's own address; Esc closes) ------------------------------------
const opener = document.querySelector('.board, #results');
if (opener) {
  const drawer = document.createElement('aside');
  drawer.className = 'drawer';
  drawer.setAttribute('aria-label', opener.matches('.board') ? 'Candidate' : 'Profile');
  drawer.hidden = true;
  document.body.append(drawer);
  const listUrl = location.href;
  const close = () => {
    drawer.hidden = true;
    drawer.replaceChildren();
    if (location.href !== listUrl) history.replaceState(null, '', listUrl);
    document.querySelector('.opened')?.focus();
  };
  // the opened page's ids are renamed, so its forms and labels never meet
  // the list page's own (the selection bar, the stage menus)
  const rename = (root) => {
    for (const el of root.querySelectorAll('[id]')) el.id = `drawer-${el.id}`;
    for (const el of root.querySelectorAll('label[for]')) el.htmlFor = `drawer-${el.htmlFor}`;
    for (const attr of ['aria-labelledby', 'aria-describedby']) {
      for (const el of root.querySelectorAll(`[${attr}]`)) {
        el.setAttribute(attr, el.getAttribute(attr).split(' ').map((i) => `drawer-${i}`).join(' '));
      }
    }
  };
  opener.addEventListener('click', async (e) => {
    const link = e.target.closest('a[data-open]');
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    const answer = await fetch(link.href).catch(() => null);
    if (!answer?.ok) { location.href = link.href; return; }
    const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
    const article = page.querySelector('article.profile');
    if (!article) { location.href = link.href; return; }
    rename(article);
    document.querySelectorAll('.opened').forEach((c) => c.classList.remove('opened'));
    link.closest('.board-card, .card')?.classList.add('opened');
    const shut = document.createElement('button');
    shut.type = 'button';
    shut.className = 'secondary drawer-close';
    shut.textContent = 'Close (Esc)';
    shut.addEventListener('click', close);
    drawer.replaceChildren(shut, article);
    drawer.hidden = false;
    history.replaceState(null, '', link.href);
    article.querySelector('h1')?.setAttribute('tabindex', '-1');
    article.querySelector('h1')?.focus();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !drawer.hidden && !e.target.closest('input, textarea, select')) close();
  });
}
