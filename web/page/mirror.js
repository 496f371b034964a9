// The accessibility mirror: the page draws everything on one canvas, which
// screen readers, the browser's find and translation cannot read. This keeps
// a hidden copy of what the last frame showed in the DOM, with ARIA roles:
// the sections as a tab list, every text field as a real <input> or
// <textarea>, numbers as spin buttons, each list to choose from as a
// combobox with its listbox, the list's rows on screen as a table,
// headings, buttons, checkboxes and choices, and an aria-live region for
// what changes on its own (a sync's progress and result, saves, errors).
// Each element sits exactly over what it mirrors, so a screen reader's touch
// exploration and focus ring land in the right place.
//
// The C++ side (web/accessibility/mirror.cpp) sends the frame's items as JSON
// only when they change. Activating a button (Enter, Space, a screen
// reader's double tap) taps the canvas at that place. A field sends its text
// as it is typed and when it is left or Enter is pressed (the commit), and a
// combobox the entry chosen: the canvas's field or combo takes them in the
// next frame (web/screens/ui_fields.cpp), so the two never disagree.
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
  table.setAttribute('aria-label', 'Your tunes');  // as web/screens/ui_collection.cpp names its table
  table.innerHTML = '<thead><tr aria-rowindex="1"><th>Name</th><th>Type</th><th>Key</th><th>Status</th><th>Added</th></tr></thead>';
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

  var controls = window.ttMirrorControls;  // mirror_controls.js: fields and comboboxes
  var elements = {};   // key -> element, kept across frames so focus stays
  var rows = {};       // tune id -> <tr>

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
      case 'textbox':
      case 'spinbutton':
        el = controls.field(node);
        break;
      case 'combobox':
        el = controls.combobox();
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
    } else if (role === 'searchbox' || role === 'textbox' || role === 'spinbutton') {
      controls.describeField(el, node);
    } else if (role === 'combobox') {
      controls.describeCombobox(el, node);
    } else {
      if (el.textContent !== node.name) el.textContent = node.name;
      var aria = { tab: 'tab', radio: 'radio', checkbox: 'checkbox' }[role];
      if (aria) el.setAttribute('role', aria); else el.removeAttribute('role');
      if (role === 'tab') el.setAttribute('aria-selected', node.checked ? 'true' : 'false');
      else el.removeAttribute('aria-selected');
      if (role === 'radio' || role === 'checkbox') el.setAttribute('aria-checked', node.checked ? 'true' : 'false');
      else el.removeAttribute('aria-checked');
      if (node.disabled) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
    }
    if (node.key) el.dataset.key = node.key;
    place(el, node.rect);
  }

  // The table's rows. A list of up to a couple of thousand tunes is all in
  // the table (mirror_rows_json), so table navigation and find reach tunes
  // off screen; a longer one has the rows on screen. Either way each row
  // says its place (aria-rowindex) and the table its length (aria-rowcount),
  // and a row's button opens its tune by id, on screen or not.
  function rowFor(tune) {
    var tr = rows[tune];
    if (tr) return tr;
    tr = rows[tune] = document.createElement('tr');
    var name = document.createElement('td');
    var open = document.createElement('button');
    open.type = 'button';
    open.addEventListener('click', function (e) {
      e.preventDefault();
      Module.ccall('tt_on_mirror_action', null, ['string'], ['open_tune ' + tune]);
    });
    name.appendChild(open);
    tr.appendChild(name);
    for (var i = 0; i < 4; i++) tr.appendChild(document.createElement('td'));
    offScreen(open);
    return tr;
  }

  function fillRow(tr, row, index) {
    var open = tr.firstChild.firstChild;
    if (open.textContent !== row.name) open.textContent = row.name;
    var cells = row.cells || [];
    for (var c = 0; c < tr.children.length - 1; c++) {
      var td = tr.children[c + 1];
      if (td.textContent !== (cells[c] || '')) td.textContent = cells[c] || '';
    }
    tr.setAttribute('aria-rowindex', String(index + 2));  // the header is row 1
  }

  // A row off screen: in the page for a screen reader and find, over nothing.
  function offScreen(button) { place(button, [0, -100, 1, 1]); }

  // Any other list (the sets, a set's tunes): a table of the rows on screen,
  // each pressed as a tap on it.
  var others = {};  // table name -> { el, tbody, rows: key -> <tr>, wanted, seen }
  function otherTable(name) {
    var t = others[name];
    if (t) return t;
    t = others[name] = { el: document.createElement('table'), tbody: document.createElement('tbody'), rows: {} };
    t.el.setAttribute('aria-label', name);
    t.el.appendChild(t.tbody);
    return t;
  }
  function otherRow(t, node, index) {
    var key = node.name + ':' + index;
    var tr = t.rows[key];
    if (!tr) {
      tr = t.rows[key] = document.createElement('tr');
      var first = document.createElement('td');
      var open = document.createElement('button');
      open.type = 'button';
      open.addEventListener('click', function (e) { e.preventDefault(); tap(tr.ttNode); });
      first.appendChild(open);
      tr.appendChild(first);
    }
    tr.ttNode = node;
    var cells = node.cells || [];
    while (tr.children.length < cells.length + 1) tr.appendChild(document.createElement('td'));
    while (tr.children.length > cells.length + 1) tr.removeChild(tr.lastChild);
    fillRow(tr, node, -1);
    tr.removeAttribute('aria-rowindex');
    place(tr.firstChild.firstChild, node.rect);
    t.wanted.push(tr);
    t.seen[key] = true;
  }

  var list = { total: 0, rows: [] };  // the last mirror_rows_json
  var placed = [];                     // row buttons placed over the canvas by the last frame
  function wholeList() { return list.rows.length > 0 && list.rows.length === list.total; }

  function takeRows(json) {
    try { list = JSON.parse(json); } catch (e) { return; }
    table.setAttribute('aria-rowcount', String(list.total + 1));
    if (!wholeList()) return;  // the frames' rows fill the table
    var wanted = [], seen = {};
    list.rows.forEach(function (row, index) {
      var tr = rowFor(row.tune);
      fillRow(tr, row, index);
      wanted.push(tr);
      seen[row.tune] = true;
    });
    Object.keys(rows).forEach(function (k) { if (!seen[k]) delete rows[k]; });
    arrange(tbody, wanted);
  }

  // Puts `wanted` (elements) into `parent` in order. What goes is removed
  // first, so an element that stays is moved only when the order itself
  // changed: moving the focused element would take the focus (and a screen
  // reader's place) away to the page's start.
  function arrange(parent, wanted) {
    var keep = new Set(wanted);
    for (var k = parent.children.length - 1; k >= 0; k--) {
      if (!keep.has(parent.children[k])) parent.removeChild(parent.children[k]);
    }
    var focused = document.activeElement;
    for (var i = 0; i < wanted.length; i++) {
      if (parent.children[i] !== wanted[i]) parent.insertBefore(wanted[i], parent.children[i] || null);
    }
    if (focused && focused !== document.activeElement && parent.contains(focused)) focused.focus({ preventScroll: true });
  }

  function update(json) {
    var nodes;
    try { nodes = JSON.parse(json); } catch (e) { return; }
    var seen = {}, seenRows = {};
    var inHeader = [], inTabs = [], inMain = [], inRows = [], placedNow = [];
    var passedTabs = false;
    var current = null, shownOthers = [];  // the other table the rows that follow belong to
    nodes.forEach(function (node, index) {
      if (node.role === 'option') return;  // an open combo's entry: its combobox's listbox has it
      if (node.role === 'table' && node.name === table.getAttribute('aria-label')) {
        current = null;
        inMain.push(table);
        return;
      }
      if (node.role === 'table' || (node.role === 'row' && !node.tune && !current)) {
        current = otherTable(node.role === 'table' ? node.name : 'List');
        current.wanted = [];
        current.seen = {};
        shownOthers.push(current);
        inMain.push(current.el);
        if (node.role === 'table') return;
      }
      if (node.role === 'row' && !node.tune) {
        otherRow(current, node, index);
        return;
      }
      if (node.role === 'row') {
        var tr = rowFor(node.tune);
        if (!wholeList()) {
          fillRow(tr, node, node.index);
          inRows.push(tr);
          seenRows[node.tune] = true;
        }
        place(tr.firstChild.firstChild, node.rect);
        placedNow.push(tr.firstChild.firstChild);
        return;
      }
      var key = keyOf(node, index);
      var el = elements[key];
      if (el && el.ttRole !== node.role) el = null;
      if (el && (el.tagName === 'TEXTAREA') !== !!node.multiline) el = null;
      if (!el) { el = make(node); el.ttRole = node.role; elements[key] = el; }
      describe(el, node);
      seen[key] = true;
      if (node.role === 'tab') { inTabs.push(el); passedTabs = true; }
      else if (!passedTabs) inHeader.push(el);
      else inMain.push(el);
    });
    Object.keys(elements).forEach(function (k) { if (!seen[k]) delete elements[k]; });
    placed.forEach(function (button) { if (placedNow.indexOf(button) < 0) offScreen(button); });
    placed = placedNow;
    if (!wholeList()) {
      Object.keys(rows).forEach(function (k) { if (!seenRows[k]) delete rows[k]; });
      arrange(tbody, inRows);
    }
    shownOthers.forEach(function (t) {
      Object.keys(t.rows).forEach(function (k) { if (!t.seen[k]) delete t.rows[k]; });
      arrange(t.tbody, t.wanted);
    });
    arrange(header, inHeader);
    arrange(tablist, inTabs);
    arrange(main, inMain);
  }

  function announce(text) {
    // A changed text is read; the same text twice needs the node emptied first.
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 50);
    window.tunetrack.announced = (window.tunetrack.announced || []).concat([text]).slice(-20);
  }

  // Keys typed in the mirror stay in the mirror: the canvas (GLFW, which
  // listens on the window before anything else) would otherwise take them as
  // well. Stopping them here stops the element's own listeners too, so an
  // element's key handling is its ttKeydown, called from here; what the
  // browser does with a key (typing, a button's Enter) still happens.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      if (!root.contains(e.target)) return;
      e.stopImmediatePropagation();
      if (type === 'keydown' && e.target.ttKeydown) e.target.ttKeydown(e);
    }, true);
  });

  document.body.appendChild(root);
  // The list changed: its rows are asked for once it has stayed still for a
  // moment (typing a search changes it on every key; a long list's table is
  // rebuilt once, out of the frames that draw the typing).
  var rowsTimer = 0;
  function rowsChanged() {
    clearTimeout(rowsTimer);
    rowsTimer = setTimeout(function () { takeRows(Module.ccall('tt_mirror_rows', 'string', [], [])); }, 150);
  }

  Module.ttMirror = { update: update, rowsChanged: rowsChanged, announce: announce, root: root };
})();
