// The accessibility mirror: the page draws everything on one canvas, which
// screen readers, the browser's find and translation cannot read. This keeps
// a hidden copy of what the last frame showed in the DOM, with ARIA roles:
// the sections as a tab list, the search field as a real <input>, the list's
// rows on screen as a table, headings, buttons, checkboxes and choices, and
// an aria-live region for what changes on its own (a sync's progress and
// result, saves, errors). Each element sits exactly over what it mirrors, so
// a screen reader's touch exploration and focus ring land in the right place.
//
// The C++ side (web/accessibility/mirror.cpp) sends the frame's items as JSON only when
// they change. Activating an element (Enter, Space, a screen reader's double
// tap) taps the canvas at that place; the search field sends its text.
(function () {
  'use strict';
  var root = document.createElement('div');
  root.id = 'tt-mirror';
  var header = document.createElement('div');
  var tablist = document.createElement('div');
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', 'Sections');
  var main = document.createElement('div');
  main.setAttribute('role', 'main');
  var table = document.createElement('table');
  table.setAttribute('aria-label', 'Your tunes');
  table.innerHTML = '<thead><tr><th>Name</th><th>Type</th><th>Key</th><th>Status</th><th>Added</th></tr></thead>';
  var tbody = document.createElement('tbody');
  table.appendChild(tbody);
  var live = document.createElement('div');
  live.id = 'tt-live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.appendChild(header);
  root.appendChild(tablist);
  root.appendChild(main);
  root.appendChild(live);

  var elements = {};   // key -> element, kept across frames so focus stays
  var rows = {};       // row key -> <tr>

  function place(el, rect) {
    el.style.left = rect[0] + 'px';
    el.style.top = rect[1] + 'px';
    el.style.width = Math.max(1, rect[2]) + 'px';
    el.style.height = Math.max(1, rect[3]) + 'px';
  }

  // A tap at the middle of the item, as a finger would (index.html's pointer path).
  function tap(node) {
    if (node.action) {  // not a place on the canvas: scrolling a panel
      Module.ccall('tt_on_mirror_action', null, ['string'], [node.action]);
      return;
    }
    var canvas = Module.canvas;
    var r = canvas.getBoundingClientRect();
    var scale = canvas.width / r.width;
    var x = (node.rect[0] + node.rect[2] / 2) * scale, y = (node.rect[1] + node.rect[3] / 2) * scale;
    Module.ccall('tt_on_pointer', null, ['number', 'number', 'number', 'number'], [x, y, 2, 0]);
    Module.ccall('tt_on_pointer', null, ['number', 'number', 'number', 'number'], [x, y, 1, 0]);
    Module.ccall('tt_on_pointer', null, ['number', 'number', 'number', 'number'], [x, y, 0, 0]);
  }

  function keyOf(node, index) {
    if (node.key) return 'k:' + node.key;
    if (node.id) return 'i:' + node.id;
    return 't:' + node.role + ':' + node.name + ':' + index;
  }

  function make(node) {
    var el;
    switch (node.role) {
      case 'heading':
        el = document.createElement('h' + Math.min(6, Math.max(1, node.level || 2)));
        break;
      case 'text':
        el = document.createElement('p');
        break;
      case 'searchbox':
        el = document.createElement('input');
        el.type = 'search';
        el.addEventListener('input', function () {
          Module.ccall('tt_on_mirror_search', null, ['string'], [el.value]);
        });
        break;
      case 'textbox':
        // Typing happens in the canvas's own field: activating this one
        // focuses that field.
        el = document.createElement('button');
        break;
      default:
        el = document.createElement('button');
    }
    if (el.tagName === 'BUTTON') {
      el.type = 'button';
      el.addEventListener('click', function (e) {
        e.preventDefault();
        if (el.ttNode && !el.ttNode.disabled) tap(el.ttNode);
      });
    }
    return el;
  }

  function describe(el, node) {
    el.ttNode = node;
    var role = node.role;
    if (role === 'heading' || role === 'text') {
      if (el.textContent !== node.name) el.textContent = node.name;
    } else if (role === 'searchbox') {
      el.setAttribute('aria-label', node.name);
      if (document.activeElement !== el && el.value !== node.value) el.value = node.value || '';
    } else {
      if (el.textContent !== node.name) el.textContent = node.name;
      var aria = { tab: 'tab', radio: 'radio', checkbox: 'checkbox', textbox: 'textbox', combobox: 'combobox' }[role];
      if (aria) el.setAttribute('role', aria); else el.removeAttribute('role');
      if (role === 'tab') el.setAttribute('aria-selected', node.checked ? 'true' : 'false');
      else el.removeAttribute('aria-selected');
      if (role === 'radio' || role === 'checkbox') el.setAttribute('aria-checked', node.checked ? 'true' : 'false');
      else el.removeAttribute('aria-checked');
      // A combobox's name is not taken from its content: name it.
      if (role === 'combobox') {
        el.setAttribute('aria-label', node.name);
        el.setAttribute('aria-haspopup', 'listbox');
        el.setAttribute('aria-expanded', 'false');
      }
      if (node.disabled) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
    }
    if (node.key) el.dataset.key = node.key;
    place(el, node.rect);
  }

  function row(node, index) {
    var key = node.key ? node.key + ':' + node.name : 'row:' + index + ':' + node.name;
    var tr = rows[key];
    if (!tr) {
      tr = document.createElement('tr');
      var name = document.createElement('td');
      var open = document.createElement('button');
      open.type = 'button';
      open.addEventListener('click', function (e) { e.preventDefault(); tap(tr.ttNode); });
      name.appendChild(open);
      tr.appendChild(name);
      for (var i = 0; i < 4; i++) tr.appendChild(document.createElement('td'));
      rows[key] = tr;
    }
    tr.ttNode = node;
    var cells = node.cells || [];
    tr.firstChild.firstChild.textContent = node.name;
    for (var c = 0; c < 4; c++) {
      var td = tr.children[c + 1];
      if (td.textContent !== (cells[c] || '')) td.textContent = cells[c] || '';
    }
    place(tr.firstChild.firstChild, node.rect);
    return { key: key, el: tr };
  }

  // Puts `wanted` (elements) into `parent` in order, moving only what moved,
  // so a focused element is not taken out of the page.
  function arrange(parent, wanted) {
    for (var i = 0; i < wanted.length; i++) {
      if (parent.children[i] !== wanted[i]) parent.insertBefore(wanted[i], parent.children[i] || null);
    }
    while (parent.children.length > wanted.length) parent.removeChild(parent.lastChild);
  }

  function update(json) {
    var nodes;
    try { nodes = JSON.parse(json); } catch (e) { return; }
    var seen = {}, seenRows = {};
    var inHeader = [], inTabs = [], inMain = [], inRows = [];
    var tableAt = -1;
    var passedTabs = false;
    nodes.forEach(function (node, index) {
      if (node.role === 'row') {
        var r = row(node, index);
        seenRows[r.key] = true;
        inRows.push(r.el);
        if (tableAt < 0) { tableAt = inMain.length; inMain.push(table); }
        return;
      }
      var key = keyOf(node, index);
      var el = elements[key];
      if (el && el.ttRole !== node.role) el = null;
      if (!el) { el = make(node); el.ttRole = node.role; elements[key] = el; }
      describe(el, node);
      seen[key] = true;
      if (node.role === 'tab') { inTabs.push(el); passedTabs = true; }
      else if (!passedTabs) inHeader.push(el);
      else inMain.push(el);
    });
    Object.keys(elements).forEach(function (k) { if (!seen[k]) delete elements[k]; });
    Object.keys(rows).forEach(function (k) { if (!seenRows[k]) delete rows[k]; });
    arrange(header, inHeader);
    arrange(tablist, inTabs);
    arrange(tbody, inRows);
    arrange(main, inMain);
  }

  function announce(text) {
    // A changed text is read; the same text twice needs the node emptied first.
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 50);
    window.tunetrack.announced = (window.tunetrack.announced || []).concat([text]).slice(-20);
  }

  // Keys typed in the mirror stay in the mirror: the canvas (GLFW) would
  // otherwise take them as well.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      if (root.contains(e.target)) e.stopImmediatePropagation();
    }, true);
  });

  document.body.appendChild(root);
  Module.ttMirror = { update: update, announce: announce, root: root };
})();
