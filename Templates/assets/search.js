/* disclose — site search.
 * 1. Names first: the query is matched as a plain substring against every unit's names, region and
 *    主管部门 from search/names.js (written by disclose), so “渠县” or “组织部” finds the units whose
 *    names contain it whatever a word segmenter would make of it.
 * 2. Then full text: Pagefind's index (pagefind/, made by `disclose build --search`), with filters.
 * Nothing here is needed to read the site; without JavaScript the search page says so. */
(function () {
  "use strict";
  var LIMIT_NAMES = 100, LIMIT_TEXT = 30;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var namesBox = document.getElementById("search-names"), namesList = document.getElementById("search-names-list");
  var textBox = document.getElementById("search-text"), textList = document.getElementById("search-text-list");
  var filterBox = document.getElementById("search-filters");
  if (!input || !status) return;
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var index = window.DISCLOSE_NAMES || { units: [] };
  var pagefind = null, pagefindTried = false;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs) if (Object.prototype.hasOwnProperty.call(attrs, key)) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Full-width digits and spaces as typed by a Chinese input method. */
  function normalize(text) {
    return (text || "").replace(/[\uFF10-\uFF19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48); })
      .replace(/\u3000/g, " ").trim();
  }

  function parse(query) {
    var years = [], words = [];
    normalize(query).split(/\s+/).forEach(function (token) {
      if (!token) return;
      var year = /^(\d{4})(年度?)?$/.exec(token);
      if (year) years.push(Number(year[1])); else words.push(token.toLowerCase());
    });
    return { years: years, words: words };
  }

  function selected() {
    var chosen = {};
    selects.forEach(function (s) { if (s.value) chosen[s.getAttribute("data-filter")] = s.value; });
    return chosen;
  }

  /* How well one word names a unit: whole name, start of a name, part of a name, other name, region, 主管部门. */
  function wordScore(unit, word) {
    var names = [unit.name, unit.short].concat(unit.aliases || []), best = 0;
    names.forEach(function (n) {
      n = (n || "").toLowerCase();
      if (!n) return;
      if (n === word) best = Math.max(best, 100);
      else if (n.indexOf(word) === 0) best = Math.max(best, 80);
      else if (n.indexOf(word) > 0) best = Math.max(best, 60);
    });
    (unit.other || []).forEach(function (n) {
      n = (n || "").toLowerCase();
      if (n === word) best = Math.max(best, 90); else if (n.indexOf(word) >= 0) best = Math.max(best, 50);
    });
    var region = (unit.region || "").toLowerCase();
    if (region && region.indexOf(word) >= 0) best = Math.max(best, region.slice(-word.length) === word ? 45 : 40);
    var supervisor = (unit.supervisor || "").toLowerCase();
    if (supervisor && supervisor.indexOf(word) >= 0) best = Math.max(best, 30);
    return best;
  }

  function matchNames(query, chosen) {
    if (!query.words.length && !query.years.length) return [];
    var matches = [];
    index.units.forEach(function (unit) {
      var score = 0;
      for (var i = 0; i < query.words.length; i++) {
        var s = wordScore(unit, query.words[i]);
        if (!s) return;
        score += s;
      }
      if (chosen["单位"] && unit.name !== chosen["单位"]) return;
      if (chosen["地区"] && unit.region !== chosen["地区"]) return;
      if (chosen["主管部门"] && (unit.supervisor || unit.name) !== chosen["主管部门"]) return;
      var years = query.years.slice();
      if (chosen["年度"]) years.push(Number(chosen["年度"]));
      var reports = unit.reports.filter(function (r) {
        if (years.length && years.indexOf(r.year) < 0) return false;
        if (chosen["类型"] && chosen["类型"] !== r.kind + "决算") return false;
        return true;
      });
      if (!reports.length) return;
      matches.push({ unit: unit, reports: reports, score: score });
    });
    matches.sort(function (a, b) { return b.score - a.score || (a.unit.name < b.unit.name ? -1 : a.unit.name > b.unit.name ? 1 : 0); });
    return matches;
  }

  function showNames(matches) {
    namesList.textContent = "";
    matches.slice(0, LIMIT_NAMES).forEach(function (m) {
      var li = el("li", { "data-unit": m.unit.id });
      var title = el("a", { href: "../" + m.unit.url }, m.unit.name);
      li.appendChild(el("h3", {})).appendChild(title);
      var meta = [m.unit.region, m.unit.supervisor ? "主管部门：" + m.unit.supervisor : ""].filter(Boolean).join(" · ");
      if (meta) li.appendChild(el("p", { "class": "meta" }, meta));
      var years = el("ul", { "class": "years" });
      m.reports.forEach(function (r) {
        years.appendChild(el("li")).appendChild(el("a", { href: "../" + r.url, "data-report": r.url }, r.year + "年度" + r.kind + "决算"));
      });
      li.appendChild(years);
      namesList.appendChild(li);
    });
    namesBox.hidden = matches.length === 0;
  }

  /* Pagefind marks matches with <mark>; everything else in an excerpt is shown as text. */
  function excerptNode(html) {
    var p = el("p", { "class": "excerpt" });
    (html || "").split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      var text = part.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&");
      if (text) p.appendChild(marked ? el("mark", {}, text) : document.createTextNode(text));
      return marked;
    }, false);
    return p;
  }

  function loadPagefind() {
    if (pagefindTried) return Promise.resolve(pagefind);
    pagefindTried = true;
    return import(new URL("../pagefind/pagefind.js", document.baseURI).href).then(function (pf) {
      pagefind = pf;
      return pf.options({ baseUrl: "/" }).then(function () { return pf.filters(); }).then(function (filters) {
        selects.forEach(function (s) {
          var values = Object.keys(filters[s.getAttribute("data-filter")] || {}).sort(function (a, b) { return a < b ? 1 : a > b ? -1 : 0; });
          if (s.getAttribute("data-filter") !== "年度") values.reverse();
          values.forEach(function (v) { s.appendChild(el("option", { value: v }, v)); });
        });
        if (filterBox) filterBox.hidden = false;
        return pf;
      });
    }).catch(function () { pagefind = null; return null; });
  }

  var run = 0;
  function search() {
    var current = ++run;
    var query = parse(input.value), chosen = selected();
    var matches = matchNames(query, chosen);
    showNames(matches);
    var listed = {};
    matches.forEach(function (m) { m.reports.forEach(function (r) { listed[r.url] = true; }); });
    textList.textContent = "";
    textBox.hidden = true;
    var hasQuery = query.words.length || query.years.length || Object.keys(chosen).length;
    if (!hasQuery) { status.textContent = "请输入要搜索的单位、地区、年度或事项。"; return; }
    status.textContent = "名称匹配 " + matches.length + " 个单位；正在全文搜索…";
    loadPagefind().then(function (pf) {
      if (current !== run) return;
      if (!pf) {
        status.textContent = "名称匹配 " + matches.length + " 个单位。本站未建立全文搜索索引，只能按单位名称、地区和年度搜索。";
        return;
      }
      var filters = {};
      Object.keys(chosen).forEach(function (k) { filters[k] = chosen[k]; });
      if (query.years.length) filters["年度"] = { any: query.years.map(String) };
      var text = query.words.join(" ") || null;
      return pf.search(text, { filters: filters }).then(function (found) {
        if (current !== run) return;
        var results = found.results;
        return Promise.all(results.slice(0, LIMIT_TEXT).map(function (r) { return r.data(); })).then(function (pages) {
          if (current !== run) return;
          var shown = 0;
          pages.forEach(function (page) {
            var url = page.url.replace(/^\//, "");
            if (listed[url]) return;
            shown++;
            var li = el("li", { "data-url": url });
            li.appendChild(el("h3", {})).appendChild(el("a", { href: "../" + url }, (page.meta && page.meta.title) || url));
            li.appendChild(excerptNode(page.excerpt));
            textList.appendChild(li);
          });
          textBox.hidden = shown === 0;
          status.textContent = "名称匹配 " + matches.length + " 个单位；全文匹配 " + results.length + " 个页面" +
            (results.length > LIMIT_TEXT ? "（显示前 " + LIMIT_TEXT + " 个）" : "") + "。";
        });
      });
    }).catch(function () {
      if (current === run) status.textContent = "名称匹配 " + matches.length + " 个单位；全文搜索出错，请稍后再试。";
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  selects.forEach(function (s) { s.addEventListener("change", search); });
  var form = input.form;
  if (form) form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url.href);
    search();
  });
  search();
})();
