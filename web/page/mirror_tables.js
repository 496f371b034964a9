// The accessibility mirror's tables (web/page/mirror.js builds the rest).
//
// The collection's table: a list of up to a couple of thousand tunes is all
// in it (tt_mirror_rows, asked for once the list stays still), so table
// navigation and find reach tunes off screen; a longer one has the rows the
// frame shows. Either way each row says its place (aria-rowindex) and the
// table its length (aria-rowcount), and a row's button opens its tune by id,
// on screen or not. Only one row's button is in the Tab order (the one last
// used): Up, Down, Home and End move between rows, so Tab leaves the table
// in one press instead of two thousand.
//
// Any other list (the sets, a set's tunes): a table of the rows on screen,
// each pressed as a tap on it.
(function () {
  'use strict';

  // `layout` is mirror.js's: place(el, rect), arrange(parent, wanted), tap(node).
  function create(layout) {
    var table = document.createElement('table');
    table.setAttribute('aria-label', 'Your tunes');  // as web/screens/ui_collection.cpp names its table
    table.innerHTML = '<thead><tr aria-rowindex="1"><th>Name</th><th>Type</th><th>Key</th><th>Status</th><th>Added</th></tr></thead>';
    var tbody = document.createElement('tbody');
    table.appendChild(tbody);
    var rows = {};                       // tune id -> <tr>
    var list = { total: 0, rows: [] };   // the last tt_mirror_rows
    var frameRows = [];                  // the collection's row nodes in the last frame
    var placed = [];                     // row buttons placed over the canvas by the last frame
    var others = {};                     // table name -> { el, tbody, rows: key -> <tr> }
    var tabStop = null;                  // the row button in the Tab order
    function wholeList() { return list.rows.length > 0 && list.rows.length === list.total; }

    // A row off screen: in the page for a screen reader and find, over nothing.
    function offScreen(button) { layout.place(button, [0, -100, 1, 1]); }

    function rowButton(onClick, onFocus) {
      var open = document.createElement('button');
      open.type = 'button';
      open.tabIndex = -1;
      open.addEventListener('click', function (e) { e.preventDefault(); onClick(); });
      open.addEventListener('focus', function () { takeTabStop(open); if (onFocus) onFocus(open); });
      open.ttKeydown = function (e) { moveBetweenRows(open, e); };
      return open;
    }

    function takeTabStop(button) {
      if (tabStop === button) return;
      if (tabStop) tabStop.tabIndex = -1;
      tabStop = button;
      button.tabIndex = 0;
    }

    // Up/Down/Home/End from a row's button to another row's, in its table.
    function moveBetweenRows(button, e) {
      var tr = button.parentNode.parentNode, body = tr.parentNode;
      var to = { ArrowDown: tr.nextSibling, ArrowUp: tr.previousSibling, Home: body.firstChild, End: body.lastChild }[e.key];
      if (!to) return;
      e.preventDefault();
      to.firstChild.firstChild.focus();
    }

    // The Tab stop stays on a row still in a table; else the first row has it.
    function keepTabStop() {
      if (tabStop && tabStop.isConnected) return;
      tabStop = null;
      var first = tbody.firstChild || Object.keys(others).map(function (n) { return others[n].tbody.firstChild; }).filter(Boolean)[0];
      if (first) takeTabStop(first.firstChild.firstChild);
    }

    function rowFor(tune) {
      var tr = rows[tune];
      if (tr) return tr;
      tr = rows[tune] = document.createElement('tr');
      var name = document.createElement('td');
      name.appendChild(rowButton(function () {
        Module.ccall('tt_on_mirror_action', null, ['string'], ['open_tune ' + tune]);
      }, showOnCanvas));
      tr.appendChild(name);
      for (var i = 0; i < 4; i++) tr.appendChild(document.createElement('td'));
      offScreen(tr.firstChild.firstChild);
      return tr;
    }

    // `rowIndex`: its aria-rowindex (1 first), or 0 when it has none.
    // A row the keyboard reached off the canvas: the list scrolls to it, so
    // a sighted keyboard user sees where they are.
    function showOnCanvas(button) {
      var rowIndex = parseInt(button.parentNode.parentNode.getAttribute('aria-rowindex'), 10);
      if (parseFloat(button.style.top) < 0 && rowIndex >= 2) {
        Module.ccall('tt_on_mirror_action', null, ['string'], ['show_row ' + (rowIndex - 2)]);  // the header is row 1
      }
    }

    function fillRow(tr, row, rowIndex) {
      var open = tr.firstChild.firstChild;
      if (open.textContent !== row.name) open.textContent = row.name;
      var cells = row.cells || [];
      while (tr.children.length < cells.length + 1) tr.appendChild(document.createElement('td'));
      for (var c = 0; c < tr.children.length - 1; c++) {
        var td = tr.children[c + 1];
        if (td.textContent !== (cells[c] || '')) td.textContent = cells[c] || '';
      }
      if (rowIndex > 0) tr.setAttribute('aria-rowindex', String(rowIndex));
      else tr.removeAttribute('aria-rowindex');
    }

    // The collection's rows in the table: the whole list, or the frame's.
    function fillCollection() {
      var wanted = [], seen = {};
      var source = wholeList() ? list.rows : frameRows;
      source.forEach(function (row, i) {
        var tr = rowFor(row.tune);
        fillRow(tr, row, (wholeList() ? i : row.index) + 2);  // the header is row 1
        wanted.push(tr);
        seen[row.tune] = true;
      });
      Object.keys(rows).forEach(function (k) { if (!seen[k]) delete rows[k]; });
      layout.arrange(tbody, wanted);
      keepTabStop();
    }

    function takeRows(json) {
      try { list = JSON.parse(json); } catch (e) { return; }
      table.setAttribute('aria-rowcount', String(list.total + 1));
      fillCollection();
    }

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
        first.appendChild(rowButton(function () { layout.tap(tr.ttNode); }));
        tr.appendChild(first);
      }
      tr.ttNode = node;
      var cells = node.cells || [];
      while (tr.children.length > cells.length + 1) tr.removeChild(tr.lastChild);
      fillRow(tr, node, node.index === undefined ? 0 : node.index + 1);  // no header
      layout.place(tr.firstChild.firstChild, node.rect);
      t.wanted.push(tr);
      t.seen[key] = true;
    }

    // One frame: begin(), then take(node, index) for each node (true when it
    // was a table's or a row's, whose table goes into `inMain`), then end().
    var frame = null;
    function begin(inMain) {
      frame = { inMain: inMain, current: null, shown: [], rows: [], placed: [] };
    }
    function take(node, index) {
      if (node.role === 'table' && node.name === table.getAttribute('aria-label')) {
        frame.current = null;
        table.setAttribute('aria-rowcount', String(node.rows + 1));  // and the header
        frame.inMain.push(table);
        return true;
      }
      if (node.role === 'table' || (node.role === 'row' && !node.tune && !frame.current)) {
        var t = frame.current = otherTable(node.role === 'table' ? node.name : 'List');
        t.wanted = [];
        t.seen = {};
        frame.shown.push(t);
        frame.inMain.push(t.el);
        if (node.role === 'table') t.el.setAttribute('aria-rowcount', String(node.rows));
        if (node.role === 'table') return true;
      }
      if (node.role !== 'row') return false;
      if (!node.tune) {
        otherRow(frame.current, node, index);
        return true;
      }
      frame.rows.push(node);
      var button = rowFor(node.tune).firstChild.firstChild;
      layout.place(button, node.rect);
      frame.placed.push(button);
      return true;
    }
    function end() {
      placed.forEach(function (button) { if (frame.placed.indexOf(button) < 0) offScreen(button); });
      placed = frame.placed;
      frameRows = frame.rows;
      if (!wholeList()) fillCollection();
      frame.shown.forEach(function (t) {
        Object.keys(t.rows).forEach(function (k) { if (!t.seen[k]) delete t.rows[k]; });
        layout.arrange(t.tbody, t.wanted);
      });
      keepTabStop();
      frame = null;
    }

    return { begin: begin, take: take, end: end, takeRows: takeRows };
  }

  window.ttMirrorTables = { create: create };
})();
