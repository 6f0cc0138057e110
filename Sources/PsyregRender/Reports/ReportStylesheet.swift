import PsyregCore

/// The style sheet of the HTML reports, inlined in each page's `<style>`: the verdict colours
/// (class `v-<verdict>` on table chips and timeline band segments alike), the layout for phones
/// (wide tables scroll, per-substance tables become cards below 640 px) and for print. It has
/// no `@import` and no `url()` but the page's own `url(#hatch)`: nothing is fetched.
package enum ReportStylesheet {
  package static let css = """
    :root { color-scheme: light; --allowed: #4a9e5c; --conditional: #2456a8; --decriminalized: #b06a00;
      --prohibited: #7f1d1d; --unknown: #e3e3e3; --ink: #1b1b1b; --muted: #595959; --rule: #d9d9d9; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .8rem; }
    h2 { font-size: 1.4rem; margin: 2.2rem 0 .6rem; padding-top: .6rem; border-top: 2px solid var(--ink); }
    h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
    a { color: #0b57a4; }
    .kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; }
    .id { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); font-weight: normal; }
    .muted { color: var(--muted); }
    .small { font-size: .85rem; color: var(--muted); }
    .date, .since { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .since { font-size: .85rem; color: var(--muted); }
    code.hash { font-size: .8rem; overflow-wrap: anywhere; }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
    dl.meta dt { font-weight: 600; }
    dl.meta dd { margin: 0; min-width: 0; }
    .disclaimer { border-left: 4px solid var(--prohibited); background: #fbeeed; padding: .5rem .8rem; margin: 1rem 0; }
    .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
    table { border-collapse: collapse; width: 100%; font-size: .92rem; }
    th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--rule); }
    thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
    tbody th { font-weight: 600; }
    table.summary td, table.matrix td { white-space: nowrap; }
    table.matrix td.inherited .v { font-style: italic; font-weight: 500; border-style: dashed; border-color: #595959; }
    table.matrix { width: auto; }
    main:has(table.matrix) { max-width: 92rem; }
    table.matrix caption { text-align: left; font-weight: 600; padding: .3rem 0; }
    table.matrix th, table.matrix td { padding: .2rem .15rem; }
    table.matrix thead th { white-space: nowrap; vertical-align: bottom; font-size: .8rem; }
    table.matrix thead th.rot { height: 11rem; width: 2rem; }
    table.matrix thead th.rot span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block;
      max-height: 10.8rem; overflow: hidden; text-overflow: ellipsis; }
    table.matrix tbody th { min-width: 7.5rem; position: sticky; left: 0; background: #fff; z-index: 1; font-size: .85rem; }
    table.matrix td { text-align: center; }
    table.matrix a.cell { text-decoration: none; }
    table.matrix .v { font-size: .66rem; padding: 0 .12rem; }
    table.matrix abbr { text-decoration: none; }
    ul.story { list-style: none; padding: 0; margin: .4rem 0 .8rem; }
    ul.story li { margin: .2rem 0; }
    ul.story .v { min-width: 7.5rem; text-align: center; margin-right: .3rem; }
    tr.uncertain td { background: #fff8e1; }
    .v { display: inline-block; padding: .05rem .45rem; border-radius: .3rem; font-size: .82rem; font-weight: 600;
      white-space: nowrap; border: 1px solid transparent; }
    .v-allowed { background: #e3f4e7; color: #14532d; border-color: #4a9e5c; }
    .v-conditional { background: #2456a8; color: #fff; border-color: #2456a8; }
    .v-decriminalized { background: #fde7c2; color: #5c3500; border-color: #b06a00; }
    .v-prohibited { background: #7f1d1d; color: #fff; border-color: #7f1d1d; }
    .v-unknown { background: #fff; color: #404040; border-color: #8c8c8c; border-style: dotted; }
    a .v-conditional, a .v-prohibited { text-decoration: none; }
    .mark { text-decoration: none; margin-left: .25rem; }
    .refs { font-size: .8rem; white-space: nowrap; }
    .legend { font-size: .85rem; display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; }
    ol.sources { padding-left: 2.2rem; font-size: .9rem; }
    ol.sources li { overflow-wrap: anywhere; margin: .15rem 0; }
    ol.sources li:target { background: #fff3b0; }
    figure.timeline { margin: .8rem 0 1rem; }
    figure.timeline figcaption { font-size: .85rem; color: var(--muted); }
    svg.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
    div.tl { margin: .2rem 0 .3rem; }
    svg.tl { display: block; width: 100%; overflow: visible; }
    svg.tl line, svg.tl rect.hatch { vector-effect: non-scaling-stroke; }
    svg.tl rect.seg.v-allowed { fill: var(--allowed); }
    svg.tl rect.seg.v-conditional { fill: var(--conditional); }
    svg.tl rect.seg.v-decriminalized { fill: var(--decriminalized); }
    svg.tl rect.seg.v-prohibited { fill: var(--prohibited); }
    svg.tl rect.seg.v-unknown { fill: var(--unknown); stroke: #737373; stroke-width: 1; vector-effect: non-scaling-stroke; }
    svg.tl rect.hatch { fill: url(#hatch); pointer-events: none; }
    svg.tl .axis, svg.tl .tick { stroke: var(--ink); stroke-width: 1; }
    svg.tl .lane { stroke: var(--rule); stroke-width: 1; }
    svg.tl .mk line { stroke-linecap: round; }
    svg.tl .mk .dot { stroke-width: 10; }
    svg.tl .mk .ring { stroke-width: 15; stroke: #a45200; }
    svg.tl .mk .hole { stroke-width: 5; stroke: #fff; }
    svg.tl .mk-l0 .dot { stroke: #1b1b1b; }
    svg.tl .mk-l1 .dot { stroke: #555555; }
    svg.tl .mk-l2 .dot, svg.tl .mk-l3 .dot { stroke: #737373; }
    svg.tl .mk-beside .dot { stroke: #1b1b1b; }
    .band-label { font-size: .8rem; margin-top: .35rem; }
    svg.strip { height: 22px; }
    .lane-label { font-size: .78rem; color: var(--muted); margin-top: .3rem; }
    .lane { position: relative; border-top: 1px solid var(--rule); height: 1.7rem; }
    .lane.d2 { height: 3.2rem; } .lane.d3 { height: 4.7rem; } .lane.d4 { height: 6.2rem; }
    .lane .num { position: absolute; transform: translateX(-50%); min-width: 1.45rem; height: 1.45rem;
      border-radius: .75rem; font-size: .72rem; font-weight: 700; line-height: 1.45rem; text-align: center;
      text-decoration: none; padding: 0 .2rem; top: .1rem; }
    .lane .num.lvl1 { top: 1.6rem; } .lane .num.lvl2 { top: 3.1rem; } .lane .num.lvl3 { top: 4.6rem; }
    .lane .num-binding { background: #1b1b1b; color: #fff; }
    .lane .num-beside { background: #fff; color: #1b1b1b; border: 2px solid #1b1b1b; line-height: 1.2rem; }
    .lane .num-uncertain { box-shadow: 0 0 0 3px #a45200; }
    ol.marks { font-size: .85rem; margin: .4rem 0 0; padding-left: 2.2rem; }
    ol.marks li { margin: .1rem 0; }
    ol.marks li:target { background: #fff3b0; }
    .years { position: relative; height: 1.3rem; font-size: .78rem; color: var(--muted);
      font-variant-numeric: tabular-nums; }
    .years span { position: absolute; top: 0; transform: translateX(-50%); }
    .key { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; margin: 0 .25rem 0 .5rem;
      vertical-align: -.05rem; }
    .key.mk-l0 { background: #1b1b1b; }
    .key.mk-l1 { background: #555555; }
    .key.mk-l2, .key.mk-l3 { background: #737373; }
    .key.mk-beside { background: #fff; border: 2.5px solid #1b1b1b; }
    .key.mk-uncertain { background: #fff; border: 2.5px solid #a45200; }
    footer { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid var(--rule); font-size: .85rem; }
    @media (max-width: 640px) {
      body { font-size: 15px; }
      main { padding: .75rem .8rem 2rem; }
      h1 { font-size: 1.5rem; }
      dl.meta { grid-template-columns: 1fr; }
      dl.meta dd { margin-bottom: .3rem; }
      .years span.minor { display: none; }
      .lane.pd1 { height: 1.7rem; } .lane.pd2 { height: 3.2rem; } .lane.pd3 { height: 4.7rem; } .lane.pd4 { height: 6.2rem; }
      .lane .num.p0 { top: .1rem; } .lane .num.p1 { top: 1.6rem; } .lane .num.p2 { top: 3.1rem; } .lane .num.p3 { top: 4.6rem; }
      table.cards thead { display: none; }
      table.cards tr { display: block; padding: .45rem 0; border-bottom: 1px solid var(--rule); }
      table.cards th, table.cards td { display: block; border: 0; padding: .05rem 0; }
      table.cards td.entry { font-weight: 600; }
      table.cards td[data-label]:empty { display: none; }
      table.cards td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: normal; }
    }
    @media print {
      @page { size: A4; margin: 12mm; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font-size: 8.5pt; line-height: 1.3; }
      main { max-width: none; padding: 0; }
      .scroll { overflow: visible; }
      a { color: inherit; text-decoration: none; }
      h1 { font-size: 16pt; }
      h2 { font-size: 12pt; margin: 1rem 0 .3rem; padding-top: .3rem; }
      h3 { font-size: 10pt; margin: .6rem 0 .2rem; }
      h2, h3 { break-after: avoid; }
      tr, figure, li { break-inside: avoid; }
      /* The handout: the story, the verdicts and the band; the full timeline, the notes on
         uncertain entries and the source list stay on screen (and in the Markdown and JSON). */
      table.events, ul.uncertainties, ul.labels, h3:has(+ div.scroll > table.events),
        h3:has(+ ul.uncertainties), h3:has(+ ul.labels) { display: none; }
      ol.sources { columns: 3; column-gap: 1rem; font-size: 6pt; line-height: 1.2; }
      ol.sources li { margin: 0; }
      /* On paper the narrow staggering (p, pd) is used, whatever the page width. */
      .lane, .lane.d1, .lane.d2, .lane.d3, .lane.d4 { height: 1.05rem; }
      .lane.pd2 { height: 2rem; } .lane.pd3 { height: 2.9rem; } .lane.pd4 { height: 3.8rem; }
      .lane .num { min-width: .95rem; height: .95rem; line-height: .95rem; font-size: 6pt; }
      .lane .num.lvl0, .lane .num.lvl1, .lane .num.lvl2, .lane .num.lvl3 { top: .05rem; }
      .lane .num.p1 { top: 1rem; } .lane .num.p2 { top: 1.9rem; } .lane .num.p3 { top: 2.8rem; }
      .lane .num.p0 { top: .05rem; }
      .lane .num-beside { line-height: .75rem; }
      .years { height: .9rem; font-size: 6.5pt; }
      ul.designations, h3:has(+ ul.designations) { display: none; }
      div.scroll:has(> table.layers), section.borrowed figure, section.borrowed p.muted { display: none; }
      ol.marks { columns: 2; column-gap: 1.5rem; font-size: 7pt; }
      ol.marks li { break-inside: avoid; }
      ol.marks .muted { display: none; }
      ul.story li { margin: 0; }
      ul.story .v { min-width: 6.5rem; font-size: 7pt; }
      figcaption { display: none; }
      .lane-label, .band-label { font-size: 7pt; margin-top: .1rem; }
      svg.strip { height: 12px; }
      h2 { border-top-width: 1px; }
      section.substance { break-inside: auto; }
      table.matrix thead th.rot { height: 7rem; width: 1.3rem; }
      table.matrix .v { font-size: 6pt; min-width: 0; padding: 0 .1rem; }
      table.matrix tbody th { min-width: 0; font-size: 7pt; }
      table.matrix th, table.matrix td { padding: .05rem .05rem; }
    }

    """
}
