/// The configuration and templates of the Hugo site `HugoSite` writes (Hugo 0.111 or later).
/// They do what disclose's templates do with the same data, in Hugo's idiom: a base layout with the
/// site's header and footer, the narrative through Goldmark with a table of contents, tables rendered
/// from data cell by cell, drawings inlined, listings made by Hugo from the report pages.
enum HugoTemplates {
    /// The site's configuration; `title` is a TOML basic string, quoted.
    static func config(title: String) -> String {
        """
        baseURL = "https://example.gov.cn/"
        languageCode = "zh-cn"
        title = \(title)
        disableKinds = ["RSS", "taxonomy", "term"]
        [markup.goldmark.renderer]
          unsafe = false
        # CommonMark only, as disclose's libcmark renders it: no GFM tables, autolinks or typographic quotes.
        [markup.goldmark.extensions]
          definitionList = false
          footnote = false
          linkify = false
          strikethrough = false
          table = false
          taskList = false
          typographer = false
        [markup.tableOfContents]
          startLevel = 2
          endLevel = 3

        """
    }

    /// Paths under `layouts/` and their text.
    static let layouts: [(String, String)] = [
        ("_default/baseof.html", """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ with .Title }}{{ . }} - {{ end }}{{ site.Title }}</title>
        <link rel="stylesheet" href="{{ "assets/site.css" | relURL }}">
        <link rel="stylesheet" href="{{ "assets/print.css" | relURL }}" media="print">
        <link rel="icon" href="{{ "assets/favicon.svg" | relURL }}">
        </head>
        <body>
        <header class="site-header"><a class="site-name" href="{{ "/" | relURL }}">{{ site.Title }}</a>
        <nav><ul><li><a href="{{ "/" | relURL }}">首页</a></li><li><a href="{{ "compare/" | relURL }}">比较</a></li><li><a href="{{ "data/" | relURL }}">开放数据</a></li><li><a href="{{ "search/" | relURL }}">搜索</a></li></ul></nav>
        </header>
        <main id="main">
        {{ block "main" . }}{{ end }}
        </main>
        <footer class="site-footer"><p>{{ site.Title }}</p></footer>
        <script src="{{ "assets/copy.js" | relURL }}" defer></script>
        </body>
        </html>

        """),
        ("_default/single.html", """
        {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}

        """),
        ("_default/list.html", """
        {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}

        """),
        ("partials/tables.html", """
        {{ range . }}<table class="{{ .class }}">
        <caption>{{ .caption }}</caption>
        <thead>{{ range .head }}<tr>{{ range . }}{{ if .h }}<th{{ with .s }} scope="{{ . }}"{{ end }}{{ with .c }} class="{{ . }}"{{ end }}{{ with .cs }} colspan="{{ . }}"{{ end }}{{ with .rs }} rowspan="{{ . }}"{{ end }}>{{ .t }}</th>{{ else }}<td{{ with .c }} class="{{ . }}"{{ end }}{{ with .cs }} colspan="{{ . }}"{{ end }}{{ with .rs }} rowspan="{{ . }}"{{ end }}>{{ .t }}</td>{{ end }}{{ end }}</tr>
        {{ end }}</thead>
        <tbody>{{ range .body }}<tr>{{ range . }}{{ if .h }}<th{{ with .s }} scope="{{ . }}"{{ end }}{{ with .c }} class="{{ . }}"{{ end }}{{ with .cs }} colspan="{{ . }}"{{ end }}{{ with .rs }} rowspan="{{ . }}"{{ end }}>{{ .t }}</th>{{ else }}<td{{ with .c }} class="{{ . }}"{{ end }}{{ with .cs }} colspan="{{ . }}"{{ end }}{{ with .rs }} rowspan="{{ . }}"{{ end }}>{{ .t }}</td>{{ end }}{{ end }}</tr>
        {{ end }}</tbody>
        </table>
        {{ end }}
        """),
        ("partials/figure.html", """
        {{ with . }}{{ lang.FormatNumberCustom 2 (float .) }}{{ end }}
        """),
        ("index.html", """
        {{ define "main" }}<h1>{{ site.Title }}</h1>
        {{ range sort ((where site.RegularPages "Type" "report").GroupByParam "year") "Key" "desc" }}
        <section><h2>{{ .Key }}年度</h2>
        <table class="summary"><caption class="visually-hidden">{{ .Key }}年度各单位决算主要数据（单位：万元）</caption>
        <thead><tr><th scope="col">单位</th><th scope="col">收、支总计</th><th scope="col">本年支出合计</th><th scope="col">“三公”经费</th><th scope="col">报告</th></tr></thead>
        <tbody>
        {{ range .Pages.ByParam "unit" }}<tr><th scope="row"><a href="{{ .Parent.RelPermalink }}">{{ .Params.unitname }}</a></th><td class="num">{{ partial "figure.html" .Params.figures.grand }}</td><td class="num">{{ partial "figure.html" .Params.figures.expenditure }}</td><td class="num">{{ partial "figure.html" .Params.figures.threepublic }}</td><td><a href="{{ .RelPermalink }}">{{ .Params.reportname }}</a></td></tr>
        {{ end }}</tbody></table></section>
        {{ end }}{{ end }}

        """),
        ("unit/list.html", """
        {{ define "main" }}<h1>{{ .Title }}</h1>
        {{ range .Params.svgs }}<figure>{{ readFile . | safeHTML }}</figure>
        {{ end }}{{ partial "tables.html" .Params.tables }}
        <table class="summary"><caption>{{ .Title }}历年决算主要数据（单位：万元）</caption>
        <thead><tr><th scope="col">年度</th><th scope="col">收、支总计</th><th scope="col">本年收入合计</th><th scope="col">本年支出合计</th><th scope="col">基本支出</th><th scope="col">项目支出</th><th scope="col">“三公”经费</th><th scope="col">机关运行经费</th></tr></thead>
        <tbody>
        {{ range (.Pages.ByParam "year").Reverse }}{{ $report := . }}{{ with .Params.figures }}<tr><th scope="row"><a href="{{ $report.RelPermalink }}">{{ $report.Params.year }}</a></th><td class="num">{{ partial "figure.html" .grand }}</td><td class="num">{{ partial "figure.html" .income }}</td><td class="num">{{ partial "figure.html" .expenditure }}</td><td class="num">{{ partial "figure.html" .basic }}</td><td class="num">{{ partial "figure.html" .project }}</td><td class="num">{{ partial "figure.html" .threepublic }}</td><td class="num">{{ partial "figure.html" .agency }}</td></tr>
        {{ end }}{{ end }}</tbody></table>
        {{ end }}

        """),
        ("report/single.html", """
        {{ define "main" }}<article class="report">
        <nav class="breadcrumbs"><a href="{{ "/" | relURL }}">首页</a> › <a href="{{ .Parent.RelPermalink }}">{{ .Params.unitname }}</a></nav>
        <h1>{{ .Title }}</h1>
        <section class="key-figures"><h2>主要数据（万元）</h2><dl>
        <dt>收、支总计</dt><dd>{{ partial "figure.html" .Params.figures.grand }}</dd>
        <dt>本年收入合计</dt><dd>{{ partial "figure.html" .Params.figures.income }}</dd>
        <dt>本年支出合计</dt><dd>{{ partial "figure.html" .Params.figures.expenditure }}</dd>
        </dl></section>
        <nav class="toc"><h2>目　录</h2>{{ .TableOfContents }}</nav>
        {{ .Content }}
        {{ range .Resources.Match "charts/*.svg" }}<figure>{{ .Content | safeHTML }}<figcaption><a href="{{ .RelPermalink }}">SVG</a></figcaption></figure>
        {{ end }}
        {{ partial "tables.html" .Params.tables }}
        </article>{{ end }}

        """),
        ("page/single.html", """
        {{ define "main" }}<h1>{{ .Title }}</h1>
        {{ range .Params.svgs }}<figure>{{ readFile . | safeHTML }}</figure>
        {{ end }}{{ partial "tables.html" .Params.tables }}
        {{ end }}

        """),
        ("404.html", """
        {{ define "main" }}<h1>页面不存在</h1><p><a href="{{ "/" | relURL }}">返回首页</a></p>{{ end }}

        """),
    ]
}
