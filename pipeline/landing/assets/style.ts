// The page's stylesheet, inlined into index.html (the page loads nothing from the network).
export const PAGE_CSS = `
:root{--fg:#1b1b1b;--muted:#595959;--bg:#fff;--line:#d6d6d6;--accent:#0b5cad;--mark:#ffe08a;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;line-height:1.45;color:var(--fg);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0;overflow-wrap:break-word}
a{color:var(--accent)}
:focus-visible{outline:3px solid #e8a500;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:2}
.skip:focus{left:.5rem}
header.site,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header.site{padding-top:1.2rem}
h1{font-size:1.7rem;line-height:1.2;margin:.2rem 0 .4rem}
h2{font-size:1.3rem;margin:2.2rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0;margin:.6rem 0}
.lede{font-size:1.05rem;max-width:60rem}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.5rem;margin:1rem 0;padding:0}
.facts div{border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem}
.facts dt{font-size:.8rem;color:var(--muted)}
.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
pre{background:#f5f5f5;border:1px solid var(--line);border-radius:4px;padding:.6rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.figure-scroll{overflow-x:auto;border:1px solid var(--line);border-radius:6px;padding:.4rem;background:#fff}
svg{display:block;width:100%;height:auto;font-size:11px}
svg.defs-only{position:absolute;width:0;height:0;overflow:hidden}
svg .tick{fill:#333}svg .tick.small{font-size:9px}svg .tick.year{font-weight:600}
svg .phase-label{font-size:10px;fill:#222}
svg a.bar:focus{outline:none}svg a.bar .focus-ring{fill:none;stroke:none}
svg a.bar:focus .focus-ring,svg a.bar:hover .focus-ring,svg a.place:focus circle.area,svg a.place:focus circle.point{stroke:#e8a500;stroke-width:3}
svg a.bar.selected .focus-ring{stroke:#111;stroke-width:2}
svg .area{fill:rgba(0,114,178,.28);stroke:#0072B2;stroke-width:1.4;stroke-dasharray:4 2}
svg .point{fill:#D55E00;fill-opacity:.85;stroke:#fff;stroke-width:1.2}
svg .pin{fill:#fff;stroke:#000;stroke-width:.8}
svg .place-label{font-size:11px;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg .panel-title{font-size:13px;font-weight:600;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0;margin:.6rem 0}
.legend li{display:flex;align-items:center;gap:.4rem}
.legend svg{width:1.6rem;height:1rem;display:inline-block;border:1px solid #666}
.legend svg.round{border:none;width:1.4rem;height:1.4rem}
ol.phases{padding-left:1.4rem}ol.phases li{margin:.3rem 0}
.note{color:var(--muted);font-size:.9rem}
.controls{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;margin:.6rem 0}
.controls label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600;gap:.2rem}
.controls input,.controls select,.controls button,button.more{font:inherit;padding:.4rem .5rem;border:1px solid #767676;border-radius:4px;background:#fff;min-height:2.5rem}
.controls input{min-width:16rem}
#table-status{font-weight:600}
.table-scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.45rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-size:.85rem}
th button{font:inherit;font-weight:700;border:0;background:none;padding:0;cursor:pointer;color:inherit;text-align:left}
th button::after{content:" \\2195";color:var(--muted)}
th[aria-sort=ascending] button::after{content:" \\2191";color:var(--fg)}
th[aria-sort=descending] button::after{content:" \\2193";color:var(--fg)}
td.date{white-space:nowrap}td.date small,td small{display:block;color:var(--muted);font-size:.78rem}
mark{background:var(--mark);padding:0 .1em;border-bottom:2px solid #9a6b00}
td ul{list-style:none;margin:0;padding:0}
.files td:nth-child(3) code{overflow-wrap:anywhere;word-break:break-all}
.dict td:first-child code{font-weight:600}
.dict .req{font-size:.75rem;border:1px solid #767676;border-radius:3px;padding:0 .25rem;margin-left:.3rem}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
footer{margin-top:3rem;padding-bottom:2rem;color:var(--muted);font-size:.9rem}
@media (max-width:700px){
 h1{font-size:1.35rem}
 .controls input{min-width:0;width:100%}.controls label{flex:1 1 100%}
 table.statements thead{position:absolute;left:-9999px}
 table.statements,table.statements tbody,table.statements tr,table.statements td{display:block;width:100%}
 table.statements caption{display:block;text-align:left}
 table.statements tr{border:1px solid var(--line);border-radius:6px;margin:.6rem 0;padding:.3rem}
 table.statements td{border:0;padding:.2rem .3rem}
 table.statements td::before{content:attr(data-label);display:block;font-size:.72rem;font-weight:700;color:var(--muted);text-transform:uppercase}
 table.statements td:empty{display:none}
 .files th:nth-child(3),.files td:nth-child(3){font-size:.7rem}
}
`;
