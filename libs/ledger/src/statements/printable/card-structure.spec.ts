import { UNTAGGED } from './card-structure';

/** The untagged structure draws what the tagged one would, in the same order, with no PDF at all. */
describe('an untagged card structure', () => {
  it('given an attached root, when elements with drawings join it, then each draws at once, in order', () => {
    const drawn: string[] = [];
    const root = UNTAGGED.root();
    root.add(UNTAGGED.element('H1', () => drawn.push('title')));
    const table = UNTAGGED.element('Table');
    root.add(table);
    const row = UNTAGGED.element('TR');
    table.add(row);
    row.add(UNTAGGED.element('TD', () => drawn.push('cell 1')));
    row.add(() => drawn.push('cell 2'));
    row.end();
    table.end();
    expect(drawn).toEqual(['title', 'cell 1', 'cell 2']);
  });

  it('given an element not yet attached, when it joins the root, then what it holds draws then, in order', () => {
    const drawn: string[] = [];
    const row = UNTAGGED.element('TR', () => drawn.push('row'));
    row.add(UNTAGGED.element('TD', () => drawn.push('cell')));
    expect(drawn).toEqual([]);
    UNTAGGED.root().add(row);
    expect(drawn).toEqual(['row', 'cell']);
  });

  it('refuses a child that is not its own kind', () => {
    const foreign = { add: () => undefined, end: () => undefined };
    expect(() => UNTAGGED.root().add(foreign)).toThrow(/untagged/);
  });
});
