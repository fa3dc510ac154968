// Renders ```mermaid blocks as SVG diagrams in the current theme. The source stays on the page
// in a <details> element below each diagram, so it is readable without JavaScript too.
import mermaid from 'mermaid';

const blocks = [];

async function draw() {
  const dark = document.documentElement.dataset.theme === 'dark';
  mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default', securityLevel: 'strict', fontFamily: 'inherit' });
  for (const [i, block] of blocks.entries()) {
    const { svg } = await mermaid.render('diagram-' + i + '-' + (dark ? 'd' : 'l'), block.source);
    block.target.innerHTML = svg;
  }
}

export async function render() {
  document.querySelectorAll('pre.mermaid').forEach((pre) => {
    const figure = document.createElement('figure');
    figure.className = 'diagram';
    const target = document.createElement('div');
    target.className = 'diagram-svg';
    target.setAttribute('role', 'img');
    target.setAttribute('aria-label', 'Diagram; its source follows');
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Diagram source';
    pre.replaceWith(figure);
    details.append(summary, pre);
    figure.append(target, details);
    blocks.push({ source: pre.textContent, target });
  });
  await draw();
  document.addEventListener('themechange', () => draw());
}
