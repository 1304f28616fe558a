// The report's behaviour: posts drawn from their JSON as they come into
// view, the source pane, the filter and the keys. Text goes in with
// textContent only, never as markup.
(function () {
  'use strict';
  var KINDS = JSON.parse(document.getElementById('kinds').textContent);
  var articles = document.getElementsByTagName('article');
  var cache = new Map();
  var drawn = new Map();
  var shownArticle = null;
  var current = null;

  function data(article) {
    var d = cache.get(article);
    if (!d) {
      d = JSON.parse(article.querySelector('script[type="application/json"]').textContent);
      cache.set(article, d);
    }
    return d;
  }

  function node(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // A parsed piece of text, [element, text], tied to its element.
  function part(ctx, tag, cls, t, role) {
    var e = node(tag, cls, t[1]);
    if (role) e.dataset.role = role;
    tie(ctx, e, t[0]);
    return e;
  }

  function tie(ctx, e, index) {
    if (index >= 0) {
      e.dataset.e = index;
      if (!ctx.nodes[index]) ctx.nodes[index] = e;
    }
  }

  function blocks(ctx, parent, list) {
    list.forEach(function (b) {
      if (b.k === 'paragraph') parent.appendChild(part(ctx, 'p', 'paragraph', b.t));
      else if (b.k === 'separator') parent.appendChild(part(ctx, 'p', 'separator', b.t));
      else if (b.k === 'furniture') parent.appendChild(part(ctx, 'p', 'furniture', b.t));
      else if (b.k === 'list') {
        var ul = node('ul', 'list');
        b.items.forEach(function (t) { ul.appendChild(part(ctx, 'li', null, t)); });
        parent.appendChild(ul);
      } else if (b.k === 'letter') parent.appendChild(letter(ctx, b));
    });
  }

  // A date as written, with its ISO 8601 reading after it, if any.
  function dated(e, iso) {
    if (iso) {
      var time = node('time', null, iso);
      time.setAttribute('datetime', iso);
      e.appendChild(time);
    }
    return e;
  }

  function letter(ctx, l) {
    var box = node('div', 'letter');
    if (l.sent) box.appendChild(dated(part(ctx, 'p', 'sent', l.sent, 'date'), l.iso));
    l.headers.forEach(function (h) {
      box.appendChild(dated(part(ctx, 'p', 'email-header', h.value, h.field), h.iso));
    });
    if (l.salutation) box.appendChild(part(ctx, 'p', 'salutation', l.salutation, 'salutation'));
    if (l.subject) box.appendChild(part(ctx, 'p', 'subject', l.subject, 'subject'));
    blocks(ctx, box, l.body);
    if (l.valediction) box.appendChild(part(ctx, 'p', 'valediction', l.valediction, 'valediction'));
    if (l.signer) box.appendChild(part(ctx, 'p', 'signer', l.signer, 'signer'));
    l.roles.forEach(function (r) { box.appendChild(part(ctx, 'p', 'role', r, 'role')); });
    return box;
  }

  function comment(ctx, c) {
    var li = node('li', 'comment');
    var det = node('details');
    det.open = true;
    var sum = node('summary');
    var num = node('span', 'num', c.n + '.');
    tie(ctx, num, c.lead);
    sum.appendChild(num);
    if (c.author) { sum.appendChild(document.createTextNode(' ')); sum.appendChild(part(ctx, 'span', 'author', c.author)); }
    if (c.posted) { sum.appendChild(document.createTextNode(' ')); sum.appendChild(part(ctx, 'span', 'posted', c.posted)); }
    if (c.signature) sum.appendChild(node('span', 'sig', ' \u2014 ' + c.signature[1]));
    if (c.replies.length) sum.appendChild(node('span', 'posted', ' \u00b7 ' + c.replies.length + (c.replies.length === 1 ? ' reply' : ' replies')));
    det.appendChild(sum);
    c.paragraphs.forEach(function (p) { det.appendChild(part(ctx, 'p', 'paragraph', p)); });
    if (c.signature) det.appendChild(part(ctx, 'p', 'sig', c.signature));
    if (c.replies.length) {
      var ol = node('ol', 'replies');
      c.replies.forEach(function (r) { ol.appendChild(comment(ctx, r)); });
      det.appendChild(ol);
    }
    li.appendChild(det);
    return li;
  }

  function thread(ctx, parent, t) {
    var det = node('details', 'thread');
    var total = 0;
    (function count(list) { list.forEach(function (c) { total += 1; count(c.replies); }); })(t.items);
    var label = total + (total === 1 ? ' comment' : ' comments');
    if (t.declared != null) label += ' (the header says ' + t.declared + ')';
    var sum = node('summary', null, label);
    tie(ctx, sum, t.header);
    det.appendChild(sum);
    var ol = node('ol', 'comments');
    t.items.forEach(function (c) { ol.appendChild(comment(ctx, c)); });
    det.appendChild(ol);
    t.stray.forEach(function (p) { det.appendChild(part(ctx, 'p', 'stray', p)); });
    parent.appendChild(det);
  }

  function draw(article) {
    if (drawn.has(article)) return drawn.get(article);
    var d = data(article);
    var ctx = { nodes: [] };
    var body = article.querySelector('.body');
    var h2 = article.querySelector('h2');
    d.el.forEach(function (e, i) {
      var kind = KINDS[e[0]];
      if (kind === 'header' || kind === 'title') {
        var h = h2.querySelector('[data-kind="' + kind + '"]');
        if (h && !h.dataset.e) tie(ctx, h, i);
      }
    });
    blocks(ctx, body, d.body);
    if (d.comments) thread(ctx, body, d.comments);
    d.furniture.forEach(function (f) { body.appendChild(part(ctx, 'p', 'furniture', f)); });
    d.diags.forEach(function (g) {
      var note = node('div', 'diag ' + g.severity, g.severity + ' (' + g.kind + '), line ' + (d.line + g.line) + ': ' + g.message);
      note.dataset.line = d.line + g.line;
      var i = g.e;
      while (i >= 0 && !ctx.nodes[i]) i -= 1;
      var at = i >= 0 ? ctx.nodes[i] : null;
      // Before a thread (its summary's element), not hidden inside it.
      if (at && at.tagName === 'SUMMARY') at.parentNode.before(note);
      else if (at && at.closest('.body') === body) at.after(note);
      else body.insertBefore(note, body.firstChild);
    });
    drawn.set(article, ctx);
    if (window.blogExportFirstDraw === undefined && article === articles[0]) {
      window.blogExportFirstDraw = performance.now();
    }
    return ctx;
  }

  // The source pane: the article's text, each element's range marked by
  // its kind.
  function showSource(article) {
    if (shownArticle === article) return;
    shownArticle = article;
    var d = data(article);
    var pre = document.getElementById('src');
    pre.textContent = '';
    var lines = d.src.split('\n');
    var at = 0;
    var j = 0;
    var frag = document.createDocumentFragment();
    lines.forEach(function (text, n) {
      var start = at;
      var end = at + text.length;
      var div = node('div', 'line');
      div.dataset.n = d.line + n;
      while (j < d.el.length && d.el[j][2] <= start) j += 1;
      var pos = start;
      for (var k = j; k < d.el.length && d.el[k][1] < end; k++) {
        var e = d.el[k];
        var s = Math.max(e[1], start);
        var t = Math.min(e[2], end);
        if (t <= s) continue;
        if (s > pos) div.appendChild(document.createTextNode(d.src.slice(pos, s)));
        var span = node('span', 'k-' + KINDS[e[0]], d.src.slice(s, t));
        span.dataset.e = k;
        span.title = KINDS[e[0]];
        div.appendChild(span);
        pos = t;
      }
      if (end > pos) div.appendChild(document.createTextNode(d.src.slice(pos, end)));
      frag.appendChild(div);
      at = end + 1;
    });
    pre.appendChild(frag);
    var h2 = article.querySelector('h2');
    document.getElementById('source-head').textContent = 'Source: ' + h2.textContent + ', from line ' + d.line;
  }

  function clearSelection() {
    document.querySelectorAll('.sel, .hl').forEach(function (e) { e.classList.remove('sel', 'hl'); });
  }

  function lineOf(n) {
    return document.querySelector('#src .line[data-n="' + n + '"]');
  }

  function reveal(e) {
    for (var p = e.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS') p.open = true;
    }
  }

  // A parsed part clicked: its lines in the source.
  function selectElement(article, index) {
    var ctx = draw(article);
    showSource(article);
    clearSelection();
    var spans = document.querySelectorAll('#src [data-e="' + index + '"]');
    spans.forEach(function (s) { s.classList.add('sel'); s.parentElement.classList.add('hl'); });
    if (spans.length) spans[0].scrollIntoView({ block: 'center' });
    var n = ctx.nodes[index];
    if (n) n.classList.add('sel');
    setCurrent(article);
  }

  // A source line clicked: the part it belongs to, in the post.
  function selectLine(line, target) {
    var article = shownArticle;
    var ctx = draw(article);
    var index = target && target.dataset.e ? +target.dataset.e : -1;
    if (index < 0) {
      var span = line.querySelector('[data-e]');
      if (span) index = +span.dataset.e;
    }
    clearSelection();
    line.classList.add('hl');
    if (index < 0) return;
    document.querySelectorAll('#src [data-e="' + index + '"]').forEach(function (s) { s.classList.add('sel'); });
    var i = index;
    while (i >= 0 && !ctx.nodes[i]) i -= 1;
    var n = i >= 0 ? ctx.nodes[i] : article.querySelector('h2');
    reveal(n);
    n.classList.add('sel');
    n.scrollIntoView({ block: 'center' });
  }

  // A diagnostic clicked: its line in the source.
  function showLine(article, n) {
    draw(article);
    showSource(article);
    clearSelection();
    var line = lineOf(n);
    if (line) {
      line.classList.add('hl');
      line.scrollIntoView({ block: 'center' });
    }
    setCurrent(article);
  }

  function setCurrent(article) {
    if (current) current.classList.remove('current');
    current = article;
    if (current) current.classList.add('current');
  }

  function step(dir) {
    var a = current;
    if (!a) {
      a = articles[0];
      for (var i = 0; i < articles.length; i++) {
        if (!articles[i].hidden && articles[i].getBoundingClientRect().bottom > 0) { a = articles[i]; break; }
      }
      dir = 0;
    }
    var next = a;
    while (dir && next) {
      next = dir > 0 ? next.nextElementSibling : next.previousElementSibling;
      if (next && !next.hidden) break;
    }
    if (!next) return;
    draw(next);
    setCurrent(next);
    next.scrollIntoView({ block: 'start' });
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var diag = t.closest('.diag-link, .diag');
    if (diag) {
      var article = diag.classList.contains('diag-link')
        ? document.getElementById('s' + diag.dataset.segment)
        : diag.closest('article');
      if (article) {
        ev.preventDefault();
        if (diag.classList.contains('diag-link')) article.scrollIntoView({ block: 'start' });
        showLine(article, diag.dataset.line);
      }
      return;
    }
    var line = t.closest('#src .line');
    if (line) { selectLine(line, t.closest('[data-e]')); return; }
    var part = t.closest('article [data-e]');
    if (part) {
      // A thread's summary opens or closes as well; a part inside a
      // comment's summary (number, author, time) only shows its source.
      if (part.tagName !== 'SUMMARY') ev.preventDefault();
      selectElement(part.closest('article'), +part.dataset.e);
    }
  });

  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'j' || ev.key === 'ArrowDown') { ev.preventDefault(); step(1); }
    else if (ev.key === 'k' || ev.key === 'ArrowUp') { ev.preventDefault(); step(-1); }
  });

  var timer = 0;
  function filter() {
    var q = document.getElementById('filter').value.trim().toLowerCase();
    var shown = 0;
    for (var i = 0; i < articles.length; i++) {
      var a = articles[i];
      var hit = !q || a.querySelector('h2').textContent.toLowerCase().indexOf(q) >= 0 ||
        data(a).src.toLowerCase().indexOf(q) >= 0;
      a.hidden = !hit;
      if (hit) shown += 1;
    }
    document.getElementById('shown').textContent = q ? shown + ' of ' + articles.length + ' shown' : '';
  }
  document.addEventListener('input', function (ev) {
    if (ev.target && ev.target.id === 'filter') {
      clearTimeout(timer);
      timer = setTimeout(filter, 150);
    }
  });

  // Posts are drawn as they come near the screen, from the first one the
  // parser hands over (the page may still be loading).
  var seen = 0;
  var io = new IntersectionObserver(function (entries) {
    entries.forEach(function (en) {
      if (en.isIntersecting) { draw(en.target); io.unobserve(en.target); }
    });
  }, { rootMargin: '1000px 0px' });
  function watch() {
    for (; seen < articles.length; seen++) io.observe(articles[seen]);
    if (document.readyState === 'loading') requestAnimationFrame(watch);
  }
  requestAnimationFrame(watch);
  document.addEventListener('DOMContentLoaded', watch);
})();
