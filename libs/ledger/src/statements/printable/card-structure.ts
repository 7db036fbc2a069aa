/**
 * The logical structure of a card (headings, paragraphs, tables) as a screen reader needs it, or
 * none at all. A single card is a tagged PDF. A village's cards in one PDF are for paper only, and
 * pdfkit keeps every structure element of a tagged document (its parent tree) until the document
 * ends: about 30 KB a card, so a township's print grew by hundreds of megabytes. The bulk document
 * is therefore untagged, and the card writer draws the same way in both.
 */
export interface CardStructure {
  /** A child element, or a drawing that becomes this element's content. */
  add(child: CardStructure | (() => void)): unknown;
  end(): unknown;
}

/** How a card writer makes its elements, and whether the document is tagged at all. */
export interface CardTags {
  readonly tagged: boolean;
  /** An element of `tag` whose content `draw` draws (once attached). */
  element(tag: string, draw?: () => void): CardStructure;
}

/** The document's own structure elements: a tagged PDF. */
export function taggedStructure(doc: PDFKit.PDFDocument): CardTags {
  return {
    tagged: true,
    // pdfkit's elements take functions and other elements as children, as CardStructure does.
    element: (tag, draw) => doc.struct(tag, {}, draw) as unknown as CardStructure,
  };
}

/**
 * No structure: each drawing runs when its element joins the page, in the order the tagged
 * document would run it (pdfkit draws an element's content once it is attached to the tree).
 */
class Untagged implements CardStructure {
  private attached = false;
  private readonly pending: (Untagged | (() => void))[] = [];

  constructor(draw?: () => void) {
    if (draw) this.pending.push(draw);
  }

  add(child: CardStructure | (() => void)): this {
    const next = child instanceof Untagged || typeof child === 'function' ? child : undefined;
    if (!next) throw new Error('an untagged card takes untagged elements only');
    if (this.attached) Untagged.run(next);
    else this.pending.push(next);
    return this;
  }

  end(): this {
    return this;
  }

  /** Attached to the page: draws what waited, children in order. */
  attach(): void {
    this.attached = true;
    for (const child of this.pending.splice(0)) Untagged.run(child);
  }

  private static run(child: Untagged | (() => void)): void {
    if (typeof child === 'function') child();
    else child.attach();
  }
}

/** No structure, for the bulk document. */
export const UNTAGGED: CardTags & { root(): CardStructure } = {
  tagged: false,
  element: (_tag, draw) => new Untagged(draw),
  /** A card's top element, attached already: what is added to it draws at once. */
  root() {
    const root = new Untagged();
    root.attach();
    return root;
  },
};
