// The accessibility mirror's controls that do more than a tap (web/page/
// mirror.js builds the rest): a real text field, search field or spin
// button, and a combobox with its listbox. What they do goes to the canvas's
// field or combo, which takes it in the next frame (web/accessibility/
// mirror_input.h, web/screens/ui_fields.cpp), so the two never disagree.
(function () {
  'use strict';
  var lists = 0;  // for each listbox's id

  // A text field, search field or spin button: its text goes to the canvas's
  // field as typed (an IME's composition once it is done), and as the commit
  // when it is left or Enter is pressed.
  function field(node) {
    var el;
    if (node.multiline) {
      el = document.createElement('textarea');
    } else {
      el = document.createElement('input');
      el.type = node.role === 'searchbox' ? 'search' : node.role === 'spinbutton' ? 'number' : node.secret ? 'password' : 'text';
    }
    if (node.digits) el.inputMode = 'numeric';
    var composing = false;
    function send(done) {
      var n = el.ttNode;
      if (!n || n.disabled) return;
      Module.ccall('tt_on_mirror_text', null, ['number', 'string', 'number'], [n.id, el.value, done ? 1 : 0]);
    }
    el.addEventListener('compositionstart', function () { composing = true; });
    el.addEventListener('compositionend', function () { composing = false; send(false); });
    el.addEventListener('input', function (e) { if (!composing && !e.isComposing) send(false); });
    el.addEventListener('blur', function () { send(true); });
    el.ttKeydown = function (e) {
      if (e.key === 'Enter' && el.tagName === 'INPUT' && !e.isComposing) send(true);
    };
    return el;
  }

  function describeField(el, node) {
    el.setAttribute('aria-label', node.name);
    // What the canvas holds, unless the musician is typing here; a field that
    // now stands for another (another tune's notes) takes its text even so.
    var other = el.ttFieldId !== node.id;
    el.ttFieldId = node.id;
    if ((other || document.activeElement !== el) && el.value !== (node.value || '')) el.value = node.value || '';
    if (node.role === 'spinbutton' && node.range) {
      el.min = node.range[0];
      el.max = node.range[1];
    }
    el.disabled = !!node.disabled;
  }

  // A combobox (the ARIA pattern): a button that opens its listbox, where
  // Up and Down move, Enter or a click chooses and Escape closes; focus stays
  // on the combobox, which names the active entry.
  function combobox() {
    var wrap = document.createElement('div');
    wrap.className = 'tt-combo';
    var box = document.createElement('button');
    box.type = 'button';
    box.setAttribute('role', 'combobox');
    box.setAttribute('aria-haspopup', 'listbox');
    var list = document.createElement('div');
    list.setAttribute('role', 'listbox');
    list.id = 'tt-list-' + (++lists);
    box.setAttribute('aria-controls', list.id);
    wrap.appendChild(box);
    wrap.appendChild(list);
    wrap.ttOpen = false;
    wrap.ttActive = -1;
    function options() { return (wrap.ttNode && wrap.ttNode.options) || []; }
    function show(open, active) {
      wrap.ttOpen = open;
      wrap.ttActive = open ? Math.max(0, Math.min(options().length - 1, active)) : -1;
      describeCombobox(wrap, wrap.ttNode);
    }
    wrap.ttChoose = function (index) {
      var n = wrap.ttNode;
      show(false, -1);
      box.focus();
      if (!n || n.disabled) return;
      var label = (n.options || [])[index];
      if (label !== undefined) Module.ccall('tt_on_mirror_choice', null, ['number', 'string'], [n.id, label]);
    };
    box.addEventListener('click', function (e) {
      e.preventDefault();
      if (wrap.ttNode && wrap.ttNode.disabled) return;
      show(!wrap.ttOpen, wrap.ttNode ? wrap.ttNode.selected : 0);
    });
    box.ttKeydown = function (e) {
      var count = options().length, at = wrap.ttActive;
      var selected = wrap.ttNode ? wrap.ttNode.selected : 0;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        var step = e.key === 'ArrowDown' ? 1 : -1;
        show(true, wrap.ttOpen ? at + step : (e.altKey ? selected : selected + (selected < 0 ? 1 : step)));
      } else if (e.key === 'Home' && wrap.ttOpen) {
        show(true, 0);
      } else if (e.key === 'End' && wrap.ttOpen) {
        show(true, count - 1);
      } else if ((e.key === 'Enter' || e.key === ' ') && wrap.ttOpen) {
        if (at >= 0) wrap.ttChoose(at); else show(false, -1);
      } else if (e.key === 'Escape' && wrap.ttOpen) {
        show(false, -1);
      } else {
        return;
      }
      e.preventDefault();
    };
    box.addEventListener('blur', function () {
      // Focus leaving for anything but one of its own entries closes it.
      setTimeout(function () { if (!wrap.contains(document.activeElement) && wrap.ttOpen) show(false, -1); }, 0);
    });
    return wrap;
  }

  function describeCombobox(wrap, node) {
    var box = wrap.firstChild, list = wrap.lastChild;
    var labels = node.options || [];
    box.setAttribute('aria-label', node.name);
    if (box.textContent !== node.value) box.textContent = node.value || '';
    if (list.ttLabels !== JSON.stringify(labels)) {
      list.ttLabels = JSON.stringify(labels);
      list.textContent = '';
      labels.forEach(function (label, i) {
        var option = document.createElement('div');
        option.setAttribute('role', 'option');
        option.id = list.id + '-' + i;
        option.textContent = label;
        option.addEventListener('mousedown', function (e) { e.preventDefault(); });  // focus stays on the combobox
        option.addEventListener('click', function (e) { e.preventDefault(); wrap.ttChoose(i); });
        list.appendChild(option);
      });
      if (wrap.ttActive >= labels.length) wrap.ttActive = labels.length - 1;
    }
    var open = wrap.ttOpen || !!node.expanded;
    box.setAttribute('aria-expanded', open ? 'true' : 'false');
    list.hidden = !open;
    for (var i = 0; i < list.children.length; i++) {
      var option = list.children[i];
      option.setAttribute('aria-selected', i === node.selected ? 'true' : 'false');
      option.style.height = Math.max(1, node.rect[3]) + 'px';
    }
    if (open && wrap.ttActive >= 0 && list.children[wrap.ttActive]) {
      box.setAttribute('aria-activedescendant', list.children[wrap.ttActive].id);
    } else {
      box.removeAttribute('aria-activedescendant');
    }
    if (node.disabled) box.setAttribute('aria-disabled', 'true'); else box.removeAttribute('aria-disabled');
  }

  window.ttMirrorControls = { field: field, describeField: describeField, combobox: combobox, describeCombobox: describeCombobox };
})();
