// Chart: ChatKit's bar / line / area charts drawn with Chart.js (npm; built into static/vendor/).
// Chart.js paints labels on a <canvas>, so widget strings in labels are pixels, never markup.
import { CATALOG } from "./catalog.js";
import { color, str } from "./tokens.js";

/** A widget-supplied key's own value ("__proto__" or "constructor" is no key of a data row). */
const own = (o, k) => (o && typeof o === "object" && typeof k === "string" && Object.hasOwn(o, k) ? o[k] : undefined);

// Series without a colour take the chart colours in the catalog's order.
const SERIES_ORDER = CATALOG.colors.chart;
let loading = null;

/** Loads Chart.js's self-contained UMD build once (its ESM build has bare imports, needing an import map). */
function loadChartJs() {
  // Not `if (window.Chart)`: an element with id="Chart" on the page also answers to that name.
  if (typeof window.Chart === "function") return Promise.resolve(window.Chart);
  loading ??= new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = new URL("./vendor/chart.js/chart.umd.min.js", import.meta.url).href;
    s.onload = () => resolve(window.Chart);
    s.onerror = () => { loading = null; reject(new Error("Chart.js could not be loaded from preview/static/vendor (built by scripts/build_assets.py)")); };
    document.head.append(s);
  });
  return loading;
}

/** Resolves any CSS colour (tokens, var(), light-dark()) to rgb() as seen inside `host`. */
function resolver(host) {
  const probe = document.createElement("span");
  probe.style.display = "none";
  host.append(probe);
  return (css, alpha = 1) => {
    probe.style.color = "";
    probe.style.color = css;
    const rgb = getComputedStyle(probe).color;
    const m = rgb.match(/[\d.]+/g) ?? ["0", "0", "0"];
    return `rgba(${m[0]}, ${m[1]}, ${m[2]}, ${alpha * (m[3] != null ? Number(m[3]) : 1)})`;
  };
}

export async function drawChart(n, host, ctx) {
  const canvas = document.createElement("canvas");
  const series = Array.isArray(n.series) ? n.series : [];
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", "Chart: " + series.map((s) => str(s?.label ?? s?.dataKey)).join(", "));
  host.append(canvas);
  const Chart = await loadChartJs();
  // Canvas text uses whatever font is loaded at draw time; wait for ours so screenshots are stable.
  await document.fonts.load("12px Inter").catch(() => {});
  const rgba = resolver(host);
  const data = Array.isArray(n.data) ? n.data.filter((r) => r && typeof r === "object") : [];
  const x = typeof n.xAxis === "string" ? { dataKey: n.xAxis } : (n.xAxis ?? {});
  const labels = data.map((row) => {
    const v = str(own(row, x.dataKey) ?? "");
    return x.labels && typeof own(x.labels, v) === "string" ? x.labels[v] : v;
  });
  const stacked = series.some((s) => s?.stack != null);
  const datasets = series.map((s, i) => {
    const css = color(s.color, "chart") ?? `var(--wk-chart-${SERIES_ORDER[i % SERIES_ORDER.length]})`;
    const solid = rgba(css);
    const kind = s.type === "line" || s.type === "area" ? "line" : "bar";
    const curve = s.curveType ?? "";
    return {
      type: kind,
      order: kind === "line" ? 0 : 1, // lines draw over bars
      label: str(s.label ?? s.dataKey ?? ""),
      data: data.map((row) => (own(row, s.dataKey) == null ? null : Number(row[s.dataKey]))),
      // Series without a stack id get their own, so only same-id series stack (ChatKit's rule).
      stack: s.stack != null ? str(s.stack) : `__${i}`,
      backgroundColor: s.type === "area" ? rgba(css, 0.18) : solid,
      borderColor: solid,
      borderWidth: kind === "bar" ? 0 : 2,
      borderRadius: kind === "bar" ? 4 : 0,
      fill: s.type === "area" ? (s.stack != null ? "stack" : "origin") : false,
      pointRadius: 0,
      pointHoverRadius: 4,
      tension: /natural|basis|bump|monotone/.test(curve) ? 0.35 : 0,
      cubicInterpolationMode: /monotone/.test(curve) ? "monotone" : "default",
      stepped: curve === "step" ? "middle" : curve === "stepBefore" ? "before" : curve === "stepAfter" ? "after" : false,
      maxBarThickness: 40,
      // barGap / barCategoryGap are pixels in ChatKit; Chart.js speaks fractions, so approximate.
      barPercentage: n.barGap != null ? Math.max(0.3, 1 - n.barGap / 40) : 0.9,
      categoryPercentage: n.barCategoryGap != null ? Math.max(0.3, 1 - n.barCategoryGap / 80) : 0.8,
    };
  });
  const tick = rgba("var(--wk-text-tertiary)");
  const grid = rgba("var(--wk-border-subtle)");
  const font = { family: "Inter, ui-sans-serif, system-ui, sans-serif", size: 12 };
  const chart = new Chart(canvas, {
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { display: !x.hide, stacked, grid: { display: false }, border: { display: false }, ticks: { color: tick, font } },
        // grace: headroom above the highest value, so a line or area is never cut at the top.
        y: { display: !!n.showYAxis, stacked, beginAtZero: true, grace: "8%", grid: { color: grid }, border: { display: true, color: grid }, ticks: { color: tick, font, maxTicksLimit: 5 } },
      },
      // Room for the first and last x labels, which Chart.js centres on the plot's very edges.
      layout: { padding: { left: 4, right: 12, top: 4 } },
      plugins: {
        legend: {
          display: n.showLegend ?? series.length > 1,
          position: "bottom",
          // One marker for every kind of series: a dot in the series' own solid colour (an area's
          // translucent fill made its marker a ring).
          labels: {
            color: rgba("var(--wk-text-secondary)"), font, usePointStyle: true, pointStyle: "circle", boxWidth: 6, boxHeight: 6, padding: 16,
            generateLabels: (c) => Chart.defaults.plugins.legend.labels.generateLabels(c).map((l) => ({ ...l, fillStyle: l.strokeStyle, lineWidth: 0 })),
          },
        },
        tooltip: {
          enabled: n.showTooltip ?? true,
          backgroundColor: rgba("var(--wk-surface-elevated)"), titleColor: rgba("var(--wk-text-primary)"),
          bodyColor: rgba("var(--wk-text-secondary)"), borderColor: rgba("var(--wk-border-default)"), borderWidth: 1,
          padding: 10, cornerRadius: 8, titleFont: { ...font, weight: "600" }, bodyFont: font, usePointStyle: true, boxWidth: 6, boxHeight: 6,
        },
      },
    },
  });
  ctx.state.charts.push(chart);
  host.dataset.wkReady = "";
  return chart;
}
