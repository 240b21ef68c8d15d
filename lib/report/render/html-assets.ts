/** The stylesheet and script inlined into `checklist.html` (one self-contained page, no external assets). */

export const HTML_STYLE = `
:root{--ink:#16202c;--muted:#5b6775;--line:#d9dee5;--soft:#f4f6f9;--brand:#232f3e;--accent:#ff9900;
--met:#1e7b34;--met-bg:#e6f4ea;--not:#b3261e;--not-bg:#fce8e6;--na:#5f6368;--na-bg:#eef0f2;--exc:#8a5300;--exc-bg:#fff3dc}
*{box-sizing:border-box}
html{font-size:14px}
body{margin:0;color:var(--ink);background:#fff;font-family:"Helvetica Neue",Helvetica,Arial,"Liberation Sans",sans-serif;line-height:1.45}
a{color:#0b5cad;text-decoration:none}a:hover{text-decoration:underline}
code{font-family:"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;font-size:.86em;background:var(--soft);padding:.05em .3em;border-radius:3px;overflow-wrap:break-word}
/* Anchors land below the sticky filter bar. */
[id]{scroll-margin-top:96px}
header.doc{background:var(--brand);color:#fff;padding:28px 40px 22px;border-bottom:4px solid var(--accent)}
header.doc .kicker{text-transform:uppercase;letter-spacing:.12em;font-size:.78rem;color:#ffcf80;margin:0 0 6px}
header.doc h1{margin:0 0 4px;font-size:1.9rem;font-weight:600}
header.doc .sub{margin:0;color:#d5dbe3}
main{padding:24px 40px 60px;max-width:1320px;margin:0 auto}
header.doc>*{max-width:1240px;margin-left:auto;margin-right:auto}
h2{font-size:1.3rem;margin:34px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--brand)}
h3{font-size:1.05rem;margin:22px 0 8px}
.meta{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:0;border:1px solid var(--line);border-radius:6px;overflow:hidden;margin-bottom:18px}
.meta div{padding:9px 14px;border-right:1px solid var(--line);border-bottom:1px solid var(--line)}
.meta dt{font-size:.72rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0}
.meta dd{margin:2px 0 0;font-weight:500}
.verdict{display:flex;align-items:center;gap:14px;padding:14px 18px;border-radius:6px;margin:0 0 16px;font-size:1.05rem;font-weight:600}
.verdict.ok{background:var(--met-bg);color:var(--met);border:1px solid #b7dfc2}
.verdict.ko{background:var(--not-bg);color:var(--not);border:1px solid #f3b9b3}
.cards{display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:12px;margin-bottom:14px}
.card{border:1px solid var(--line);border-radius:6px;padding:12px 14px;border-top:4px solid var(--na)}
.card .n{font-size:1.9rem;font-weight:700;line-height:1.1}
.card .l{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
.card.met{border-top-color:var(--met)}.card.met .n{color:var(--met)}
.card.not{border-top-color:var(--not)}.card.not .n{color:var(--not)}
.card.exc{border-top-color:#e0a030}.card.exc .n{color:var(--exc)}
.bar{display:flex;height:10px;border-radius:5px;overflow:hidden;background:var(--na-bg);margin:4px 0 20px}
.bar span{display:block}.bar .met{background:var(--met)}.bar .exc{background:#e0a030}.bar .not{background:var(--not)}
.attention{border:1px solid #f3b9b3;background:#fffafa;border-radius:6px;padding:10px 16px;margin-bottom:8px}
.attention h3{margin:4px 0 6px;color:var(--not);font-size:.95rem}
.attention ul{margin:0;padding-left:18px;columns:2;column-gap:32px;font-size:.88rem}.attention li{margin:2px 0;break-inside:avoid}
.attention .why{color:var(--muted)}
.filters{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.97);border:1px solid var(--line);border-radius:6px;padding:10px 14px;display:flex;flex-wrap:wrap;gap:14px;align-items:center;margin:18px 0 6px;box-shadow:0 2px 6px rgba(20,30,45,.06)}
.filters label{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);display:flex;align-items:center;gap:6px}
.filters select,.filters input{font:inherit;font-size:.92rem;padding:5px 8px;border:1px solid #b8c0ca;border-radius:4px;color:var(--ink);background:#fff;text-transform:none;letter-spacing:0}
.filters input{width:260px}
.filters .count{margin-left:auto;color:var(--muted);font-size:.88rem}
table{border-collapse:collapse;width:100%;margin:6px 0 14px;font-size:.93rem}
th,td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid var(--line)}
th{background:var(--soft);font-size:.74rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line)}
table.items{table-layout:fixed}
table.items td.id{font-weight:600;word-break:break-word}
table.ack tr.rule th{text-transform:none;letter-spacing:0;font-size:.9rem;color:var(--ink);padding-top:12px}
table.items td.lvl{color:var(--muted);font-size:.85rem}
table.items td.basis{color:#2e3a47;font-size:.88rem}
tr.hidden,section.hidden,article.hidden{display:none}
.badge{display:inline-block;padding:2px 9px;border-radius:11px;font-size:.78rem;font-weight:700;letter-spacing:.02em;white-space:nowrap}
.badge.met{background:var(--met-bg);color:var(--met)}.badge.not-met{background:var(--not-bg);color:var(--not)}
.badge.not-applicable{background:var(--na-bg);color:var(--na)}.badge.exc{background:var(--exc-bg);color:var(--exc)}
.badge.small{font-size:.7rem;padding:1px 7px}
.group-head{display:flex;align-items:baseline;gap:12px}.group-head .tally{color:var(--muted);font-size:.85rem;font-weight:400}
.ack td.reason{font-style:italic}
.ack code{overflow-wrap:anywhere}
.synth-errors{background:var(--not-bg);color:var(--not);border-bottom:3px solid var(--not);padding:12px 40px;font-weight:500}
table.versions{width:auto;min-width:40%}
table.hashes td.hash code{font-size:.78em;overflow-wrap:anywhere}
ul.live{margin:4px 0 0;padding-left:16px;font-size:.92em}
figure{margin:10px 0 24px;border:1px solid var(--line);border-radius:6px;padding:12px;background:#fff}
figure svg{max-width:100%;height:auto;display:block;margin:0 auto}
.flows{margin-top:12px;font-size:13px}.flows h3{margin:8px 0 4px;font-size:14px}.flows ol{padding-left:28px;margin:0}.flows ol>li{margin:6px 0}
.flows ul{list-style:none;padding-left:0;margin:2px 0}.flows ul li{margin:2px 0 2px 0;padding-left:3.2em;text-indent:-3.2em}
.flows .step{display:inline-block;min-width:2.6em;text-indent:0;text-align:center;border-radius:8px;background:#232f3e;color:#fff;font-weight:600;font-size:11px;margin-right:.4em}
.flows .step.cross{background:#e7157b}
figcaption{color:var(--muted);font-size:.85rem;margin-top:8px;text-align:center}
article.item{border:1px solid var(--line);border-left:5px solid var(--na);border-radius:6px;padding:12px 18px;margin:0 0 14px;break-inside:avoid}
article.item.met{border-left-color:var(--met)}article.item.not-met{border-left-color:var(--not)}article.item.exc{border-left-color:#e0a030}
article.item h3{margin:2px 0 4px;display:flex;gap:10px;align-items:center}
article.item .req{color:#33404e;margin:4px 0 8px}
article.item blockquote.seed{margin:6px 0;padding:6px 10px;border-left:3px solid #c9d3de;background:#f7f9fb;font-size:.9rem}
table.items .seed-title{font-size:.85rem;color:#4a5868}
article.item .basis{margin:6px 0;font-weight:500}
article.item .problems{color:var(--not);margin:4px 0 8px;padding-left:18px}
article.item dl{display:grid;grid-template-columns:170px 1fr;gap:4px 14px;margin:8px 0 0}
article.item dt{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;padding-top:2px}
article.item dd{margin:0}
article.item table{font-size:.85rem;margin:4px 0}
.ok{color:var(--met)}.ko{color:var(--not)}.muted{color:var(--muted)}
.top{float:right;font-size:.8rem}
footer{margin-top:40px;padding-top:12px;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
nav.toc{columns:3;font-size:.9rem;margin:6px 0 0}nav.toc a{display:block;padding:1px 0}
@media (max-width:900px){.cards{grid-template-columns:repeat(3,1fr)}.meta{grid-template-columns:1fr}main,header.doc{padding-left:18px;padding-right:18px}}
@media print{
  @page{size:A4;margin:14mm 12mm}
  html{font-size:11px}
  header.doc{background:#fff;color:var(--ink);border-bottom:3px solid var(--brand);padding:0 0 10px}
  header.doc .kicker{color:var(--muted)}header.doc .sub{color:var(--muted)}
  main{padding:0;max-width:none}
  .filters,.top,nav.toc{display:none}
  tr.hidden,section.hidden,article.hidden{display:revert}
  a{color:var(--ink)}
  h2{break-after:avoid}tr,article.item,figure{break-inside:avoid}
  .badge,.card,.verdict,.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

export const HTML_SCRIPT = `
(function(){
  var st=document.getElementById('f-status'),gr=document.getElementById('f-group'),tx=document.getElementById('f-text'),cn=document.getElementById('f-count');
  function apply(){
    var s=st.value,g=gr.value,q=tx.value.trim().toLowerCase(),shown=0,total=0;
    document.querySelectorAll('[data-item]').forEach(function(el){
      var ok=(!s||el.getAttribute('data-status')===s||(s==='exception'&&el.getAttribute('data-exc')==='1'))&&(!g||el.getAttribute('data-group')===g)&&(!q||el.getAttribute('data-text').indexOf(q)>=0);
      el.classList.toggle('hidden',!ok);
      if(el.tagName==='TR'){total++;if(ok)shown++;}
    });
    document.querySelectorAll('section.group').forEach(function(sec){
      sec.classList.toggle('hidden',!sec.querySelector('tr[data-item]:not(.hidden)'));
    });
    cn.textContent=shown===total?('All '+total+' items'):(shown+' of '+total+' items');
  }
  [st,gr].forEach(function(e){e.addEventListener('change',apply)});tx.addEventListener('input',apply);
  apply();
})();
`;
