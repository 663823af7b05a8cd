import {expect} from '@open-wc/testing';
import {renderMarkdown} from '../../src/markdown/index.js';
import {StreamingMarkdown} from '../../src/markdown/streaming.js';
import {typesetFormula} from '../../src/elements/coze-message-list/math-typesetter.js';

const formulas = (fragment: ParentNode) =>
  [...fragment.querySelectorAll('.math-inline, .math-display')].map(
    (el) => `${el.className}:${el.textContent}`
  );

describe('formula markup', () => {
  it('marks each delimiter form and leaves code and prices alone', () => {
    const fragment = renderMarkdown(
      'A $x^2$ and \\(y\\), `$z$` and $5 or $6.\n\n$$\\frac12$$\n\n\\[a+b\\]\n\n\\ce{H2O}'
    );
    expect(formulas(fragment)).to.deep.equal([
      'math-inline:x^2',
      'math-inline:y',
      'math-display:\\frac12',
      'math-display:a+b',
      'math-inline:\\ce{H2O}',
    ]);
    expect(fragment.querySelector('code')!.textContent).to.equal('$z$');
  });

  it('shows a formula that is still streaming as its source until it closes', () => {
    const container = document.createElement('div');
    const renderer = new StreamingMarkdown(container);
    renderer.update('So $e^{i\\pi');
    expect(formulas(container)).to.deep.equal([]);
    expect(container.textContent).to.contain('$e^{i\\pi');
    renderer.update('So $e^{i\\pi}$ holds');
    expect(formulas(container)).to.deep.equal(['math-inline:e^{i\\pi}']);
  });

  it('keeps the marker class only on spans, and nothing a model adds to it', () => {
    const fragment = renderMarkdown(
      '<span class="math-inline" onclick="alert(1)" style="color:red">x</span> <div class="math-display">y</div>'
    );
    const span = fragment.querySelector('span')!;
    expect(span.className).to.equal('math-inline');
    expect(span.getAttributeNames().sort()).to.deep.equal(['class']);
    expect(fragment.querySelector('.math-display')).to.equal(null);
  });

  it('typesets nothing that links, embeds or runs, and keeps what KaTeX cannot read as source', () => {
    const link = document.createElement('span');
    link.className = 'math-inline';
    link.textContent = '\\href{javascript:alert(1)}{x} \\includegraphics{http://x.test/a.png}';
    typesetFormula(link);
    expect(link.querySelector('a, img, [href], [src]')).to.equal(null);
    const broken = document.createElement('span');
    broken.className = 'math-inline';
    broken.textContent = '\\frac{1}{';
    expect(typesetFormula(broken)).to.equal(false);
    expect(broken.classList.contains('math-error')).to.equal(true);
    expect(broken.textContent).to.equal('\\frac{1}{');
  });
});
