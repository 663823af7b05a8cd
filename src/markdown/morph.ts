/**
 * Makes the trailing run `current` of `parent`'s children match `next`,
 * reusing nodes where it can: an element with the same name keeps its
 * identity (its attribute values and children are brought in line), a text node
 * keeps its identity and only has its data changed (appended to, when the new
 * text extends the old, so a selection in it survives). Anything else is
 * replaced by the node from `next`.
 *
 * `next` must be sanitised nodes that are not in the document; they are moved
 * in or used as the template for existing ones. Only values read from `next`
 * are written.
 *
 * @returns the nodes that now make up the run, in order.
 */
export function morphRun(parent: ParentNode, current: ChildNode[], next: ChildNode[]): ChildNode[] {
  const result: ChildNode[] = [];
  for (let i = 0; i < next.length; i++) {
    const want = next[i]!;
    const have = current[i];
    if (have === undefined) {
      parent.append(want);
      result.push(want);
    } else if (have.isEqualNode(want)) {
      result.push(have);
    } else if (morphable(have, want)) {
      morphNode(have, want);
      result.push(have);
    } else {
      have.replaceWith(want);
      result.push(want);
    }
  }
  for (let i = next.length; i < current.length; i++) current[i]!.remove();
  return result;
}

/**
 * Same kind of node; for elements also the same attribute names in the same
 * order (the order shows in serialisations, which `finish()` compares).
 */
function morphable(have: ChildNode, want: ChildNode): boolean {
  if (have.nodeType !== want.nodeType || have.nodeName !== want.nodeName) return false;
  if (have.nodeType !== Node.ELEMENT_NODE) return true;
  const names = (have as Element).getAttributeNames();
  const wanted = (want as Element).getAttributeNames();
  return names.length === wanted.length && names.every((name, i) => name === wanted[i]);
}

function morphNode(have: ChildNode, want: ChildNode): void {
  if (have.nodeType !== Node.ELEMENT_NODE) {
    const old = have.nodeValue ?? '';
    const value = want.nodeValue ?? '';
    if (old === value) return;
    if (have instanceof CharacterData && value.startsWith(old)) {
      have.appendData(value.slice(old.length));
    } else {
      have.nodeValue = value;
    }
    return;
  }
  const element = have as Element;
  const template = want as Element;
  for (const name of template.getAttributeNames()) {
    const value = template.getAttribute(name)!;
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
  morphRun(element, [...element.childNodes], [...template.childNodes]);
}
