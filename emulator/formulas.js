// @ts-check
/** Answers with formulas: inline, display and chemistry, beside dollars that are not math. */

/** `math`: every way a model writes a formula, plus code and prices that must stay as they are. */
export const FORMULA_ANSWER = `Euler's identity, $e^{i\\pi} + 1 = 0$, links five constants; so does \\(a^2 + b^2 = c^2\\) for right triangles.

$$
\\int_0^1 x^2\\,dx = \\frac{1}{3}
$$

The roots of $ax^2 + bx + c = 0$ are

\\[
x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}
\\]

Water forms as $\\ce{2H2 + O2 -> 2H2O}$, and \\ce{CO2 + H2O <=> H2CO3} in the sea.

In code the dollars stay: \`echo $HOME\` and

\`\`\`sh
price=$5; echo "$price"
\`\`\`

A coffee costs $3 and a cake $4, which is not a formula.`;

/**
 * `math 50`: an answer with `count` formulas (for the bench and for what a long answer costs).
 * @param {number} count
 */
export function manyFormulas(count) {
  return Array.from(
    {length: count},
    (_, i) =>
      `Step ${i + 1}: $\\sum_{k=1}^{${i + 2}} k^2 = \\frac{n(n+1)(2n+1)}{6}$ with $n = ${i + 2}$.`
  ).join('\n\n');
}
