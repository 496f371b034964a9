// The accessibility mirror: the page draws everything on one canvas, which
// screen readers, the browser's find and translation cannot read. This keeps
// a hidden copy of what the last frame showed in the DOM, with ARIA roles:
// the sections as a tab list, every text field as a real <input> or
// <textarea>, numbers as spin buttons, each list to choose from as a
// combobox with its listbox, the lists as tables (mirror_tables.js),
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
    if (node.description) el.setAttribute('aria-description', node.description);
    else el.removeAttribute('aria-description');
    if (node.key) el.dataset.key = node.key;
    place(el, node.rect);
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

  // mirror_tables.js: the collection's table and the other lists.
  var tables = window.ttMirrorTables.create({ place: place, arrange: arrange, tap: tap });

  function update(json) {
    var nodes;
    try { nodes = JSON.parse(json); } catch (e) { return; }
    var seen = {};
    var inHeader = [], inTabs = [], inMain = [];
    var passedTabs = false;
    tables.begin(inMain);
    nodes.forEach(function (node, index) {
      if (node.role === 'option') return;  // an open combo's entry: its combobox's listbox has it
      if (tables.take(node, index)) return;
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
    tables.end();
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
    rowsTimer = setTimeout(function () { tables.takeRows(Module.ccall('tt_mirror_rows', 'string', [], [])); }, 150);
  }

  Module.ttMirror = { update: update, rowsChanged: rowsChanged, announce: announce, root: root };
})();
