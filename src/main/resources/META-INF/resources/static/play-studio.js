// The play studio's editor: insert a sentence of plays.dsl at the caret's line (keyboard: Ctrl+Space to the
// sentence field, Enter to insert, Escape back), jump to an error's line, and keep the textarea as tall as its text.
(function () {
  const source = document.getElementById('source');
  const sentence = document.getElementById('sentence');
  const insert = document.getElementById('insert-sentence');
  if (!source || !sentence) {
    return;
  }

  function lineBounds(text, at) {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const end = text.indexOf('\n', at);
    return [start, end < 0 ? text.length : end];
  }

  function insertSentence() {
    const words = sentence.value.trim();
    if (!words) {
      return;
    }
    const text = source.value;
    const [start, end] = lineBounds(text, source.selectionStart);
    const line = text.slice(start, end);
    const indent = line.match(/^\s*/)[0] || '    ';
    let at;
    let updated;
    if (line.trim() === '') {
      updated = text.slice(0, start) + indent + words + text.slice(end);
      at = start + indent.length;
    } else {
      updated = text.slice(0, end) + '\n' + indent + words + text.slice(end);
      at = end + 1 + indent.length;
    }
    source.value = updated;
    source.focus();
    const placeholder = words.indexOf('{');
    if (placeholder >= 0) {
      source.setSelectionRange(at + placeholder, at + words.indexOf('}', placeholder) + 1);
    } else {
      source.setSelectionRange(at + words.length, at + words.length);
    }
    sentence.value = '';
    grow();
    source.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  }

  function goTo(line, column) {
    const lines = source.value.split('\n');
    let at = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) {
      at += lines[i].length + 1;
    }
    at += Math.max(0, Math.min(column - 1, (lines[line - 1] || '').length));
    source.focus();
    source.setSelectionRange(at, at);
  }

  // Between two checks the margin follows the text's lines; the marks are those of the last check.
  function grow() {
    const count = source.value.split('\n').length;
    source.rows = Math.max(16, count + 2);
    const gutter = document.getElementById('gutter');
    const shown = gutter.children.length;
    for (let n = shown + 1; n <= count; n++) {
      const line = document.createElement('span');
      line.textContent = String(n);
      gutter.append(line, '\n');
    }
    while (gutter.children.length > count) {
      gutter.lastElementChild.nextSibling && gutter.lastElementChild.nextSibling.remove();
      gutter.lastElementChild.remove();
    }
  }

  insert.addEventListener('click', insertSentence);
  sentence.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      insertSentence();
    } else if (e.key === 'Escape') {
      source.focus();
    }
  });
  // Tab selects the next {placeholder} of the caret's line when there is one; otherwise it leaves the editor.
  function nextPlaceholder() {
    const text = source.value;
    const [, end] = lineBounds(text, source.selectionEnd);
    const open = text.indexOf('{', source.selectionEnd);
    const close = open < 0 ? -1 : text.indexOf('}', open);
    if (open < 0 || close < 0 || close > end) {
      return false;
    }
    source.setSelectionRange(open, close + 1);
    return true;
  }

  source.addEventListener('keydown', (e) => {
    if (e.key === ' ' && e.ctrlKey) {
      e.preventDefault();
      sentence.focus();
    } else if (e.key === 'Tab' && !e.shiftKey && nextPlaceholder()) {
      e.preventDefault();
    }
  });
  source.addEventListener('input', grow);
  document.addEventListener('click', (e) => {
    const target = e.target.closest('button.goto');
    if (target) {
      goTo(Number(target.dataset.line), Number(target.dataset.column));
    }
  });
  document.body.addEventListener('htmx:afterSwap', (e) => {
    if (e.detail.target.id === 'check') {
      const wrong = e.detail.target.querySelector('li.error');
      if (wrong) {
        source.setAttribute('aria-invalid', 'true');
      } else {
        source.removeAttribute('aria-invalid');
      }
    }
  });
})();
