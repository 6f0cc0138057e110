import PsyregCore

/// The style sheet of the HTML reports, inlined in each page's `<style>`: the verdict colours
/// (class `v-<verdict>` on table chips and timeline band segments alike), the layout for phones
/// (wide tables scroll, per-substance tables become cards below 640 px) and for print. It has
/// no `@import` and no `url()` but the page's own `url(#hatch)`: nothing is fetched.
package enum ReportStylesheet {
  package static let css = """
    :root { color-scheme: light; --allowed: #1f7a3a; --conditional: #1d5fa8; --decriminalized: #b56a00;
      --prohibited: #b3261e; --unknown: #8a8a8a; --ink: #1b1b1b; --muted: #5c5c5c; --rule: #d9d9d9; }
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
    table.matrix td.inherited .v { opacity: .6; }
    table.matrix th, table.matrix td { padding: .3rem .3rem; }
    table.matrix thead th { white-space: normal; vertical-align: bottom; font-size: .85rem; }
    table.matrix tbody th { min-width: 9.5rem; position: sticky; left: 0; background: #fff; z-index: 1; }
    table.matrix .v { font-size: .74rem; padding: 0 .3rem; }
    tr.uncertain td { background: #fff8e1; }
    .v { display: inline-block; padding: .05rem .45rem; border-radius: .3rem; font-size: .82rem; font-weight: 600;
      white-space: nowrap; border: 1px solid transparent; }
    .v-allowed { background: #dff3e4; color: #14532d; border-color: #a8d8b5; }
    .v-conditional { background: #dde9f8; color: #123f73; border-color: #a7c2e6; }
    .v-decriminalized { background: #fdeccc; color: #6b3f00; border-color: #edc27a; }
    .v-prohibited { background: #f8dcda; color: #7a1710; border-color: #e6a8a3; }
    .v-unknown { background: #eeeeee; color: #444; border-color: #cfcfcf; }
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
    svg.tl rect.seg.v-unknown { fill: var(--unknown); }
    svg.tl rect.hatch { fill: url(#hatch); pointer-events: none; }
    svg.tl .axis, svg.tl .tick { stroke: var(--ink); stroke-width: 1; }
    svg.tl .lane { stroke: var(--rule); stroke-width: 1; }
    svg.tl .mk line { stroke-linecap: round; }
    svg.tl .mk .dot { stroke-width: 10; }
    svg.tl .mk .ring { stroke-width: 15; stroke: #e08a00; }
    svg.tl .mk .hole { stroke-width: 5; stroke: #fff; }
    svg.tl .mk-l0 .dot { stroke: #1b1b1b; }
    svg.tl .mk-l1 .dot { stroke: #6b6b6b; }
    svg.tl .mk-l2 .dot, svg.tl .mk-l3 .dot { stroke: #a0a0a0; }
    svg.tl .mk-beside .dot { stroke: #1b1b1b; }
    .years { position: relative; height: 1.3rem; font-size: .78rem; color: var(--muted);
      font-variant-numeric: tabular-nums; }
    .years span { position: absolute; top: 0; transform: translateX(-50%); }
    .key { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; margin: 0 .25rem 0 .5rem;
      vertical-align: -.05rem; }
    .key.mk-l0 { background: #1b1b1b; }
    .key.mk-l1 { background: #6b6b6b; }
    .key.mk-l2, .key.mk-l3 { background: #a0a0a0; }
    .key.mk-beside { background: #fff; border: 2.5px solid #1b1b1b; }
    .key.mk-uncertain { background: #fff; border: 2.5px solid #e08a00; }
    footer { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid var(--rule); font-size: .85rem; }
    @media (max-width: 640px) {
      body { font-size: 15px; }
      main { padding: .75rem .8rem 2rem; }
      h1 { font-size: 1.5rem; }
      dl.meta { grid-template-columns: 1fr; }
      dl.meta dd { margin-bottom: .3rem; }
      .years span.minor { display: none; }
      table.cards thead { display: none; }
      table.cards tr { display: block; padding: .45rem 0; border-bottom: 1px solid var(--rule); }
      table.cards th, table.cards td { display: block; border: 0; padding: .05rem 0; }
      table.cards td.entry { font-weight: 600; }
      table.cards td[data-label]:empty { display: none; }
      table.cards td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: normal; }
    }
    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font-size: 10pt; }
      main { max-width: none; padding: 0; }
      .scroll { overflow: visible; }
      a { color: inherit; text-decoration: none; }
      h2, h3 { break-after: avoid; }
      tr, figure, li { break-inside: avoid; }
    }

    """
}
